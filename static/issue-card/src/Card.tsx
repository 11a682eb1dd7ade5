/**
 * The "Release handoff" card on a Jira issue (jira:issueContext): the handoff of the release the request
 * is about, or a picker of live releases. A person who cannot browse the issue sees nothing.
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { CardRelease, CardReleaseRef, IssueHandoffCard, RequestReleaseLink } from '#contract';
import { CopyText } from '../../cs-handoff/src/escalation/CopyText';
import { ExternalLink } from '../../cs-handoff/src/components/ExternalLink';
import { cardApi } from './api';
import { FindAnswer } from './FindAnswer';
import { NotInHandoff } from './NotInHandoff';
import { RequestActions } from './RequestActions';
import { StageLozenge } from './StageLozenge';
import { ESCALATION_TITLES, SECTION_TITLES } from '#domain/section-titles';

type View =
  | { kind: 'loading' }
  | { kind: 'hidden' }
  | { kind: 'error'; message: string }
  | { kind: 'card'; card: IssueHandoffCard }
  | { kind: 'picking'; card: IssueHandoffCard; choices: CardReleaseRef[] | null; error?: string };

const SOURCE_TEXT: Record<IssueHandoffCard['source'], string> = {
  linked: 'The release this request is linked to.',
  'fix-version': "This issue's fix or affects version.",
  chosen: 'The release you chose.',
  none: '',
};

export function IssueCard() {
  const [view, setView] = useState<View>({ kind: 'loading' });

  const load = useCallback(async (versionId?: string) => {
    setView({ kind: 'loading' });
    const r = await cardApi.getCard(versionId);
    if (r.ok) setView({ kind: 'card', card: r.value });
    else if (r.error.code === 'FORBIDDEN' && versionId === undefined) setView({ kind: 'hidden' });
    else setView({ kind: 'error', message: r.error.message });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const pickAnother = async (card: IssueHandoffCard) => {
    setView({ kind: 'picking', card, choices: null });
    const r = await cardApi.listLiveReleases();
    setView(r.ok ? { kind: 'picking', card, choices: r.value } : { kind: 'picking', card, choices: [], error: r.error.message });
  };

  if (view.kind === 'hidden') return <div data-testid="issue-card-hidden" />;
  return (
    <main className="card stack" data-testid="issue-card">
      <h1 className="visually-hidden">Release handoff</h1>
      <FindAnswer />
      {view.kind === 'loading' && (
        <p className="muted" role="status" data-testid="issue-card-loading">
          Loading the release handoff…
        </p>
      )}
      {view.kind === 'error' && (
        <div className="stack-sm">
          <p role="alert" data-testid="issue-card-error">
            {view.message}
          </p>
          <Button onClick={() => void load()}>Try again</Button>
        </div>
      )}
      {view.kind === 'card' && view.card.release && (
        <ReleaseSection
          card={view.card}
          release={view.card.release}
          onPickAnother={() => void pickAnother(view.card)}
          onLinked={(link) => setView({ kind: 'card', card: linkedCard(view.card, link) })}
        />
      )}
      {view.kind === 'card' && !view.card.release && (
        <Picker choices={view.card.choices} onPick={(id) => void load(id)} intro="Nothing links this issue to a release yet. Choose the release the customer is asking about:" />
      )}
      {view.kind === 'picking' &&
        (view.choices === null ? (
          <p className="muted" role="status">
            Loading live releases…
          </p>
        ) : (
          <>
            {view.error && <p role="alert">{view.error}</p>}
            <Picker choices={view.choices} onPick={(id) => void load(id)} intro="Choose the release the customer is asking about:" />
            <Button appearance="subtle" onClick={() => setView({ kind: 'card', card: view.card })}>
              Cancel
            </Button>
          </>
        ))}
    </main>
  );
}

/** The card once the agent linked the request to the release it shows. */
const linkedCard = (card: IssueHandoffCard, link: RequestReleaseLink): IssueHandoffCard => ({ ...card, source: 'linked', linked: { stage: link.stage, linkedAt: link.linkedAt } });

function Picker({ choices, onPick, intro }: { choices: CardReleaseRef[]; onPick: (versionId: string) => void; intro: string }) {
  if (choices.length === 0) {
    return (
      <p className="muted" data-testid="issue-card-no-live">
        No release is in rollout or was released in the last 30 days in the projects you can browse.
      </p>
    );
  }
  return (
    <section aria-labelledby="pick-heading" className="stack-sm" data-testid="issue-card-picker">
      <h2 id="pick-heading" className="card-h2">
        Live releases
      </h2>
      <p className="muted">{intro}</p>
      <ul className="picker">
        {choices.map((c) => (
          <li key={c.versionId}>
            <button type="button" className="pick" onClick={() => onPick(c.versionId)} data-testid="issue-card-choice">
              <span className="pick-name">{c.versionName}</span>
              <span className="small muted">
                {c.projectName}
                {c.releaseDate ? ` · ${c.released ? 'released' : 'due'} ${c.releaseDate}` : ''}
              </span>
              <StageLozenge stage={c.stage} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReleaseSection({ card, release, onPickAnother, onLinked }: { card: IssueHandoffCard; release: CardRelease; onPickAnother: () => void; onLinked(link: RequestReleaseLink): void }) {
  return (
    <section aria-labelledby="release-heading" className="stack" data-testid="issue-card-release">
      <div className="stack-sm">
        <h2 id="release-heading" className="card-h2" data-testid="issue-card-release-name">
          {release.versionName}
        </h2>
        <p className="small muted">
          {release.projectName} · {SOURCE_TEXT[card.source]}
        </p>
        <div className="row">
          <StageLozenge stage={release.stage} />
          {release.status === 'draft' && <Lozenge appearance="moved">Draft</Lozenge>}
        </div>
        <div className="row">
          <ExternalLink href={release.handoffUrl} testId="issue-card-open-handoff" className="app-link">
            Open the full handoff
          </ExternalLink>
          {card.source !== 'linked' && (
            <Button appearance="subtle" spacing="compact" onClick={onPickAnother} testId="issue-card-pick-another">
              Another release
            </Button>
          )}
        </div>
      </div>
      <RequestActions card={card} release={release} onLinked={onLinked} onChange={onPickAnother} />
      {release.status === 'none' ? (
        <p className="muted" data-testid="issue-card-no-handoff">
          This release has no CS handoff yet.
        </p>
      ) : (
        <>
          <div>
            <h3 className="card-h3">{SECTION_TITLES.whatsNew}</h3>
            <p data-testid="issue-card-whats-new">{release.whatsNew || 'Not written yet.'}</p>
          </div>
          <div>
            <h3 className="card-h3">{SECTION_TITLES.limitations}</h3>
            {release.limitations.length > 0 ? (
              <ul className="bullets" data-testid="issue-card-limitations">
                {release.limitations.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{release.noKnownLimitations ? 'None known.' : 'Not written yet.'}</p>
            )}
          </div>
          <div>
            <h3 className="card-h3">{SECTION_TITLES.questions}</h3>
            {release.questions.length > 0 ? (
              <ul className="questions" data-testid="issue-card-questions">
                {release.questions.map((q, i) => (
                  <li key={i}>
                    <details>
                      <summary>{q.question}</summary>
                      <p>{q.answer}</p>
                    </details>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Not written yet.</p>
            )}
          </div>
          <NotInHandoff versionId={release.versionId} versionName={release.versionName} />
          <div className="stack-sm">
            <h3 className="card-h3">Escalation</h3>
            <h4 className="card-h4">{ESCALATION_TITLES.l1}</h4>
            {release.escalation.l1LookUp ? <CopyText text={release.escalation.l1LookUp} label="Copy L1 look-up" testId="issue-card-l1" /> : <p className="muted">Not written yet.</p>}
            <h4 className="card-h4">{ESCALATION_TITLES.l2}</h4>
            {release.escalation.l2Reproduce ? <CopyText text={release.escalation.l2Reproduce} label="Copy L2 reproduction steps" testId="issue-card-l2" /> : <p className="muted">Not written yet.</p>}
          </div>
        </>
      )}
    </section>
  );
}
