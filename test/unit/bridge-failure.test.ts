import { NeedsAuthenticationError } from '@forge/api';
import { bridgeFailure } from '../../static/cs-handoff/src/bridge-failure';

describe('a rejected invoke, as the UI shows it', () => {
  it("Forge's NeedsAuthenticationError asks the person to allow access, not to check their connection", () => {
    // As Forge's error itself, and as the invoke rejection carries it (the local site's wording).
    for (const error of [new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key'), new Error('There was an error invoking the function - Authentication Required')]) {
      const shown = bridgeFailure(error);
      expect(shown.code).toBe('NEEDS_CONSENT');
      expect(shown.message).toMatch(/^CS Handoff needs your permission to act as you in Jira\. Choose Allow access/);
      expect(shown.message).not.toMatch(/reach|connection/i);
    }
  });

  it('anything else is the app not being reached', () => {
    expect(bridgeFailure(new Error('There was an error invoking the function - Function timed out'))).toMatchObject({
      code: 'JIRA_UNAVAILABLE',
      message: expect.stringContaining("Couldn't reach the CS Handoff app"),
    });
  });
});
