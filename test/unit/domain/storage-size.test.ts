import fc from 'fast-check';
import { LIMITS } from '#domain/handoff';
import { assertHandoffFits, jsonBytes, PROPERTY_MAX_BYTES, sectionSizes, utf8Bytes } from '#domain/storage-size';
import { completeContent, storedHandoff } from './fixtures';
import { thrownAppError } from '../app-error';

const tooLarge = (value: Parameters<typeof assertHandoffFits>[0]) => thrownAppError(() => assertHandoffFits(value), 'TOO_LARGE');

/** A handoff padded with `char` in "what's new" so that its JSON is exactly `bytes` long. */
function handoffOfSize(bytes: number, char = 'a') {
  const base = storedHandoff({ content: completeContent({ whatsNew: '' }) });
  const room = bytes - jsonBytes(base);
  const perChar = utf8Bytes(char);
  const filler = char.repeat(Math.floor(room / perChar)) + 'a'.repeat(room % perChar);
  return storedHandoff({ content: completeContent({ whatsNew: filler }) });
}

describe('the 32,768-byte guard', () => {
  it('accepts exactly 32,768 bytes and refuses 32,769', () => {
    const atLimit = handoffOfSize(PROPERTY_MAX_BYTES);
    expect(jsonBytes(atLimit)).toBe(PROPERTY_MAX_BYTES);
    expect(() => assertHandoffFits(atLimit)).not.toThrow();

    const over = handoffOfSize(PROPERTY_MAX_BYTES + 1);
    const error = tooLarge(over);
    expect(error.error.code).toBe('TOO_LARGE');
    expect(error.error.message).toContain('1 bytes over');
  });

  it('counts UTF-8 bytes, not characters: Hebrew (2 bytes) and emoji (4 bytes)', () => {
    expect(utf8Bytes('עברית')).toBe(10);
    expect(utf8Bytes('🎁')).toBe(4);
    const hebrew = handoffOfSize(PROPERTY_MAX_BYTES + 2, 'ש');
    expect(hebrew.content.whatsNew.length).toBeLessThan(PROPERTY_MAX_BYTES / 2);
    expect(tooLarge(hebrew).error.message).toContain('2 bytes over');
    const emoji = handoffOfSize(PROPERTY_MAX_BYTES + 400, '🎁');
    expect(tooLarge(emoji).error.message).toContain('400 bytes over');
  });

  it('names the biggest sections in the message and in fields, never truncating', () => {
    const questions = Array.from({ length: LIMITS.questions }, () => ({ question: 'ש'.repeat(LIMITS.question), answer: '🎁'.repeat(LIMITS.answer / 2) }));
    const value = storedHandoff({ content: completeContent({ questions, happyPath: Array.from({ length: LIMITS.steps }, () => 'ש'.repeat(LIMITS.step)) }) });
    const before = JSON.stringify(value);
    const error = tooLarge(value);
    expect(error.error.message).toMatch(/Shorten the biggest sections: Likely questions \([\d,]+ bytes\), Happy path/);
    expect(Object.keys(error.error.fields ?? {})).toEqual(['content.questions', 'content.happyPath', 'content.escalation']);
    expect(JSON.stringify(value)).toBe(before);
  });

  it('orders sections biggest first', () => {
    const sizes = sectionSizes(completeContent({ whatsNew: 'x'.repeat(1000) }));
    expect(sizes[0]?.section).toBe('whatsNew');
    expect(sizes.map((s) => s.bytes)).toEqual([...sizes.map((s) => s.bytes)].sort((a, b) => b - a));
  });

  it('agrees with Buffer.byteLength of the JSON for any text (generated)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => {
        const value = storedHandoff({ content: completeContent({ whatsNew: text }) });
        const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
        if (bytes <= PROPERTY_MAX_BYTES) expect(() => assertHandoffFits(value)).not.toThrow();
        else expect(tooLarge(value).error.code).toBe('TOO_LARGE');
      }),
      { numRuns: 200 },
    );
  });
});
