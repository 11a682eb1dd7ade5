import SectionMessage from '@atlaskit/section-message';
import type { ResolverError } from '../../../../src/contract';

const TITLES: Record<ResolverError['code'], string> = {
  INVALID_INPUT: 'Some fields need attention',
  NOT_FOUND: "We couldn't find that",
  FORBIDDEN: "You don't have permission",
  CONFLICT: 'Someone else changed this handoff',
  NOT_READY: "This handoff isn't ready yet",
  TOO_LARGE: 'This handoff is too long',
  JIRA_UNAVAILABLE: "Jira isn't responding",
  INTERNAL: 'Something went wrong',
};

/** Shows any `ok:false` result: the backend's message is always written for people. */
export function ErrorMessage({ error, testId = 'error-message' }: { error: ResolverError; testId?: string }) {
  const fieldMessages = error.fields ? Object.values(error.fields) : [];
  return (
    <div role="alert" data-testid={testId} data-error-code={error.code}>
      <SectionMessage appearance="error" title={TITLES[error.code] ?? TITLES.INTERNAL}>
        <p>{error.message}</p>
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
