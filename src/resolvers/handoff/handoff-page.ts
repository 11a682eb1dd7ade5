import { fail, ok, type Result } from '#domain/errors';
import { stageSignals } from '#domain/living/stage-signals';
import type { ResolverDeps } from '../core/deps';
import { getHandoff } from './get-handoff';
import { getL3Summary } from './l3-summary';
import { failureOf, type Handler } from '../core/run';
import { settledValue } from '../core/access';
import { handoffPageUrl } from '../core/handoff-writes';
import { listSupportQuestions } from '../core/support-store';
import { readStageSignalCounts } from './stage-signals';

/**
 * The handoff page in one invocation: the handoff (gate and permissions included), the L3 count, the
 * questions from support and the chart's counts per rollout stage, side by side in one round. Each part
 * checks access the same way; the person's permissions, the project and the version are read once for
 * all (later askers get the first call's answer), so the page costs the Jira calls of getHandoff plus
 * the count, the chart's counts (6 per-stage counts and one L3 search) and one storage read of the
 * questions, in the same round: no second invocation, no extra round. It also names the page's own
 * address, which an L3 bug filed from it links to (the dialog's pre-fill is built in the browser).
 */
export const getHandoffPage: Handler<'getHandoffPage'> = async (payload, call, deps) => {
  const shared = withSharedAccessReads(deps);
  const part = <T>(name: string, work: Promise<T>): Promise<Result<T>> => work.then(ok, (error: unknown) => failureOf(`getHandoffPage (${name})`, error, deps));
  // Settled, not Promise.all: a refused handoff must not answer while the other parts' calls are still
  // in flight (the invocation would end with work of its own still running).
  const [handoff, l3, support, counts, siteUrl] = await Promise.allSettled([
    getHandoff(payload, call, shared),
    part('L3 count', getL3Summary(payload, call, shared)),
    part('support questions', listSupportQuestions(payload, call, shared)),
    part('signals', readStageSignalCounts(payload, call, shared)),
    // The count's search link asks for the site's address already (once per call): no extra call.
    part('handoff link', call.siteUrl()),
  ]);
  const view = settledValue(handoff);
  const questions = settledValue(support);
  const jira = settledValue(counts);
  // A chart without one of its measures would read as "none": it is shown whole or not at all.
  const signals = !jira.ok ? jira : !questions.ok ? fail(questions.error) : ok(stageSignals({ rollout: view.rollout, ...jira.value, questions: questions.value.questions }));
  const site = settledValue(siteUrl);
  const handoffUrl = site.ok ? ok(handoffPageUrl(site.value, view.project, view.version.id, deps.appIdentity())) : site;
  return { handoff: view, l3: settledValue(l3), support: questions, signals, handoffUrl };
};

/** The same deps, with the access reads made once per arguments for the length of this invocation. */
function withSharedAccessReads(deps: ResolverDeps): ResolverDeps {
  const once = <A extends unknown[], T>(fn: (...args: A) => Promise<T>) => {
    const asked = new Map<string, Promise<T>>();
    return (...args: A): Promise<T> => {
      const key = JSON.stringify(args);
      const known = asked.get(key);
      if (known) return known;
      const answer = fn(...args);
      asked.set(key, answer);
      return answer;
    };
  };
  return { ...deps, jira: { ...deps.jira, getMyPermissions: once(deps.jira.getMyPermissions), getProject: once(deps.jira.getProject), getVersion: once(deps.jira.getVersion) } };
}
