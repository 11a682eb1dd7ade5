/** The card's only way to the backend: the issue-card resolvers, typed by the shared contract's table. */
import { request } from '../../cs-handoff/src/api';

export const cardApi = {
  getCard: (versionId?: string) => request('getIssueHandoffCard', versionId ? { versionId } : {}),
  listLiveReleases: () => request('listLiveReleases', {}),
  findAnswers: (query: string) => request('findAnswers', { query }),
  askSupportQuestion: (versionId: string, question: string) => request('askSupportQuestion', { versionId, question }),
};
