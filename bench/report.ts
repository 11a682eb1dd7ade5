/**
 * What a bench run prints, kept as it goes so the same figures can also be written as Markdown into the
 * README's Performance section (`npm run bench -- --readme`): the README never holds a figure by hand.
 */
import { table, type Cell } from './table';

type Block = { kind: 'section'; title: string } | { kind: 'table'; headers: string[]; rows: Cell[][] } | { kind: 'note'; text: string };

export class Report {
  private readonly blocks: Block[] = [];

  section(title: string): void {
    this.blocks.push({ kind: 'section', title });
    console.log(`\n== ${title} ${'='.repeat(Math.max(0, 90 - title.length))}`);
  }

  table(headers: string[], rows: Cell[][]): void {
    this.blocks.push({ kind: 'table', headers, rows });
    console.log(table(headers, rows));
  }

  note(text: string): void {
    this.blocks.push({ kind: 'note', text });
    console.log(`  ${text}`);
  }

  markdown(): string {
    const out: string[] = [];
    for (const b of this.blocks) {
      if (b.kind === 'section') out.push(`#### ${b.title}`, '');
      else if (b.kind === 'note') out.push(b.text, '');
      else out.push(markdownTable(b.headers, b.rows), '');
    }
    return out.join('\n').trimEnd();
  }
}

const escapeCell = (c: Cell): string => String(c).replace(/\|/g, '\\|');

export function markdownTable(headers: string[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

export const README_START = '<!-- bench:start (written by `npm run bench -- --readme`; edit bench/, not this block) -->';
export const README_END = '<!-- bench:end -->';

/** The README with its generated block replaced; refuses, naming the problem, when the markers are missing. */
export function withBenchBlock(readme: string, block: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no bench block: put ${README_START} and ${README_END} in its Performance section.`);
  return `${readme.slice(0, start + README_START.length)}\n${block}\n${readme.slice(end)}`;
}
