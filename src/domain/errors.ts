/**
 * The error vocabulary shared by every layer: the Jira layer maps Jira's answers onto it, the
 * resolvers return it to the UI. Pure types and one error class, no I/O.
 */
import type { HandoffContent, StoredHandoff } from './handoff';

/** Error codes the UI can act on; `message` is always ready to show to a person. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  /** Jira refused the app itself (its app user lacks a permission): an admin can fix it, the person cannot. */
  | 'APP_FORBIDDEN'
  /** The person has not let the app act as them in Jira yet (Forge's NeedsAuthenticationError). */
  | 'NEEDS_CONSENT'
  | 'CONFLICT'
  | 'NOT_READY'
  | 'TOO_LARGE'
  | 'JIRA_UNAVAILABLE'
  | 'INTERNAL';

export interface SaveConflict {
  /** What is stored now (someone else's save). */
  theirs: StoredHandoff;
  /**
   * What the caller tried to save, returned so nothing is lost: for a content save, their sections on
   * top of what is stored (so saving it again changes only their sections).
   */
  yours: HandoffContent;
  /** The sections both changed (ContentSection keys, the handoff's order); absent: not a content save. */
  sections?: string[];
}

export interface ResolverError {
  code: ErrorCode;
  message: string;
  /** Field path (e.g. "content.questions.0.answer") → message, for inline validation. */
  fields?: Record<string, string>;
  conflict?: SaveConflict;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ResolverError };

/**
 * Thrown inside the backend when an action cannot go on; the resolver boundary turns it into
 * `{ ok: false, error }`. Anything else that is thrown is a bug and becomes INTERNAL there.
 */
export class AppError extends Error {
  readonly error: ResolverError;

  constructor(error: ResolverError) {
    super(error.message);
    this.name = 'AppError';
    this.error = error;
  }
}

export function appError(code: ErrorCode, message: string, extra: Omit<ResolverError, 'code' | 'message'> = {}): AppError {
  return new AppError({ code, message, ...extra });
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: ResolverError): Result<T> => ({ ok: false, error });
