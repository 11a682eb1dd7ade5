/** The card's only way to the backend: the three issue-card resolvers, typed by the shared contract. */
import { makeInvoke } from '@forge/bridge';
import type { AnswerResults, CardReleaseRef, IssueHandoffCard, ResolverDefinitions, Result, SupportQuestionAsked } from '../../../src/contract';
import { call } from '../../cs-handoff/src/api';

const invoke = makeInvoke<ResolverDefinitions>();

export const cardApi = {
  getCard: (versionId?: string): Promise<Result<IssueHandoffCard>> => call(() => invoke('getIssueHandoffCard', versionId ? { versionId } : {})),
  listLiveReleases: (): Promise<Result<CardReleaseRef[]>> => call(() => invoke('listLiveReleases', {})),
  findAnswers: (query: string): Promise<Result<AnswerResults>> => call(() => invoke('findAnswers', { query })),
  askSupportQuestion: (versionId: string, question: string): Promise<Result<SupportQuestionAsked>> => call(() => invoke('askSupportQuestion', { versionId, question })),
};
