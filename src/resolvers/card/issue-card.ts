/**
 * The "Release handoff" card on a Jira issue or service request (jira:issueContext), and "Find an answer".
 *
 * Which release the card shows: (a) the release the request was linked to (its issue property, a claim
 * checked against Jira's version), else (b) the issue's first fix/affects version that has a handoff,
 * else (c) none, with the live releases to choose from. Everything is read as the person: an issue they
 * cannot browse answers FORBIDDEN (the card shows nothing), and a release in a project they cannot
 * browse is not shown (Jira answers 404 for its version and project).
 *
 * Calls: round 1 the issue (project, fix and affects versions) and its release property, plus serverInfo
 * for links. "Find an answer" reads the issue beside liveHandoffs' first round (no extra round). (a) round 2: the version, its project and its records (one storage call). (b) round 2: the
 * records of every fix/affects version (one storage call). (c) liveHandoffs' rounds.
 */
import type { CardRelease, IssueHandoffCard } from '#contract';
import { answerEntriesOf, rankAnswers, type AnswerEntry } from '#domain/card/answer-search';
import { parseRequestRelease, REQUEST_RELEASE_PROPERTY_KEY } from '#domain/card/request-release';
import { AppError, appError } from '#domain/errors';
import { ContentRecordSchema, RolloutRecordSchema, type ContentRecord } from '#domain/records';
import type { IssueForCard, JiraVersion, ListedProject } from '#jira';
import { ENTITIES, versionKey } from '#store/port';
import type { CallContext } from '../core/call-context';
import type { ResolverDeps } from '../core/deps';
import { liveHandoffs, liveReleaseRefs, releaseRef } from './live-handoffs';
import type { Handler } from '../core/run';
import { settledValue } from '../core/access';

/** Matches "Find an answer" returns at most. */
export const ANSWER_LIMIT = 20;

interface Found {
  project: ListedProject;
  version: JiraVersion;
  content: ContentRecord | null;
  stage: CardRelease['stage'];
}

/** The content and rollout records of each version (of one project), in one storage call. */
async function recordsOf(deps: ResolverDeps, projectId: string, versionIds: readonly string[]) {
  const refs = versionIds.flatMap((id) => [
    { entity: ENTITIES.content, key: versionKey(projectId, id) },
    { entity: ENTITIES.rollout, key: versionKey(projectId, id) },
  ]);
  const values = refs.length === 0 ? [] : await deps.store.getMany(refs);
  return versionIds.map((_, i) => {
    const content = ContentRecordSchema.safeParse(values[2 * i]);
    const rollout = RolloutRecordSchema.safeParse(values[2 * i + 1]);
    return { content: content.success ? content.data : null, stage: rollout.success ? rollout.data.rollout.stage : ('not-started' as const) };
  });
}

const isRefusal = (e: unknown) => e instanceof AppError && (e.error.code === 'NOT_FOUND' || e.error.code === 'FORBIDDEN');

/**
 * One release as the person may see it, or null when they may not (or it is gone). With `projectId`
 * (a link's claim) the version, the project and the records are read in one round, and the claim must
 * be the project Jira names for the version.
 */
export async function releaseAsPerson(deps: ResolverDeps, versionId: string, projectId?: string): Promise<Found | null> {
  try {
    if (projectId !== undefined) {
      const round = await Promise.allSettled([deps.jira.getVersion(versionId), deps.jira.getProject(projectId), recordsOf(deps, projectId, [versionId])]);
      const version = settledValue(round[0]);
      const project = settledValue(round[1]);
      const [records] = settledValue(round[2]);
      if (version.projectId !== project.id) return null;
      return { project, version, content: records?.content ?? null, stage: records?.stage ?? 'not-started' };
    }
    const version = await deps.jira.getVersion(versionId);
    const round = await Promise.allSettled([deps.jira.getProject(version.projectId), recordsOf(deps, version.projectId, [versionId])]);
    const project = settledValue(round[0]);
    const [records] = settledValue(round[1]);
    return { project, version, content: records?.content ?? null, stage: records?.stage ?? 'not-started' };
  } catch (error) {
    if (isRefusal(error)) return null;
    throw error;
  }
}

/** (b): the first of the issue's versions (fix versions first) that has a handoff. */
async function fromIssueVersions(deps: ResolverDeps, issue: IssueForCard): Promise<Found | null> {
  const records = await recordsOf(
    deps,
    issue.project.id,
    issue.versions.map((v) => v.id),
  );
  const at = records.findIndex((r) => r.content !== null);
  const version = issue.versions[at];
  const found = records[at];
  return version && found ? { project: issue.project, version, content: found.content, stage: found.stage } : null;
}

function cardRelease(siteUrl: string, deps: ResolverDeps, found: Found): CardRelease {
  const c = found.content?.content;
  return {
    ...releaseRef(siteUrl, deps, found.project, found.version, found.stage),
    status: found.content?.status ?? 'none',
    whatsNew: c?.whatsNew ?? '',
    limitations: c?.limitations ?? [],
    noKnownLimitations: c?.noKnownLimitations ?? false,
    questions: c?.questions ?? [],
    escalation: c?.escalation ?? { l1LookUp: '', l2Reproduce: '' },
  };
}

/**
 * The page's issue, read as the person: FORBIDDEN when they cannot browse it (Jira's 404 means "no such
 * issue" or "not yours"; nothing about it is shown either way), and when the page's project is not the
 * issue's project (a forged page). Every card resolver runs this, so none answers for a page that lies.
 */
export async function pageIssue(deps: ResolverDeps, call: CallContext): Promise<IssueForCard> {
  if (!call.issue) throw appError('NOT_FOUND', 'The Release handoff card must be opened from a Jira issue.');
  const issue = await deps.jira.getIssueForCard(call.issue.key);
  if (issue === null) throw appError('FORBIDDEN', `You don't have permission to browse issue ${call.issue.key}.`);
  if (issue.project.id !== call.project.id || issue.project.key !== call.project.key || (call.issue.id !== '' && call.issue.id !== issue.id)) {
    throw appError('FORBIDDEN', `This page does not match issue ${call.issue.key} in Jira. Reload the issue.`);
  }
  return issue;
}

export const getIssueHandoffCard: Handler<'getIssueHandoffCard'> = async ({ versionId }, call, deps) => {
  call.siteUrl().catch(() => undefined);
  // Settled, not Promise.all: a refusal answers only once every read of the round has ended.
  const [issueRead, linkedRead] = await Promise.allSettled([pageIssue(deps, call), call.issue ? deps.jira.getIssueProperty(call.issue.key, REQUEST_RELEASE_PROPERTY_KEY) : null]);
  const issue = settledValue(issueRead);
  const linked = parseRequestRelease(settledValue(linkedRead));
  const answer = async (source: IssueHandoffCard['source'], found: Found): Promise<IssueHandoffCard> => ({
    issueKey: issue.key,
    source,
    release: cardRelease(await call.siteUrl(), deps, found),
    choices: [],
    linked: source === 'linked' && linked ? { stage: linked.stage, linkedAt: linked.linkedAt } : null,
  });
  if (versionId !== undefined) {
    const chosen = await releaseAsPerson(deps, versionId);
    if (!chosen) throw appError('FORBIDDEN', `You don't have permission to read the handoff of version ${versionId}.`);
    return answer('chosen', chosen);
  }
  const fromLink = linked ? await releaseAsPerson(deps, linked.versionId, linked.projectId) : null;
  if (fromLink) return answer('linked', fromLink);
  const fromVersions = await fromIssueVersions(deps, issue);
  if (fromVersions) return answer('fix-version', fromVersions);
  return { issueKey: issue.key, source: 'none', release: null, choices: await liveReleaseRefs(deps, call), linked: null };
};

export const listLiveReleases: Handler<'listLiveReleases'> = async (_payload, call, deps) => {
  const [issue, refs] = await Promise.allSettled([pageIssue(deps, call), liveReleaseRefs(deps, call)]);
  settledValue(issue);
  return settledValue(refs);
};

export const findAnswers: Handler<'findAnswers'> = async ({ query }, call, deps) => {
  const round = await Promise.allSettled([pageIssue(deps, call), liveHandoffs(deps), call.siteUrl()]);
  settledValue(round[0]);
  const live = settledValue(round[1]);
  const siteUrl = settledValue(round[2]);
  const refs = new Map(live.map((h) => [h.version.id, releaseRef(siteUrl, deps, h.project, h.version, h.stage)]));
  const entries: AnswerEntry[] = live.flatMap((h) => answerEntriesOf(h.content.content, { versionId: h.version.id, releaseDate: h.version.releaseDate }));
  const matches = rankAnswers(query, entries, ANSWER_LIMIT).flatMap((hit) => {
    const release = refs.get(hit.entry.versionId);
    if (!release) return [];
    const { kind, text, answer, position } = hit.entry;
    return [{ kind, text, answer, position, release, textSpans: hit.textSpans, answerSpans: hit.answerSpans }];
  });
  return { query, matches, searched: live.length };
};
