/**
 * The questions support sent to a handoff ("Not in the handoff"): one record per handoff in Forge storage
 * (domain/card/support-questions.ts). Read here for the card's asking (card/) and the handoff page's
 * listing (handoff/handoff-page.ts), so neither feature reaches into the other.
 */
import { SupportRecordSchema, type SupportRecord } from '#domain/card/support-questions';
import { appError } from '#domain/errors';
import { ENTITIES, versionKey } from '#store/port';
import { readAccess, requireAccess, settledValue } from './access';
import type { ResolverDeps } from './deps';
import type { Handler } from './run';

export const supportRef = (projectId: string, versionId: string) => ({ entity: ENTITIES.support, key: versionKey(projectId, versionId) });

export async function readSupport(deps: ResolverDeps, projectId: string, versionId: string): Promise<SupportRecord | null> {
  const [value] = await deps.store.getMany([supportRef(projectId, versionId)]);
  if (value === undefined || value === null) return null;
  const parsed = SupportRecordSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  deps.log.error(`Stored support questions of version ${versionId} do not match the schema`, parsed.error.issues.slice(0, 5));
  throw appError('INTERNAL', `The support questions of version ${versionId} could not be read.`);
}

/** One round: the person's access to the page's project, the version, and the stored questions. */
export const listSupportQuestions: Handler<'listSupportQuestions'> = async ({ versionId }, { project: claimed }, deps) => {
  const [access, version, stored] = await Promise.allSettled([readAccess(deps, claimed), deps.jira.getVersion(versionId), readSupport(deps, claimed.id, versionId)]);
  const { project } = requireAccess(access, 'read', claimed);
  if (settledValue(version).projectId !== project.id) throw appError('NOT_FOUND', `Version ${versionId} is not in project ${project.key}.`);
  const record = settledValue(stored);
  return { versionId, revision: record?.revision ?? 0, questions: record?.questions ?? [] };
};
