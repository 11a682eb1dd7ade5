/** "Rollout: 5%" beside the title, with a small meter: how far the release has reached customers. */
import Lozenge from '@atlaskit/lozenge';
import { stageWords } from './rollout-label';

export function RolloutBadge({ stage }: { stage: string }) {
  const percent = stage === 'not-started' ? 0 : Number(stage);
  return (
    <span className="rollout-badge" data-testid="rollout-badge" data-stage={stage}>
      <Lozenge appearance={percent === 0 ? 'default' : percent === 100 ? 'success' : 'inprogress'} isBold={percent > 0}>
        Rollout: {stageWords(stage)}
      </Lozenge>
      <span
        className="rollout-meter"
        role="meter"
        aria-label="Share of customers with the release"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={stageWords(stage)}
      >
        <span style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}
