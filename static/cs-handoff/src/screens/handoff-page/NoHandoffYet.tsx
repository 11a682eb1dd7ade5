/** A release without a handoff: why it matters, and for editors the button that starts one. */
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';

export function NoHandoffYet({ canEdit, onWrite }: { canEdit: boolean; onWrite(): void }) {
  return (
    <div data-testid="handoff-empty">
      <SectionMessage appearance="information" title="No handoff yet">
        <p>The PO writes the CS handoff a week before the release, so CS has time to absorb it before customers ask.</p>
        {canEdit && (
          <div style={{ marginTop: 8 }}>
            <Button appearance="primary" onClick={onWrite} testId="write-handoff">
              Write handoff
            </Button>
          </div>
        )}
      </SectionMessage>
    </div>
  );
}
