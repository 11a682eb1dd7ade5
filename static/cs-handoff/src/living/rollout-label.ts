/**
 * The rollout stage as words, for the always-loaded header. The domain's `stageLabel`
 * (src/domain/living/rollout.ts) gives the same words, but importing it would pull zod into the
 * start-up bundle; the lazily loaded rollout section uses the domain helper itself.
 */
export type StageId = 'not-started' | '1' | '5' | '25' | '50' | '100';

export const stageWords = (stage: string): string => (stage === 'not-started' ? 'Not started' : `${stage}%`);
