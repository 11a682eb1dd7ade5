import { SectionMessage } from './TokenSectionMessage';

/**
 * A success message in a live region that is always in the page: screen readers only announce
 * changes to a region that existed before the text arrived, so the region stays (hidden) when empty.
 */
export function SuccessNotice({ notice, testId }: { notice: string | null; testId: string }) {
  return (
    <div role="status" aria-live="polite" className={notice ? '' : 'visually-hidden'} data-testid={testId}>
      {notice && (
        <SectionMessage appearance="success">
          <p>{notice}</p>
        </SectionMessage>
      )}
    </div>
  );
}
