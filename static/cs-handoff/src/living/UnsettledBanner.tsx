/**
 * Near the top of the handoff: how many questions from the CS walkthrough are still unsettled (neither
 * answered in the handoff nor recorded as a gap in the release brief). Part of the start-up bundle, so
 * it shows with the handoff, not after the walkthrough section has loaded.
 */
import { SectionMessage } from '../components/TokenSectionMessage';
import type { MouseEvent } from 'react';

export const unsettledWords = (n: number) => (n === 1 ? '1 walkthrough question is unsettled' : `${n} walkthrough questions are unsettled`);

function jumpToWalkthrough(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const heading = document.getElementById('walkthrough-title');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.scrollIntoView({ block: 'start' });
  heading.focus();
}

export function UnsettledBanner({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <div data-testid="unsettled-banner" data-count={count}>
      <SectionMessage appearance="warning" title={unsettledWords(count)}>
        <p>
          Each question CS raised should be answered in the handoff or recorded as a gap in the release brief, before customers ask it.{' '}
          <a href="#walkthrough-title" className="inline-link" onClick={jumpToWalkthrough} data-testid="unsettled-jump">
            Go to the CS walkthrough
          </a>
        </p>
      </SectionMessage>
    </div>
  );
}
