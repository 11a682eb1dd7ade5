import type { ResolverError } from '#contract';

/**
 * What a rejected `invoke` means to the person. Resolvers answer every outcome as a Result, so a
 * rejection is the bridge or the platform: Forge's NEEDS_AUTHENTICATION_ERR (thrown on as itself by the
 * resolvers) means the person has not let the app act as them yet, which is theirs to grant, not a
 * connection problem. Anything else is the app not being reached.
 */
export function bridgeFailure(error: unknown): ResolverError {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/NEEDS_AUTHENTICATION_ERR|Authentication Required/.test(text)) {
    return {
      code: 'NEEDS_CONSENT',
      message: 'CS Handoff needs your permission to act as you in Jira. Choose Allow access when Jira asks (reload the page if it does not ask), then try again.',
    };
  }
  return { code: 'JIRA_UNAVAILABLE', message: "Couldn't reach the CS Handoff app. Check your connection and try again." };
}
