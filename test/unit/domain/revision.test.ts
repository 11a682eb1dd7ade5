import { emptyContent } from '#domain/handoff-defaults';
import { applyContent, applyStatus, assertBaseRevision, revisionOf } from '#domain/revision';
import { completeContent, storedHandoff } from './fixtures';
import { thrownAppError } from '../app-error';

const priya = { accountId: 'acc-po', displayName: 'Priya Patel' };
const rita = { accountId: 'acc-rm', displayName: 'Rita Okafor' };
const now = new Date('2026-07-01T12:00:00.000Z');

describe('applyContent', () => {
  it('starts a first save as draft revision 1', () => {
    const saved = applyContent(null, { versionId: '10002', projectId: '10000' }, completeContent(), priya, now);
    expect(saved).toMatchObject({ schemaVersion: 1, versionId: '10002', projectId: '10000', status: 'draft', readyAt: null, revision: 1 });
    expect(saved.updatedAt).toBe('2026-07-01T12:00:00.000Z');
    expect(saved.updatedBy).toEqual(priya);
  });

  it('increments the revision and keeps status and readyAt', () => {
    const previous = storedHandoff({ revision: 4, status: 'ready', readyAt: '2026-06-20T08:00:00.000Z' });
    const saved = applyContent(previous, { versionId: '10002', projectId: '10000' }, completeContent(), rita, now);
    expect(saved).toMatchObject({ revision: 5, status: 'ready', readyAt: '2026-06-20T08:00:00.000Z', updatedBy: rita });
  });
});

describe('assertBaseRevision', () => {
  it('accepts the stored revision (0 when there is no handoff)', () => {
    expect(() => assertBaseRevision(0, null, emptyContent())).not.toThrow();
    expect(() => assertBaseRevision(3, storedHandoff({ revision: 3 }), emptyContent())).not.toThrow();
    expect(revisionOf(null)).toBe(0);
  });

  it('answers CONFLICT with theirs and yours when someone saved since', () => {
    const theirs = storedHandoff({ revision: 4, updatedBy: rita });
    const yours = completeContent();
    const error = thrownAppError(() => assertBaseRevision(3, theirs, yours));
    expect(error.error.code).toBe('CONFLICT');
    expect(error.error.message).toContain('Rita Okafor');
    expect(error.error.conflict).toEqual({ theirs, yours });
  });

  it('answers CONFLICT when a first save finds a handoff already there', () => {
    expect(thrownAppError(() => assertBaseRevision(0, storedHandoff({ revision: 1 }), emptyContent())).error.code).toBe('CONFLICT');
  });

  it('answers NOT_FOUND when the handoff vanished since it was opened', () => {
    expect(thrownAppError(() => assertBaseRevision(2, null, emptyContent())).error.code).toBe('NOT_FOUND');
  });
});

describe('stamps', () => {
  it('are whole seconds, so the handoff and the overview index show the same instant', () => {
    const saved = applyContent(null, { versionId: '1', projectId: '2' }, completeContent(), priya, new Date('2026-07-01T12:00:00.987Z'));
    expect(saved.updatedAt).toBe('2026-07-01T12:00:00.000Z');
  });
});

describe('applyStatus', () => {
  it('marks a complete handoff ready and stamps readyAt', () => {
    const next = applyStatus(storedHandoff({ content: completeContent(), revision: 2 }), 'ready', rita, now);
    expect(next).toMatchObject({ status: 'ready', readyAt: '2026-07-01T12:00:00.000Z', revision: 3, updatedBy: rita });
  });

  it('refuses ready with NOT_READY naming what is missing, in the message and in fields', () => {
    const content = completeContent({ whatsNew: '', escalation: { l1LookUp: 'x', l2Reproduce: '' } });
    const error = thrownAppError(() => applyStatus(storedHandoff({ content }), 'ready', priya, now));
    expect(error.error.code).toBe('NOT_READY');
    expect(error.error.message).toContain("A what's-new paragraph");
    expect(error.error.message).toContain('L2: how to reproduce');
    expect(error.error.fields).toEqual({
      'content.whatsNew': "A what's-new paragraph",
      'content.escalation.l2Reproduce': 'L2: how to reproduce',
    });
  });

  it('clears readyAt when it goes back to draft', () => {
    const previous = storedHandoff({ content: completeContent(), status: 'ready', readyAt: '2026-06-01T00:00:00.000Z', revision: 5 });
    expect(applyStatus(previous, 'draft', priya, now)).toMatchObject({ status: 'draft', readyAt: null, revision: 6 });
  });

  it('lets an incomplete handoff go back to draft', () => {
    expect(applyStatus(storedHandoff({ status: 'ready', readyAt: '2026-06-01T00:00:00.000Z' }), 'draft', priya, now).status).toBe('draft');
  });
});
