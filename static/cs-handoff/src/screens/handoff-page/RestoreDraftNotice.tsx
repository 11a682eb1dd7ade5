/** "You have unsaved changes": text typed on an earlier visit and not saved, offered back or discarded. */
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { StoredDraft } from '../../draft-storage';
import { formatInstant } from '../../format';

export function RestoreDraftNotice({ draft, onRestore, onDiscard }: { draft: StoredDraft; onRestore(): void; onDiscard(): void }) {
  return (
    <div data-testid="restore-draft">
      <SectionMessage appearance="information" title="You have unsaved changes">
        <p>You were editing this handoff on {formatInstant(draft.savedAt)} and didn't save.</p>
        <div className="row" style={{ marginTop: 8 }}>
          <Button appearance="primary" onClick={onRestore} testId="restore-draft-button">
            Restore unsaved changes
          </Button>
          <Button appearance="subtle" onClick={onDiscard} testId="discard-draft-button">
            Discard them
          </Button>
        </div>
      </SectionMessage>
    </div>
  );
}
