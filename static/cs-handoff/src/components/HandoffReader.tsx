/** Every section of the handoff, in the brief's order, as plain text (React text nodes only). */
import type { ReactNode } from 'react';
import { Heading } from './TokenLook';
import type { HandoffContent } from '#domain/handoff';
import { CopyText } from '../escalation/CopyText';
import { ExternalLink } from './ExternalLink';
import { ESCALATION_TITLES, SECTION_TITLES } from '#domain/section-titles';

const NotWritten = () => <p className="subtlest">Not written yet.</p>;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`reader-${id}`}>
      <Heading size="medium" as="h2" id={`${id}-title`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

export function HandoffReader({ content, l3Slot }: { content: HandoffContent; l3Slot?: ReactNode }) {
  const { whatsNew, happyPath, limitations, noKnownLimitations, questions, escalation, dashboardUrl } = content;
  return (
    <div className="reader" data-testid="handoff-reader">
      <Section id="whats-new" title={SECTION_TITLES.whatsNew}>
        {whatsNew.trim() ? <p>{whatsNew}</p> : <NotWritten />}
      </Section>

      <Section id="happy-path" title={SECTION_TITLES.happyPath}>
        {happyPath.length ? (
          <ol>
            {happyPath.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        ) : (
          <NotWritten />
        )}
      </Section>

      <Section id="limitations" title={SECTION_TITLES.limitations}>
        {limitations.length ? (
          <ul>
            {limitations.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        ) : noKnownLimitations ? (
          <p>None known.</p>
        ) : (
          <NotWritten />
        )}
      </Section>

      <Section id="questions" title={SECTION_TITLES.questions}>
        {questions.length ? (
          <dl>
            {questions.map((q, i) => (
              <div key={i}>
                <dt>{q.question}</dt>
                <dd>{q.answer.trim() ? q.answer : <span className="subtlest">No answer yet.</span>}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <NotWritten />
        )}
      </Section>

      <Section id="escalation" title={SECTION_TITLES.escalation}>
        <Heading size="small" as="h3">
          {ESCALATION_TITLES.l1}
        </Heading>
        {escalation.l1LookUp.trim() ? <CopyText text={escalation.l1LookUp} label="Copy the L1 look-up guidance" testId="l1-copy" /> : <NotWritten />}
        <Heading size="small" as="h3">
          {ESCALATION_TITLES.l2}
        </Heading>
        {escalation.l2Reproduce.trim() ? <CopyText text={escalation.l2Reproduce} label="Copy the L2 reproduction steps" testId="l2-copy" /> : <NotWritten />}
        <Heading size="small" as="h3">
          L3: file a bug
        </Heading>
        <div className={l3Slot ? 'l3-slot' : 'slot'} data-testid="l3-slot">
          {l3Slot ?? <p className="muted">File a Jira bug with the chain-aware label, linked to this release.</p>}
        </div>
      </Section>

      <Section id="dashboard" title="Dashboard">
        {/^https:\/\/[^\s]+$/i.test(dashboardUrl.trim()) ? (
          <p>
            <ExternalLink href={dashboardUrl} testId="dashboard-link">
              Open the leading-signals dashboard
              <span className="visually-hidden"> (opens in a new tab)</span>
            </ExternalLink>
            <br />
            <span className="muted">{dashboardUrl}</span>
          </p>
        ) : dashboardUrl.trim() ? (
          <p>{dashboardUrl}</p>
        ) : (
          <NotWritten />
        )}
      </Section>
    </div>
  );
}
