/**
 * "File about one item": a small labelled menu of the handoff's steps, limitations and questions, each
 * filing an L3 bug that also carries the item's chain label. One menu instead of a button on every line
 * (small targets, repeated actions). Loaded beside the L3 panel, never in the first screen's code.
 */
import DropdownMenu, { DropdownItem, DropdownItemGroup } from '@atlaskit/dropdown-menu';
import type { HandoffContent } from '#domain/handoff';
import type { L3Item } from './useL3';
import { SECTION_TITLES } from '#domain/section-titles';

interface Group {
  title: string;
  noun: string;
  kind: L3Item['kind'];
  texts: string[];
}

export default function L3ItemMenu({ content, disabled, onFile }: { content: HandoffContent; disabled: boolean; onFile(item: L3Item): void }) {
  const groups: Group[] = [
    { title: SECTION_TITLES.happyPath, noun: 'Step', kind: 'step' as const, texts: content.happyPath },
    { title: SECTION_TITLES.limitations, noun: 'Limitation', kind: 'limitation' as const, texts: content.limitations },
    { title: SECTION_TITLES.questions, noun: 'Question', kind: 'question' as const, texts: content.questions.map((q) => q.question) },
  ].filter((g) => g.texts.length > 0);
  if (groups.length === 0) return null;
  return (
    <DropdownMenu trigger="File about one item" menuLabel="Handoff items to file an L3 bug about" testId="l3-item-menu" shouldRenderToParent>
      {groups.map((g) => (
        <DropdownItemGroup key={g.kind} title={g.title}>
          {g.texts.map((text, i) => (
            <DropdownItem key={i} shouldTitleWrap isDisabled={disabled} onClick={() => onFile({ kind: g.kind, position: i + 1 })} testId={`file-bug-${g.kind}-${i + 1}`}>
              {`${g.noun} ${i + 1}: ${text}`}
            </DropdownItem>
          ))}
        </DropdownItemGroup>
      ))}
    </DropdownMenu>
  );
}
