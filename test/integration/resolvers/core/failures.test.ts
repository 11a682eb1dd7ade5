import { LIMITS } from '#domain/handoff';
import { handoffPropertyKey } from '#domain/property-keys';
import { completeContent, expectError, expectOk, relatedWork, SHOP_VERSION, storedProperty, useStartedSite } from '../helpers';

jest.setTimeout(60_000);

const { site, invoke } = useStartedSite();

afterEach(() => {
  site().jira.settings.faults = [];
});

describe('when Jira or the document misbehaves', () => {
  it('saves even when the release-page link cannot be created, and logs it', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    site().jira.settings.faults = [{ pathPattern: '^POST /rest/api/3/version/10001/relatedwork', status: 503, times: 1 }];
    const saved = expectOk(await invoke('release-manager', 'saveHandoff', { versionId: '10001', baseRevision: 0, content: completeContent() }));
    expect(saved.handoff?.revision).toBe(1);
    expect(saved.state).toBe('released');
    expect(await relatedWork(site(), '10001')).toEqual([]);
    expect(warn).toHaveBeenCalledWith('Could not add the CS Handoff link to version 10001', expect.anything());
    warn.mockRestore();
  });

  it('answers JIRA_UNAVAILABLE when Jira stays down through the retries, and writes nothing', async () => {
    // The Jira layer retries a 503 on a read up to 3 attempts; all three fail here.
    site().jira.settings.faults = [{ pathPattern: '^GET /rest/api/3/version/', status: 503, times: 3 }];
    const error = expectError(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent() }));
    expect(error.code).toBe('JIRA_UNAVAILABLE');
    expect(await storedProperty(site(), handoffPropertyKey(SHOP_VERSION))).toBeNull();
  });

  it('refuses a handoff over 32,768 bytes with TOO_LARGE naming the biggest sections, and writes nothing', async () => {
    const questions = Array.from({ length: LIMITS.questions }, () => ({ question: '🎁'.repeat(LIMITS.question), answer: '🎁'.repeat(LIMITS.answer) }));
    const error = expectError(await invoke('po', 'saveHandoff', { versionId: SHOP_VERSION, baseRevision: 0, content: completeContent({ questions }) }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/bytes over Jira's limit of 32,768 bytes/);
    expect(error.message).toContain('Likely questions');
    expect(error.fields).toHaveProperty(['content.questions']);
    expect(await storedProperty(site(), handoffPropertyKey(SHOP_VERSION))).toBeNull();
  });
});
