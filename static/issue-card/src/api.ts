/** The card's only way to the backend: the issue-card and request resolvers, typed by the shared contract's table. */
import type { CardReleaseRef, PayloadOf } from '#contract';
import { request } from '../../cs-handoff/src/api';

/** The release as the request resolvers name it (Jira checks the project and the version again). */
export type ReleaseRef = PayloadOf<'getRequestL3Prefill'>['release'];
export const releaseRefOf = (r: CardReleaseRef): ReleaseRef => ({ versionId: r.versionId, project: { id: r.projectId, key: r.projectKey } });

export const cardApi = {
  getCard: (versionId?: string) => request('getIssueHandoffCard', versionId ? { versionId } : {}),
  listLiveReleases: () => request('listLiveReleases', {}),
  findAnswers: (query: string) => request('findAnswers', { query }),
  askSupportQuestion: (versionId: string, question: string) => request('askSupportQuestion', { versionId, question }),
  linkRequestToRelease: (requestKey: string, release: ReleaseRef) => request('linkRequestToRelease', { requestKey, release }),
  getRequestL3Prefill: (requestKey: string, release: ReleaseRef) => request('getRequestL3Prefill', { requestKey, release }),
  linkRequestBug: (requestKey: string, bugIssueId: string) => request('linkRequestBug', { requestKey, bugIssueId }),
};
