/**
 * The error of the page's last write. After a save Jira did not take, it says the typed text is safe and
 * offers to repeat exactly what failed (save, or save and mark ready).
 */
import type { ResolverError } from '#contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { RetryAs } from './state';

export function SaveError({
  error,
  retryAs,
  editing,
  busy,
  onRetry,
}: {
  error: ResolverError;
  /** Set while the failed write can be repeated from the editor. */
  retryAs: RetryAs | null;
  editing: boolean;
  busy: boolean;
  onRetry(what: RetryAs): void;
}) {
  return (
    <ErrorMessage
      error={error}
      testId="action-error"
      note={editing && retryAs ? 'Nothing you typed is lost: it stays in the editor, and on this device until it is saved.' : undefined}
      retry={
        editing && retryAs && !busy
          ? {
              label: retryAs === 'save' ? 'Try saving again' : 'Try again: save and mark ready',
              onRetry: () => onRetry(retryAs),
              testId: 'action-error-retry',
            }
          : undefined
      }
    />
  );
}
