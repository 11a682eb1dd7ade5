/**
 * The design system's single select (what Jira's own fields use) over a fixed list of choices keyed by
 * string. `inputId` ties it to a <label htmlFor>; keyboard: Tab in, type to filter or Down to open,
 * Enter to pick, Escape to close. Only the lazily loaded forms import it, so it never weighs on the
 * first screen.
 */
import Select from '@atlaskit/select';

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
  testId: string;
}) {
  return (
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
  );
}
