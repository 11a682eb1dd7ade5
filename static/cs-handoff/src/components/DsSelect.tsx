/**
 * The design system's single select (what Jira's own fields use) over a fixed list of choices keyed by
 * string. `inputId` ties it to a <label htmlFor>; keyboard: Tab in, type to filter or Down to open,
 * Enter to pick, Escape to close. Atlaskit's select (react-select, ~33 KB gzip) loads when a select is
 * first rendered, so a page that shows one only in a form opened later never waits for it: the form's
 * Suspense boundary shows until the code is there, then the form mounts whole (its focus-on-open works).
 */
import { lazy } from 'react';
import type SelectType from '@atlaskit/select';

/** Starts loading the select's code (a page that shows selects at once calls it beside its data call). */
export const loadSelect = () => import('@atlaskit/select');
const Select = lazy(loadSelect) as unknown as typeof SelectType;

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export function DsSelect<T extends string>({
  inputId,
  options,
  value,
  onChange,
  placeholder = 'Choose…',
  isInvalid,
  describedBy,
  wide = false,
  testId,
}: {
  inputId: string;
  options: readonly Choice<T>[];
  /** Null when nothing is chosen yet: the placeholder shows. */
  value: T | null;
  onChange(value: T): void;
  placeholder?: string;
  isInvalid?: boolean;
  describedBy?: string;
  /** Jira sizes a select to its choices; long labels (the settle form's Q&As) need more room. */
  wide?: boolean;
  testId: string;
}) {
  return (
    <div className={wide ? 'ds-select ds-select-wide' : 'ds-select'}>
      <Select<Choice<T>>
        inputId={inputId}
        options={options}
        value={options.find((o) => o.value === value) ?? null}
        onChange={(choice) => choice && onChange(choice.value)}
        placeholder={placeholder}
        isInvalid={isInvalid}
        aria-describedby={describedBy}
        menuPlacement="auto"
        testId={testId}
      />
    </div>
  );
}
