import Lozenge from '@atlaskit/lozenge';
import { stageLabel, type RolloutStage } from '#domain/living/rollout-stages';

/** The rollout stage as the handoff page shows it. */
export function StageLozenge({ stage }: { stage: RolloutStage }) {
  const appearance = stage === 'not-started' ? 'default' : stage === '100' ? 'success' : 'inprogress';
  return <Lozenge appearance={appearance}>{stage === 'not-started' ? 'Rollout not started' : `Rollout ${stageLabel(stage)}`}</Lozenge>;
}
