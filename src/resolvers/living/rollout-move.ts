import { initialRollout, moveStage } from '#domain/living/rollout';
import { nextRevision } from '#domain/walkthrough/rules';
import type { Handler } from '../core/run';
import { changeHandoff } from './walkthrough-change';

/** Moves the rollout stage with what was learned (Edit issues), on top of the rollout's own revision. */
export const moveRollout: Handler<'moveRollout'> = (payload, call, deps) =>
  changeHandoff(deps, call, {
    versionId: payload.versionId,
    baseRevision: payload.baseRevision,
    record: 'rollout',
    access: 'edit',
    what: 'the rollout is moved',
    apply: (stored, me, now) => nextRevision(stored, { rollout: moveStage(stored.rollout ?? initialRollout(), payload.to, payload.learned, me, now) }, me, now),
  });
