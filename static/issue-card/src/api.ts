/** The card's only way to the backend: the issue-card and request resolvers, typed by the shared contract. */
import { makeInvoke } from '@forge/bridge';
import type {
  AnswerResults,
  CardReleaseRef,
  GetRequestL3PrefillPayload,
  IssueHandoffCard,
  L3Prefill,
  RequestBugLink,
  RequestReleaseLink,
  ResolverDefinitions,
  Result,
  SupportQuestionAsked,
} from '../../../src/contract';
import { call } from '../../cs-handoff/src/api';

const invoke = makeInvoke<ResolverDefinitions>();

/** The release as the request resolvers name it (Jira checks the project and the version again). */
export type ReleaseRef = GetRequestL3PrefillPayload['release'];
export const releaseRefOf = (r: CardReleaseRef): ReleaseRef => ({ versionId: r.versionId, project: { id: r.projectId, key: r.projectKey } });

export const cardApi = {
  getCard: (versionId?: string): Promise<Result<IssueHandoffCard>> => call(() => invoke('getIssueHandoffCard', versionId ? { versionId } : {})),
  listLiveReleases: (): Promise<Result<CardReleaseRef[]>> => call(() => invoke('listLiveReleases', {})),
  findAnswers: (query: string): Promise<Result<AnswerResults>> => call(() => invoke('findAnswers', { query })),
  askSupportQuestion: (versionId: string, question: string): Promise<Result<SupportQuestionAsked>> => call(() => invoke('askSupportQuestion', { versionId, question })),
  linkRequestToRelease: (requestKey: string, release: ReleaseRef): Promise<Result<RequestReleaseLink>> => call(() => invoke('linkRequestToRelease', { requestKey, release })),
  getRequestL3Prefill: (requestKey: string, release: ReleaseRef): Promise<Result<L3Prefill>> => call(() => invoke('getRequestL3Prefill', { requestKey, release })),
  linkRequestBug: (requestKey: string, bugIssueId: string): Promise<Result<RequestBugLink>> => call(() => invoke('linkRequestBug', { requestKey, bugIssueId })),
};
