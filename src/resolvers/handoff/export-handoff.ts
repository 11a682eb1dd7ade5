/**
 * The handoff as a document for the support knowledge base (Browse projects). One parallel round,
 * 5 Jira calls: permissions and the project, the version, the handoff, the site's address (for its link).
 */
import { appError } from '#domain/errors';
import type { HandoffExportInput } from '#domain/living/export-common';
import { toConfluenceStorage } from '#domain/living/export-confluence';
import { toMarkdown } from '#domain/living/export-markdown';
import { currentStageLabel, initialRollout } from '#domain/living/rollout';
import { readAccess, requireAccess, settledValue } from '../core/access';
import { handoffFrom, readRecords } from '../core/handoff-store';
import { handoffPageUrl, targetOf } from '../core/handoff-writes';
import type { Handler } from '../core/run';
import { versionInProject } from '../core/views';

/** A file name safe on every OS: the project key and the version name, lower-case, dashes for the rest. */
export function exportFilename(projectKey: string, versionName: string, extension: string): string {
  const slug = `${projectKey}-${versionName}`
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 100);
  return `cs-handoff-${slug || 'release'}.${extension}`;
}

export const exportHandoff: Handler<'exportHandoff'> = async ({ versionId, format }, call, deps) => {
  // Records are keyed by the claimed id: only read here; requireAccess proves it before any import (a write).
  const target = targetOf(call.project, versionId);
  const [access, versionResult, records, siteUrl] = await Promise.allSettled([readAccess(deps, call.project), deps.jira.getVersion(versionId), readRecords(deps, target), call.siteUrl()]);
  const { project } = requireAccess(access, 'read', call.project);
  const version = versionInProject(versionResult, versionId, project);
  const handoff = await handoffFrom(deps, target, records);
  if (!handoff) throw appError('NOT_FOUND', `Version ${version.name} has no handoff yet, so there is nothing to export.`);
  const input: HandoffExportInput = {
    projectKey: project.key,
    versionName: version.name,
    releaseDate: version.releaseDate,
    handoff,
    rolloutStageLabel: currentStageLabel(handoff.rollout ?? initialRollout()),
    handoffUrl: handoffPageUrl(settledValue(siteUrl), project, versionId, deps.appIdentity()),
  };
  return format === 'markdown'
    ? { filename: exportFilename(project.key, version.name, 'md'), mimeType: 'text/markdown; charset=utf-8', text: toMarkdown(input) }
    : { filename: exportFilename(project.key, version.name, 'xml'), mimeType: 'application/xml; charset=utf-8', text: toConfluenceStorage(input) };
};
