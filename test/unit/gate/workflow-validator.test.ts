import { createWorkflowValidator, modifiedFixVersionIds } from '#triggers/workflow-validator';
import type { TriggerDeps } from '#triggers/deps';

describe('workflow validator', () => {
  it('fails the transition when the check does not finish within its budget', async () => {
    const log = { error: jest.fn(), warn: jest.fn() };
    const jira = { getIssueFixVersions: () => new Promise(() => undefined) };
    const validate = createWorkflowValidator({ jira, now: () => new Date(), timeZone: 'UTC', log, validatorBudgetMs: 20 } as unknown as TriggerDeps & { validatorBudgetMs: number });
    expect(await validate({ issue: { key: 'SHOP-1' } })).toEqual({ result: false, errorMessage: expect.stringContaining('Could not check the CS handoff, try again') });
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('reads modifiedFields.fixVersions: absent, cleared, objects or ids', () => {
    expect(modifiedFixVersionIds({})).toBeUndefined();
    expect(modifiedFixVersionIds({ transition: { modifiedFields: { labels: null } } })).toBeUndefined();
    expect(modifiedFixVersionIds({ transition: { modifiedFields: { fixVersions: null } } })).toEqual([]);
    expect(modifiedFixVersionIds({ transition: { modifiedFields: { fixVersions: [{ id: '10002' }, 10003, '10004'] } } })).toEqual(['10002', '10003', '10004']);
    expect(() => modifiedFixVersionIds({ transition: { modifiedFields: { fixVersions: [{ name: 'x' }] } } })).toThrow('no id');
  });
});
