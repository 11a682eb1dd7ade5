import fc from 'fast-check';
import { emptyContent } from '#domain/handoff-defaults';
import { escapeXml, toConfluenceStorage } from '#domain/living/export-confluence';
import { exportInput, fullContent, fullStoredHandoff } from './fixtures';
import { XmlError, elementsNamed, parseStrictXml, textOf, type XmlElement } from './strict-xml';

/** Storage format is a fragment of sibling elements; wrap it in one root to parse it as a document. */
const parseStorage = (storage: string): XmlElement => parseStrictXml(`<root>${storage}</root>`);

describe('the strict XML checker (so a pass below means something)', () => {
  it.each([
    ['a bare ampersand', '<p>Q & A</p>'],
    ['a bare less-than', '<p>a < b</p>'],
    ['an HTML-only entity', '<p>a&nbsp;b</p>'],
    ['an unclosed element', '<p><strong>x</p>'],
    ['crossed elements', '<p><em>x</p></em>'],
    ['an unquoted attribute', '<a href=https://x>y</a>'],
    ['a duplicate attribute', '<a href="https://x" href="https://y">y</a>'],
    ['two roots', '<p>a</p><p>b</p>'],
    ['a control character', '<p>a\u0001b</p>'],
  ])('refuses %s', (_, xml) => {
    expect(() => parseStrictXml(xml)).toThrow(XmlError);
  });

  it('accepts well-formed XML and decodes its text', () => {
    const root = parseStrictXml('<p class="x">a &amp; b &lt;c&gt; &#39;d&#x27; <br/>&quot;&apos;</p>');
    expect(textOf(root)).toBe("a & b <c> 'd' \"'");
  });
});

describe('toConfluenceStorage', () => {
  const storage = toConfluenceStorage(exportInput());
  const doc = parseStorage(storage);

  it('is well-formed XML', () => {
    expect(doc.children.length).toBeGreaterThan(10);
  });

  it('has the document structure CS expects, in the brief’s order', () => {
    expect(elementsNamed(doc, 'h1').map(textOf)).toEqual(['CS handoff: Gift cards 2.4']);
    expect(elementsNamed(doc, 'h2').map(textOf)).toEqual(["What's new", 'Happy path', 'Known limitations', 'Likely questions', 'Escalation path', 'Signals dashboard']);
    expect(elementsNamed(doc, 'h3').map(textOf)).toEqual([...fullContent().questions.map((q) => `Q: ${q.question}`), 'L1 — look it up', 'L2 — reproduce', 'L3 — file a bug']);
    expect(elementsNamed(elementsNamed(doc, 'ol')[0]!, 'li').map(textOf)).toEqual(fullContent().happyPath);
    expect(elementsNamed(elementsNamed(doc, 'ul')[0]!, 'li').map(textOf)).toEqual(fullContent().limitations);
  });

  it('gives back every piece of handoff text exactly, including the characters that need escaping', () => {
    const all = textOf(doc);
    const content = fullContent();
    for (const piece of [content.whatsNew.split('\n\n')[0]!, ...content.limitations, ...content.questions.map((q) => q.answer.split('\n')[1] ?? q.answer)]) {
      expect(all).toContain(piece);
    }
    expect(all).toContain('<script>alert(1)</script> is stored and shown as plain text.');
    expect(elementsNamed(doc, 'script')).toEqual([]);
  });

  it('states the metadata, and the L3 chain-aware label in code', () => {
    expect(textOf(elementsNamed(doc, 'p')[0]!)).toBe('Release date: 2026-07-15 · Status: Ready since 2026-07-06 · Revision: 7 (updated 2026-07-09 by Priya Patel) · Rollout: 5%');
    expect(elementsNamed(doc, 'code').map(textOf)).toEqual(['chain-shop-v10002-l3']);
  });

  it('keeps line breaks in free text as <br/> and paragraphs as <p>', () => {
    const l2 = storage.slice(storage.indexOf('<h3>L2'));
    expect(l2).toContain('<p>1. Log in to staging as cs_test@example.com<br/>2. Add any item to the cart<br/>');
    expect(l2).toContain('<p># If the total differs, note both order numbers.</p>');
  });

  it('links the dashboard and the handoff (https), with & escaped in the href', () => {
    const links = elementsNamed(doc, 'a').map((a) => [a.attributes.href, textOf(a)]);
    expect(links).toEqual([
      ['https://dashboards.example.com/d/gift-cards?from=now-7d&var-release=2.4', 'Open the leading-signals dashboard'],
      ['https://acme.atlassian.net/jira/software/projects/SHOP/apps/cs-handoff/versions/10002', 'Open the live handoff in Jira'],
    ]);
    expect(storage).toContain('href="https://dashboards.example.com/d/gift-cards?from=now-7d&amp;var-release=2.4"');
  });

  it('writes a link that is not https as plain text', () => {
    const handoff = fullStoredHandoff({ ...fullContent(), dashboardUrl: 'javascript:alert(1)' });
    const out = parseStorage(toConfluenceStorage(exportInput({ handoff, handoffUrl: 'http://jira.example.com/handoff' })));
    expect(elementsNamed(out, 'a')).toEqual([]);
    expect(textOf(out)).toContain('Open the leading-signals dashboard. Check whether');
  });

  it('keeps markup written into the handoff as text: <b>&amp;</b> stays escaped', () => {
    const handoff = fullStoredHandoff({ ...emptyContent(), whatsNew: 'Totals now show <b>&amp;</b> "quotes" & \'apostrophes\'.' });
    const out = toConfluenceStorage(exportInput({ handoff, versionName: 'R&D <1.0>' }));
    expect(out).toContain('<p>Totals now show &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;quotes&quot; &amp; &apos;apostrophes&apos;.</p>');
    expect(out).toContain('<h1>CS handoff: R&amp;D &lt;1.0&gt;</h1>');
    const parsed = parseStorage(out);
    expect(elementsNamed(parsed, 'b')).toEqual([]);
    expect(textOf(parsed)).toContain('Totals now show <b>&amp;</b> "quotes" & \'apostrophes\'.');
  });

  it('shows empty sections as not written yet, and "None known." when the PO said so', () => {
    const empty = toConfluenceStorage(exportInput({ handoff: fullStoredHandoff(emptyContent()) }));
    parseStorage(empty);
    expect(empty).toContain('<h2>What&apos;s new</h2>\n<p><em>Not written yet.</em></p>');
    expect(empty).toContain('<h2>Known limitations</h2>\n<p><em>Not written yet.</em></p>');
    expect(empty).toContain('<h2>Likely questions</h2>\n<p><em>No questions written yet.</em></p>');
    expect(empty).toContain('<h2>Signals dashboard</h2>\n<p><em>No dashboard linked yet.</em></p>');
    const noneKnown = toConfluenceStorage(exportInput({ handoff: fullStoredHandoff({ ...emptyContent(), noKnownLimitations: true }) }));
    expect(noneKnown).toContain('<h2>Known limitations</h2>\n<p>None known.</p>');
  });

  it('property: any text, control characters and broken surrogates included, exports to well-formed XML', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 80 });
    fc.assert(
      fc.property(anyText, anyText, anyText, (whatsNew, step, answer) => {
        const handoff = fullStoredHandoff({ ...emptyContent(), whatsNew, happyPath: [step], questions: [{ question: step, answer }] });
        expect(() => parseStorage(toConfluenceStorage(exportInput({ handoff, versionName: answer })))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('escapeXml escapes the five characters and nothing else', () => {
    expect(escapeXml(`a&b<c>d"e'f — é`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f — é');
  });
});
