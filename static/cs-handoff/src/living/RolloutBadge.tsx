/** "Rollout: 5%" beside the title, with a small meter: how far the release has reached customers. */
import Lozenge from '@atlaskit/lozenge';
import { stageLabel, type RolloutStage } from '../../../../src/domain/living/rollout-stages';

export function RolloutBadge({ stage }: { stage: RolloutStage }) {
  const percent = stage === 'not-started' ? 0 : Number(stage);
  return (
    <span className="rollout-badge" data-testid="rollout-badge" data-stage={stage}>
      <Lozenge appearance={percent === 0 ? 'default' : percent === 100 ? 'success' : 'inprogress'} isBold={percent > 0}>
        Rollout: {stageLabel(stage)}
      </Lozenge>
      <span
        className="rollout-meter"
        role="meter"
        aria-label="Share of customers with the release"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={stageLabel(stage)}
      >
        <span style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}
