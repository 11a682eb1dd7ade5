/**
 * The signal per rollout stage, as a picture: requests linked to the release, L3 bugs filed and
 * questions from support at each stage (not started, 1%, 5%, 25%, 50%, 100%). The bars are drawn for the
 * eye only (aria-hidden); a real table carries the same numbers for everyone else, and "Show as table"
 * shows it on screen instead of the bars. Colours are the design system's categorical chart tokens, so
 * it follows Jira's light and dark themes. Loaded lazily; its numbers come with the page's one call.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Heading } from '../components/TokenLook';
import type { Result, StageSignal, StageSignals as Signals } from '#contract';
import { stageLabel } from '#domain/living/rollout-stages';
import { L3_BUGS_READ_MAX } from '#domain/living/stage-signals';
import { ErrorMessage } from '../components/ErrorMessage';
import './stage-signals.css';

/** The table's caption: other screens and tests find the table by this name. */
export const SIGNALS_TABLE_CAPTION = 'Signals per rollout stage';

const MEASURES: ReadonlyArray<{ key: keyof Omit<StageSignal, 'stage'>; label: string; className: string }> = [
  { key: 'requests', label: 'Requests linked', className: 'signals-requests' },
  { key: 'l3Bugs', label: 'L3 bugs filed', className: 'signals-l3' },
  { key: 'questions', label: 'Questions from support', className: 'signals-questions' },
];

function Bars({ stages }: { stages: StageSignal[] }) {
  const top = Math.max(1, ...stages.flatMap((s) => MEASURES.map((m) => s[m.key])));
  return (
    <div className="signals-figure" aria-hidden="true" data-testid="signals-chart">
      <ul className="signals-legend">
        {MEASURES.map((m) => (
          <li key={m.key}>
            <span className={`signals-swatch ${m.className}`} />
            {m.label}
          </li>
        ))}
      </ul>
      <div className="signals-plot">
        {stages.map((s) => (
          <div className="signals-group" key={s.stage}>
            <div className="signals-bars">
              {MEASURES.map((m) => (
                <div className="signals-bar-slot" key={m.key}>
                  <span className="signals-value">{s[m.key]}</span>
                  <span className={`signals-bar ${m.className}`} style={{ height: `${(s[m.key] / top) * 100}%` }} />
                </div>
              ))}
            </div>
            <span className="signals-stage">{stageLabel(s.stage)}</span>
          </div>
        ))}
      </div>
    </div>
  );
}

export default function StageSignals({ signals }: { signals: Result<Signals> }) {
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="living-section stack-sm" aria-labelledby="signals-title" data-testid="signals-section">
      <div className="row-between">
        <Heading size="medium" as="h2" id="signals-title">
          Signals from support
        </Heading>
        {signals.ok && (
          <Button spacing="compact" appearance="subtle" onClick={() => setAsTable((t) => !t)} aria-pressed={asTable} testId="signals-as-table">
            Show as table
          </Button>
        )}
      </div>
      {!signals.ok ? (
        <ErrorMessage error={signals.error} testId="signals-error" />
      ) : (
        <>
          <p className="muted">Customers' requests linked to this release, L3 bugs filed and questions sent from support, at each rollout stage.</p>
          {!asTable && <Bars stages={signals.value.stages} />}
          <table className={asTable ? 'signals-table' : 'visually-hidden signals-hidden-table'} data-testid="signals-table">
            <caption>{SIGNALS_TABLE_CAPTION}</caption>
            <thead>
              <tr>
                <th scope="col">Rollout stage</th>
                {MEASURES.map((m) => (
                  <th scope="col" key={m.key}>
                    {m.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {signals.value.stages.map((s) => (
                <tr key={s.stage} data-testid={`signals-row-${s.stage}`}>
                  <th scope="row">{stageLabel(s.stage)}</th>
                  {MEASURES.map((m) => (
                    <td key={m.key}>{s[m.key]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {signals.value.l3Partial && <p className="muted">{`Only the first ${L3_BUGS_READ_MAX.toLocaleString('en-US')} L3 bugs are placed by stage.`}</p>}
        </>
      )}
    </section>
  );
}
