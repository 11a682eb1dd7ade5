/** A labelled control with helper text and an inline error, linked for screen readers. */
import type { ReactNode } from 'react';
import TextArea from '@atlaskit/textarea';

export const errorId = (id: string) => `${id}-error`;
export const helperId = (id: string) => `${id}-helper`;

export function describedBy(id: string, hasHelper: boolean, error?: string): string | undefined {
  const ids = [hasHelper ? helperId(id) : '', error ? errorId(id) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldMessages({ id, helper, error }: { id: string; helper?: ReactNode; error?: string }) {
  return (
    <>
      {helper && (
        <div className="helper" id={helperId(id)}>
          {helper}
        </div>
      )}
      {error && (
        <div className="field-error" id={errorId(id)} data-testid={`${id}-error`}>
          {error}
        </div>
      )}
    </>
  );
}

export function Field({
  id,
  label,
  helper,
  error,
  hideLabel = false,
  children,
}: {
  id: string;
  label: string;
  helper?: ReactNode;
  error?: string;
  /** When a section heading right above already says it. */
  hideLabel?: boolean;
  children: ReactNode;
}) {
  return (
    <div>
      <label className={hideLabel ? 'visually-hidden' : 'field-label'} htmlFor={id}>
        {label}
      </label>
      {children}
      <FieldMessages id={id} helper={helper} error={error} />
    </div>
  );
}

/** A Field holding a TextArea that grows with its text (Atlaskit "smart" resize): the value, its error state and its helper/error links in one place. */
export function TextAreaField({
  id,
  label,
  helper,
  error,
  hideLabel,
  value,
  minimumRows,
  onChange,
  onBlur,
  testId,
}: {
  id: string;
  label: string;
  helper?: ReactNode;
  error?: string;
  hideLabel?: boolean;
  value: string;
  minimumRows: number;
  onChange(value: string): void;
  onBlur(): void;
  testId: string;
}) {
  return (
    <Field id={id} label={label} hideLabel={hideLabel} helper={helper} error={error}>
      <TextArea
        id={id}
        value={value}
        minimumRows={minimumRows}
        resize="smart"
        isInvalid={Boolean(error)}
        aria-describedby={describedBy(id, Boolean(helper), error)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        testId={testId}
      />
    </Field>
  );
}
