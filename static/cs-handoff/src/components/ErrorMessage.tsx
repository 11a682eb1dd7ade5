import { SectionMessage, SectionMessageAction } from './LazySectionMessage';
import type { ResolverError } from '#contract';

const TITLES: Record<ResolverError['code'], string> = {
  INVALID_INPUT: 'Some fields need attention',
  NOT_FOUND: "We couldn't find that",
  FORBIDDEN: "You don't have permission",
  APP_FORBIDDEN: 'CS Handoff is missing a permission in Jira',
  NEEDS_CONSENT: 'Allow CS Handoff to act as you',
  CONFLICT: 'Someone else changed this handoff',
  NOT_READY: "This handoff isn't ready yet",
  TOO_LARGE: 'This handoff is too long',
  JIRA_UNAVAILABLE: "Jira isn't responding",
  INTERNAL: 'Something went wrong',
};

/** Shows any `ok:false` result: the backend's message is always written for people. */
/** Errors worth trying again as they are (Jira or the app did not answer); the others need a change first. */
export function isRetryable(error: ResolverError): boolean {
  return error.code === 'JIRA_UNAVAILABLE' || error.code === 'INTERNAL';
}

export function ErrorMessage({
  error,
  testId = 'error-message',
  retry,
  note,
}: {
  error: ResolverError;
  testId?: string;
  /** Offers "Try again" (or `label`) under the message. */
  retry?: { label?: string; onRetry(): void; testId?: string } | undefined;
  /** One more sentence under the backend's message (e.g. that nothing typed was lost). */
  note?: string | undefined;
}) {
  const fieldMessages = error.fields ? Object.values(error.fields) : [];
  const actions = retry
    ? [
        <SectionMessageAction key="retry" onClick={retry.onRetry} testId={retry.testId ?? `${testId}-retry`}>
          {retry.label ?? 'Try again'}
        </SectionMessageAction>,
      ]
    : undefined;
  return (
    <div role="alert" data-testid={testId} data-error-code={error.code}>
      <SectionMessage appearance="error" title={TITLES[error.code] ?? TITLES.INTERNAL} actions={actions}>
        <p>{error.message}</p>
        {note && <p className="error-note">{note}</p>}
        {fieldMessages.length > 0 && (
          <ul>
            {fieldMessages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        )}
      </SectionMessage>
    </div>
  );
}
