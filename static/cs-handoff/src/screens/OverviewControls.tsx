/**
 * The overview's search field, release filter and pagination, drawn with design tokens the way
 * Atlaskit's Textfield, Select and Pagination look (their packages would double the first screen).
 * Native elements underneath: a labelled search input (Enter searches at once, typing searches after
 * a pause), a native select, and buttons in a labelled nav with `aria-current` on the page shown.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReleasesOverview } from '#contract';
import { RELEASE_FILTERS, type ReleaseFilter } from '#contract/overview';

/** Typing pauses this long before the search is sent, so a word is one call, not one per letter. */
const SEARCH_PAUSE_MS = 300;

const FILTER_LABEL: Record<ReleaseFilter | 'all', string> = { all: 'All versions', unreleased: 'Unreleased', released: 'Released' };

export function OverviewToolbar({
  search,
  status,
  busy,
  onSearch,
  onFilter,
}: {
  search: string;
  status: ReleaseFilter | undefined;
  busy: boolean;
  onSearch(text: string): void;
  onFilter(status: ReleaseFilter | undefined): void;
}) {
  const [text, setText] = useState(search);
  const sent = useRef(search);
  const send = (value: string) => {
    const trimmed = value.trim();
    if (trimmed === sent.current) return;
    sent.current = trimmed;
    onSearch(trimmed);
  };
  useEffect(() => {
    const timer = setTimeout(() => send(text), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
    // `send` is recreated each render; the pause restarts only when the text changes.
  }, [text]);

  return (
    <form
      className="overview-toolbar"
      role="search"
      aria-label="Versions"
      onSubmit={(event) => {
        event.preventDefault();
        send(text);
      }}
    >
      <div className="toolbar-field">
        <label htmlFor="version-search">Search versions</label>
        <input
          id="version-search"
          className="ds-textfield"
          type="search"
          value={text}
          placeholder="Version name"
          maxLength={100}
          autoComplete="off"
          data-testid="version-search"
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="toolbar-field">
        <label htmlFor="version-filter">Release status</label>
        <select
          id="version-filter"
          className="ds-native-select"
          value={status ?? 'all'}
          data-testid="version-filter"
          onChange={(event) => {
            const value = event.target.value;
            onFilter((RELEASE_FILTERS as readonly string[]).includes(value) ? (value as ReleaseFilter) : undefined);
          }}
        >
          {(['all', ...RELEASE_FILTERS] as const).map((f) => (
            <option key={f} value={f}>
              {FILTER_LABEL[f]}
            </option>
          ))}
        </select>
      </div>
      <span className="visually-hidden" role="status">
        {busy ? 'Loading versions' : ''}
      </span>
    </form>
  );
}

/** Page numbers to show: the first, the last, and the current one with a neighbour each side. */
export function pageItems(current: number, pages: number): (number | 'gap')[] {
  const wanted = new Set([1, pages, current - 1, current, current + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  sorted.forEach((p, i) => {
    const before = sorted[i - 1];
    if (before !== undefined && p - before > 1) out.push('gap');
    out.push(p);
  });
  return out;
}

export function Pagination({ page, onPage }: { page: ReleasesOverview['page']; onPage(page: number): void }) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  const current = Math.min(page.number, pages);
  return (
    <nav className="pagination" aria-label="Pages of versions" data-testid="pagination">
      <button type="button" className="page-button page-arrow" aria-label="Previous page" disabled={current <= 1} onClick={() => onPage(current - 1)} data-testid="page-previous">
        <span aria-hidden="true">‹</span>
      </button>
      <ol>
        {pageItems(current, pages).map((item, i) =>
          item === 'gap' ? (
            <li key={`gap-${i}`} className="page-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <button type="button" className="page-button" aria-label={`Page ${item}`} aria-current={item === current ? 'page' : undefined} onClick={() => onPage(item)} data-testid={`page-${item}`}>
                {item}
              </button>
            </li>
          ),
        )}
      </ol>
      <button type="button" className="page-button page-arrow" aria-label="Next page" disabled={current >= pages} onClick={() => onPage(current + 1)} data-testid="page-next">
        <span aria-hidden="true">›</span>
      </button>
    </nav>
  );
}
