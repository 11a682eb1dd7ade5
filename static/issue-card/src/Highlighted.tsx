import type { Span } from '#contract';

/** Text with the matched words in <mark>; only text nodes, so nothing in the handoff becomes markup. */
export function Highlighted({ text, spans }: { text: string; spans: readonly Span[] }) {
  const parts: (string | { mark: string; at: number })[] = [];
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > text.length || end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push({ mark: text.slice(start, end), at: start });
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts.map((p, i) => (typeof p === 'string' ? p : <mark key={`${p.at}-${i}`}>{p.mark}</mark>))}</>;
}
