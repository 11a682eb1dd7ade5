import type { ProjectInfo } from '../contract';
import { appError } from '../domain/errors';

/** Who is calling and from which project: taken only from Forge's invocation context, never from the payload. */
export interface CallContext {
  accountId: string;
  siteUrl: string;
  project: ProjectInfo;
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function callContextOf(context: Record<string, unknown> | undefined): CallContext {
  const extension = (context?.extension ?? {}) as Record<string, unknown>;
  const project = (extension.project ?? {}) as Record<string, unknown>;
  const id = text(project.id);
  const key = text(project.key);
  if (id === '' || key === '') {
    throw appError('NOT_FOUND', 'CS Handoff must be opened from a Jira project: this page has no project.');
  }
  const accountId = text(context?.accountId);
  if (accountId === '') throw appError('FORBIDDEN', 'Log in to Jira to use CS Handoff.');
  return {
    accountId,
    siteUrl: text(context?.siteUrl).replace(/\/+$/, ''),
    // Forge's project context carries no name, and fetching it would cost a Jira call per action.
    project: { id, key, name: text(project.name) || key },
  };
}
