/** "Rollout: 5%" in the page header: how far the release has reached customers. */
import { Lozenge } from '../components/TokenLook';
import { stageLabel, type RolloutStage } from '#domain/living/rollout-stages';

export function RolloutBadge({ stage }: { stage: RolloutStage }) {
  const percent = stage === 'not-started' ? 0 : Number(stage);
  return (
    <span className="rollout-badge" data-testid="rollout-badge" data-stage={stage}>
      {/* The header's "Rollout" label is above it; screen readers hear the whole phrase once. */}
      <span className="visually-hidden">Rollout: </span>
      <Lozenge appearance={percent === 0 ? 'default' : percent === 100 ? 'success' : 'inprogress'}>{stageLabel(stage)}</Lozenge>
    </span>
  );
}
