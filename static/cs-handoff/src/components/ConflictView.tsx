/**
 * Someone saved while this person was editing and both changed the same sections: their text and
 * ours, side by side for those sections only. Nothing is lost: "yours" stays in the editor below
 * until the person decides.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { SectionMessage } from './TokenSectionMessage';
import type { StoredHandoff, HandoffContent } from '#domain/handoff';
import { formatInstant } from '../format';
import { ESCALATION_TITLES, SECTION_TITLES } from '#domain/section-titles';

interface Part {
  key: string;
  label: string;
  text: (c: HandoffContent) => string;
}

const numbered = (items: string[]) => items.map((s, i) => `${i + 1}. ${s.trim()}`).join('\n');
const bullets = (items: string[]) => items.map((s) => `• ${s.trim()}`).join('\n');

const PARTS: Part[] = [
  { key: 'whatsNew', label: SECTION_TITLES.whatsNew, text: (c) => c.whatsNew.trim() },
  { key: 'happyPath', label: SECTION_TITLES.happyPath, text: (c) => numbered(c.happyPath.filter((s) => s.trim())) },
  {
    key: 'limitations',
    label: SECTION_TITLES.limitations,
    text: (c) => {
      const items = c.limitations.filter((s) => s.trim());
      return items.length ? bullets(items) : c.noKnownLimitations ? 'None known' : '';
    },
  },
  {
    key: 'questions',
    label: SECTION_TITLES.questions,
    text: (c) =>
      c.questions
        .filter((q) => q.question.trim() || q.answer.trim())
        .map((q) => `Q: ${q.question.trim()}\nA: ${q.answer.trim()}`)
        .join('\n\n'),
  },
  // Keys are the backend's content sections (src/domain/merge.ts CONTENT_SECTIONS).
  { key: 'l1', label: ESCALATION_TITLES.l1, text: (c) => c.escalation.l1LookUp.trim() },
  { key: 'l2', label: ESCALATION_TITLES.l2, text: (c) => c.escalation.l2Reproduce.trim() },
  { key: 'dashboard', label: SECTION_TITLES.dashboard, text: (c) => c.dashboardUrl.trim() },
];

export function changedParts(theirs: HandoffContent, yours: HandoffContent) {
  return PARTS.filter((p) => p.text(theirs) !== p.text(yours)).map((p) => ({
    key: p.key,
    label: p.label,
    theirs: p.text(theirs),
    yours: p.text(yours),
  }));
}

interface Props {
  theirs: StoredHandoff;
  yours: HandoffContent;
  /** The sections both changed (the backend's merge); absent: every section that differs. */
  sections?: readonly string[] | undefined;
  busy: boolean;
  onKeepMine(): void;
  onUseTheirs(): void;
}

export function ConflictView({ theirs, yours, sections, busy, onKeepMine, onUseTheirs }: Props) {
  const [confirming, setConfirming] = useState(false);
  // Only what both changed is asked about: sections only they changed are already kept, yours already applied.
  const parts = changedParts(theirs.content, yours).filter((p) => !sections || sections.includes(p.key));
  const who = theirs.updatedBy.displayName || 'Someone';
  return (
    <div data-testid="conflict-view" role="region" aria-labelledby="conflict-title">
      <SectionMessage appearance="warning" title="Someone saved this handoff while you were editing" headingLevel="h2">
        <div className="stack">
          <p id="conflict-title">
            {who} saved revision {theirs.revision} on {formatInstant(theirs.updatedAt)}. Your changes are still in the editor below. Compare the sections that differ, then choose which version to
            keep.
          </p>
          {parts.length === 0 ? (
            <p>Your text and theirs are the same.</p>
          ) : (
            parts.map((p) => (
              <div key={p.key} data-testid={`conflict-part-${p.key}`}>
                <h3 className="field-label">{p.label}</h3>
                <div className="conflict-grid">
                  <div data-testid="conflict-theirs">
                    <h4>Their version ({who})</h4>
                    <pre>{p.theirs || '(empty)'}</pre>
                  </div>
                  <div data-testid="conflict-yours">
                    <h4>Your version</h4>
                    <pre>{p.yours || '(empty)'}</pre>
                  </div>
                </div>
              </div>
            ))
          )}
          {confirming ? (
            <div className="stack-sm" data-testid="conflict-confirm">
              <p>
                <strong>Discard your changes and use {who}'s version?</strong> This can't be undone.
              </p>
              <div className="row">
                <Button appearance="danger" onClick={onUseTheirs} isDisabled={busy} testId="conflict-confirm-use-theirs">
                  Discard mine, use theirs
                </Button>
                <Button appearance="subtle" onClick={() => setConfirming(false)} testId="conflict-confirm-cancel">
                  Go back
                </Button>
              </div>
            </div>
          ) : (
            <div className="row">
              <Button appearance="primary" onClick={onKeepMine} isDisabled={busy} testId="conflict-keep-mine">
                {busy ? 'Saving…' : 'Keep my version'}
              </Button>
              <Button onClick={() => setConfirming(true)} isDisabled={busy} testId="conflict-use-theirs">
                Use their version
              </Button>
            </div>
          )}
        </div>
      </SectionMessage>
    </div>
  );
}
