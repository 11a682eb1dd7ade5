import { content as baseContent } from '../../../bench/fixtures';
import { differingSections, mergeContent } from '#domain/merge';

const base = baseContent();

describe('merge by section', () => {
  it('applies the sections only this person changed and keeps the ones only others changed', () => {
    const theirs = { ...base, happyPath: ['Their first step'] };
    const yours = { ...base, whatsNew: 'My new paragraph' };
    const result = mergeContent({ base, theirs, yours });
    expect(result.conflicts).toEqual([]);
    expect(result.applied).toEqual(['whatsNew']);
    expect(result.merged).toEqual({ ...base, whatsNew: 'My new paragraph', happyPath: ['Their first step'] });
  });

  it('is a conflict only in a section both changed to different text', () => {
    const theirs = { ...base, whatsNew: 'Their paragraph', happyPath: ['Their step'] };
    const yours = { ...base, whatsNew: 'My paragraph', escalation: { ...base.escalation, l1LookUp: 'My L1' } };
    const result = mergeContent({ base, theirs, yours });
    expect(result.conflicts).toEqual(['whatsNew']);
    // "Yours" keeps your text where you wrote, and their text elsewhere: saving it again changes only your sections.
    expect(result.merged).toEqual({ ...base, whatsNew: 'My paragraph', happyPath: ['Their step'], escalation: { ...base.escalation, l1LookUp: 'My L1' } });
  });

  it('does not call the same change by both a conflict', () => {
    const both = { ...base, whatsNew: 'Same words' };
    expect(mergeContent({ base, theirs: both, yours: both }).conflicts).toEqual([]);
  });

  it('treats "none known" as part of Known limitations', () => {
    const theirs = { ...base, limitations: [], noKnownLimitations: true };
    const yours = { ...base, limitations: ['Only in English'] };
    expect(mergeContent({ base, theirs, yours }).conflicts).toEqual(['limitations']);
    expect(differingSections(base, { ...base, noKnownLimitations: true })).toEqual(['limitations']);
  });

  it('applies only the sections the save names', () => {
    const theirs = { ...base, whatsNew: 'Their paragraph' };
    // The editor still holds the old What's new; the person changed only L2.
    const yours = { ...base, escalation: { ...base.escalation, l2Reproduce: 'My L2' } };
    const result = mergeContent({ base, theirs, yours, claimed: ['l2'] });
    expect(result).toMatchObject({ conflicts: [], applied: ['l2'] });
    expect(result.merged.whatsNew).toBe('Their paragraph');
  });

  it("without the base revision's copy, every section the person would change is a conflict, never a silent overwrite", () => {
    const theirs = { ...base, whatsNew: 'Their paragraph' };
    const yours = { ...base, whatsNew: 'My paragraph', happyPath: base.happyPath };
    expect(mergeContent({ base: null, theirs, yours }).conflicts).toEqual(['whatsNew']);
    expect(mergeContent({ base: null, theirs, yours: theirs }).conflicts).toEqual([]);
  });
});
