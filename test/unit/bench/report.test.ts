import { markdownTable, README_END, README_START, withBenchBlock } from '../../../bench/report';

describe('the bench block in the README', () => {
  const readme = ['# App', '## Performance', 'Prose stays.', README_START, 'old figures', README_END, '## Repository layout'].join('\n');

  it('replaces only what lies between the markers', () => {
    const next = withBenchBlock(readme, 'new figures');
    expect(next).toContain('Prose stays.');
    expect(next).toContain('## Repository layout');
    expect(next).toContain(`${README_START}\nnew figures\n${README_END}`);
    expect(next).not.toContain('old figures');
    // Running it again gives the same README: nothing accumulates between runs.
    expect(withBenchBlock(next, 'new figures')).toBe(next);
  });

  it('refuses a README without the markers, naming them', () => {
    expect(() => withBenchBlock('# App\n## Performance\n', 'x')).toThrow(/no bench block.*bench:start/);
  });

  it('writes Markdown tables whose cells cannot break the row', () => {
    expect(markdownTable(['action', 'calls'], [['a | b', 3]])).toBe('| action | calls |\n|---|---|\n| a \\| b | 3 |');
  });
});
