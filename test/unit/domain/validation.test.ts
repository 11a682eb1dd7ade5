import fc from 'fast-check';
import { SaveHandoffPayloadSchema, SetStatusPayloadSchema } from '#contract';
import { AppError } from '#domain/errors';
import { parseOrThrow } from '#domain/validation';
import { completeContent } from './fixtures';
import { thrownAppError } from '../app-error';

const invalid = (input: unknown, schema: Parameters<typeof parseOrThrow>[0] = SaveHandoffPayloadSchema) => thrownAppError(() => parseOrThrow(schema, input), 'INVALID_INPUT').error;

const payload = (content: unknown = completeContent()) => ({ versionId: '10002', baseRevision: 0, content });

describe('payload validation', () => {
  it('returns the parsed, trimmed value when valid', () => {
    const parsed = parseOrThrow(SaveHandoffPayloadSchema, payload(completeContent({ whatsNew: '  New!  ' })));
    expect(parsed.content.whatsNew).toBe('New!');
  });

  it('names a wrong type by its path', () => {
    const error = invalid(payload({ ...completeContent(), happyPath: 'step one' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual({ 'content.happyPath': 'Happy path must be a list of steps' });
    expect(error.message).toContain('content.happyPath');
  });

  it('names a nested field', () => {
    const error = invalid(payload({ ...completeContent(), questions: [{ question: 'Q?', answer: 42 }] }));
    expect(error.fields).toEqual({ 'content.questions.0.answer': 'Answer must be text' });
  });

  it('refuses huge strings with the limit', () => {
    const error = invalid(payload(completeContent({ whatsNew: 'x'.repeat(1_000_000) })));
    expect(error.fields?.['content.whatsNew']).toBe("What's new must be at most 1500 characters");
  });

  it('refuses a javascript: dashboard link', () => {
    const error = invalid(payload(completeContent({ dashboardUrl: 'javascript:alert(1)' })));
    expect(error.fields).toEqual({ 'content.dashboardUrl': 'Dashboard link must be an https:// URL' });
    expect(error.message).toBe('The request is not valid: content.dashboardUrl: Dashboard link must be an https:// URL.');
  });

  it('refuses a non-numeric version id and unknown fields', () => {
    expect(invalid({ ...payload(), versionId: '../10002' }).fields).toEqual({ versionId: 'versionId must be a Jira version id (digits only, no leading zero)' });
    // One version, one spelling: "010002" would be a second handoff of version 10002.
    expect(invalid({ ...payload(), versionId: '010002' }).fields).toEqual({ versionId: 'versionId must be a Jira version id (digits only, no leading zero)' });
    expect(invalid({ ...payload(), versionId: '0' }).fields).toEqual({ versionId: 'versionId must be a Jira version id (digits only, no leading zero)' });
    const unknown = invalid({ ...payload(), projectKey: 'OPS' });
    expect(unknown.fields).toEqual({ '': 'Unknown field: projectKey' });
    expect(unknown.message).toContain('projectKey');
  });

  it('reports every bad field, the first in the message', () => {
    const error = invalid({ versionId: 1, baseRevision: -1, status: 'done' }, SetStatusPayloadSchema);
    expect(Object.keys(error.fields ?? {})).toEqual(['versionId', 'baseRevision', 'status']);
    expect(error.message).toContain('versionId');
  });

  it('never throws anything but INVALID_INPUT for arbitrary input (generated)', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        try {
          parseOrThrow(SaveHandoffPayloadSchema, input);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).error.code).toBe('INVALID_INPUT');
          expect((error as AppError).error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
