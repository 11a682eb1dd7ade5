import { BRIEF_GAP_TASK, issueTypeFor, L3_BUG } from '#domain/issue-types';
import { thrownAppError } from '../app-error';

const errorOf = (fn: () => unknown) => thrownAppError(fn).error;
const type = (id: string, name: string, subtask = false) => ({ id, name, subtask });

// One rule for every type the app files as (it used to be written twice: bugTypeOf and taskTypeOf).
describe('issueTypeFor', () => {
  it('finds the type by name, ignoring case and surrounding spaces, never by a fixed id', () => {
    expect(issueTypeFor([type('1', 'Task'), type('77', 'bug')], L3_BUG, 'SHOP')).toEqual(type('77', 'bug'));
    expect(issueTypeFor([type('5', ' BUG ')], L3_BUG, 'SHOP').id).toBe('5');
    expect(issueTypeFor([type('77', 'Bug'), type('3', ' task')], BRIEF_GAP_TASK, 'SHOP').id).toBe('3');
  });

  it('skips a sub-task type of that name (the app files top-level issues)', () => {
    expect(issueTypeFor([type('9', 'Bug', true), type('10', 'Bug')], L3_BUG, 'SHOP').id).toBe('10');
    expect(errorOf(() => issueTypeFor([type('9', 'Bug', true)], L3_BUG, 'SHOP')).code).toBe('NOT_FOUND');
    expect(errorOf(() => issueTypeFor([type('8', 'Task', true)], BRIEF_GAP_TASK, 'SHOP')).code).toBe('NOT_FOUND');
  });

  it('explains a project without the type, naming the project, what cannot be filed and what to do', () => {
    expect(errorOf(() => issueTypeFor([type('10001', 'Task')], L3_BUG, 'OPS'))).toEqual({
      code: 'NOT_FOUND',
      message: "Project OPS has no Bug issue type, so L3 bugs cannot be filed here. Ask a Jira admin to add Bug to the project's issue types.",
    });
    expect(errorOf(() => issueTypeFor([type('10004', 'Bug')], BRIEF_GAP_TASK, 'OPS'))).toEqual({
      code: 'NOT_FOUND',
      message: "Project OPS has no Task issue type, so brief gaps cannot be filed here. Ask a Jira admin to add Task to the project's issue types.",
    });
  });

  it('reads no issue types at all as a missing Create issues permission, not a missing type', () => {
    for (const filed of [L3_BUG, BRIEF_GAP_TASK]) {
      const error = errorOf(() => issueTypeFor([], filed, 'SHOP'));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toContain('Create issues');
      expect(error.message).toContain(filed.act);
    }
  });
});
