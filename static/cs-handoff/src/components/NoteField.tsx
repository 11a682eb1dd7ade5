/**
 * A labelled text area for a note or answer in a small form, with its helper line and its problem, which is
 * announced (role="alert") once the form was submitted. The error line is always in the page (hidden when
 * there is nothing wrong) so a screen reader announces the text as it changes.
 */
import type { ReactNode, Ref } from 'react';
import TextArea from '@atlaskit/textarea';

export function NoteField({
  id,
  label,
  value,
  onChange,
  onBlur,
  problem,
  helper,
  isRequired = true,
  minimumRows,
  inputRef,
  testId,
  errorTestId,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  /** The problem to show now (empty or null: none). */
  problem: string | null | false;
  helper?: ReactNode;
  isRequired?: boolean;
  minimumRows: number;
  inputRef: Ref<HTMLTextAreaElement>;
  testId: string;
  errorTestId?: string;
}) {
  return (
    <div>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <TextArea
        id={id}
        ref={inputRef}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={onBlur}
        isInvalid={Boolean(problem)}
        isRequired={isRequired}
        minimumRows={minimumRows}
        maxHeight="30vh"
        aria-describedby={helper === undefined ? `${id}-err` : `${id}-help ${id}-err`}
        testId={testId}
      />
      {helper !== undefined && (
        <p className="helper" id={`${id}-help`}>
          {helper}
        </p>
      )}
      <p className="field-error" id={`${id}-err`} role="alert" hidden={!problem} data-testid={errorTestId}>
        {problem || ''}
      </p>
    </div>
  );
}
