/** Inline validation with the backend's own schema, so the editor and the resolver agree on every rule. */
import './zod-setup';
import { HandoffContentSchema } from '#domain/handoff';
import { toContent, type EditorModel } from '../editor-model';

export type FieldErrors = Record<string, string>;

/** Field path ("happyPath.2", "questions.0.answer", "escalation.l1LookUp") → message. */
export function validate(model: EditorModel): FieldErrors {
  const result = HandoffContentSchema.safeParse(toContent(model));
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

/** Backend field paths are prefixed with the payload's "content."; the editor's are not. */
export function fromServerFields(fields: Record<string, string> | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(fields ?? {})) out[path.replace(/^content\./, '')] = message;
  return out;
}
