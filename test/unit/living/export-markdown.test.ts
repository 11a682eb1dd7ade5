import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
// markdown-it is a CommonMark renderer already in node_modules (through @atlaskit/adf-schema →
// prosemirror-markdown). It is used only here, to prove the escaping holds in a real renderer.
import MarkdownIt from 'markdown-it';
import { emptyContent } from '#domain/handoff-defaults';
import { escapeMarkdownLine, toMarkdown } from '#domain/living/export-markdown';
import { exportInput, fullContent, fullStoredHandoff } from './fixtures';

const GOLDEN = join(__dirname, 'golden', 'full-handoff.md');

/** The strictest reasonable renderer: raw HTML allowed and bare URLs linked, as many wikis do. */
const md = new MarkdownIt({ html: true, linkify: true });
const plainMd = new MarkdownIt();

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('toMarkdown', () => {
  it('matches the golden file for a full handoff (every section filled, characters that need escaping included)', () => {
    expect(toMarkdown(exportInput())).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('renders to HTML with no script element and no javascript: link', () => {
    const html = md.render(toMarkdown(exportInput()));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/href="(?!https:)/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; is stored and shown as plain text.');
    expect(html).toContain('<h3>Q: A customer pasted [x](javascript:alert(1)) into the code field. Is that a problem?</h3>');
    // The only links are the two the export writes.
    expect(html.match(/<a /g)).toHaveLength(2);
  });

  it('keeps a hostile handoff inert in every section', () => {
    const hostile = '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](https://e.example/p.png)';
    const handoff = fullStoredHandoff({
      ...emptyContent(),
      whatsNew: hostile,
      happyPath: [hostile],
      limitations: [hostile],
      questions: [{ question: hostile, answer: hostile }],
      escalation: { l1LookUp: hostile, l2Reproduce: `${hostile}\n${hostile}` },
    });
    const html = md.render(toMarkdown(exportInput({ handoff, versionName: hostile })));
    expect(html).not.toMatch(/<(script|img)/i);
    expect(html).not.toContain('javascript:alert(1)"');
    // Links: the footer's, plus the https URL inside the image syntax that linkify turns into a link
    // (safe: https, and shown as text). Nothing else becomes a link.
    expect([...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      ...Array(9).fill('https://e.example/p.png'), // title, 6 sections, L2's two lines
      exportInput().handoffUrl,
    ]);
    const plain = plainMd.render(toMarkdown(exportInput({ handoff, versionName: hostile })));
    expect(plain.match(/<a /g)).toHaveLength(1);
    // Every copy of the hostile text comes out as exactly that text.
    expect(plain.split(escapeHtml(hostile)).length - 1).toBe(9);
  });

  it('writes "None known." when the PO said so, and says what is not written yet otherwise', () => {
    const noneKnown = toMarkdown(exportInput({ handoff: fullStoredHandoff({ ...fullContent(), limitations: [], noKnownLimitations: true }) }));
    expect(noneKnown).toContain('## Known limitations\n\nNone known.\n');
    const empty = toMarkdown(exportInput({ handoff: fullStoredHandoff(emptyContent()), releaseDate: null }));
    expect(empty).toContain("## What's new\n\n_Not written yet._\n");
    expect(empty).toContain('## Happy path\n\n_Not written yet._\n');
    expect(empty).toContain('## Known limitations\n\n_Not written yet._\n');
    expect(empty).toContain('## Likely questions\n\n_No questions written yet._\n');
    expect(empty).toContain('## Signals dashboard\n\n_No dashboard linked yet._\n');
    expect(empty).toContain('**Release date:** Not set');
  });

  it('shows a draft as a draft', () => {
    const draft = toMarkdown(exportInput({ handoff: { ...fullStoredHandoff(), status: 'draft', readyAt: null }, rolloutStageLabel: 'Not started' }));
    expect(draft).toContain('**Status:** Draft · **Revision:** 7 (updated 2026-07-09 by Priya Patel) · **Rollout:** Not started');
  });

  it('writes a link that is not https as plain text', () => {
    const handoff = fullStoredHandoff({ ...fullContent(), dashboardUrl: 'http://dashboards.example.com' });
    const out = toMarkdown(exportInput({ handoff, handoffUrl: 'javascript:alert(1)' }));
    expect(out).toContain('## Signals dashboard\n\nOpen the leading-signals dashboard. Check whether');
    expect(out).toContain('---\n\nOpen the live handoff in Jira for the latest version.');
    expect(md.render(out)).not.toContain('<a ');
  });

  it('keeps special characters in a link target from breaking out of it', () => {
    const handoff = fullStoredHandoff({ ...fullContent(), dashboardUrl: 'https://d.example.com/a b>c)d\\e?q=<x>' });
    const html = plainMd.render(toMarkdown(exportInput({ handoff })));
    expect(html).toContain('<a href="https://d.example.com/a%20b%3Ec)d/e?q=%3Cx%3E">Open the leading-signals dashboard</a>');
  });
});

describe('escapeMarkdownLine', () => {
  it.each([
    ['*bold* and _em_ and ~strike~', '\\*bold\\* and \\_em\\_ and \\~strike\\~'],
    ['`code` | pipe', '\\`code\\` \\| pipe'],
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['back\\slash', 'back\\\\slash'],
    ['# not a heading', '\\# not a heading'],
    ['> not a quote', '\\> not a quote'],
    ['- not a bullet', '\\- not a bullet'],
    ['+ not a bullet', '\\+ not a bullet'],
    ['1. not a list', '1\\. not a list'],
    ['2) not a list', '2\\) not a list'],
    ['===', '\\==='],
    ['Ends with #', 'Ends with \\#'],
    ['&amp; is text', '\\&amp; is text'],
    ['Q&A stays readable; so does C# and 50%', 'Q&A stays readable; so does C# and 50%'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdownLine(input)).toBe(expected);
  });

  it('property: any one line renders back to exactly its own text', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...' !"#$%&\'()*+,-./0123456789:;<=>?@[\\]^_`{|}~aZé€👋'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(ascii, (raw) => {
        const line = raw.trim();
        fc.pre(line.length > 0);
        expect(plainMd.render(escapeMarkdownLine(line))).toBe(`<p>${escapeHtml(line)}</p>\n`);
      }),
      { numRuns: 2000 },
    );
  });
});
