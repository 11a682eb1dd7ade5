/** The row under a small form: the submit button (busy while saving) and Cancel. */
import Button from '@atlaskit/button/new';

export function FormActions({
  submitLabel,
  submitTestId,
  cancelTestId,
  busy,
  onCancel,
  appearance = 'primary',
}: {
  submitLabel: string;
  submitTestId: string;
  cancelTestId: string;
  busy: boolean;
  onCancel(): void;
  appearance?: 'primary' | 'warning';
}) {
  return (
    <div className="row">
      <Button type="submit" appearance={appearance} isDisabled={busy} isLoading={busy} testId={submitTestId}>
        {submitLabel}
      </Button>
      <Button appearance="subtle" onClick={onCancel} isDisabled={busy} testId={cancelTestId}>
        Cancel
      </Button>
    </div>
  );
}
