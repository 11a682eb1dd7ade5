/**
 * jira:workflowValidator for teams that release through a release ticket: the transition fails when a
 * fix version of the issue has a handoff that is missing or late and not overridden.
 */
import { clearBy, gateAllowsRelease, gateReason } from '../domain/gate/rules';
import { defaultTriggerDeps, type TriggerDeps } from './deps';
import { loadGateFacts } from './gate-load';

export interface ValidatorArgs {
  issue?: { key?: string };
}

export interface ValidatorResult {
  result: boolean;
  errorMessage?: string;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function createWorkflowValidator(deps: TriggerDeps) {
  return async (args: ValidatorArgs, _context?: unknown): Promise<ValidatorResult> => {
    const issueKey = args?.issue?.key;
    if (!issueKey) return { result: true };
    try {
      const fixVersions = await deps.jira.getIssueFixVersions(issueKey);
      if (!fixVersions || fixVersions.length === 0) return { result: true };
      // Fix versions are independent: checked in parallel (a validator has little time).
      const checked = await Promise.all(
        fixVersions.map(async (ref): Promise<string | null> => {
          const version = await deps.jira.getVersionAsApp(ref.id);
          if (!version || version.archived) return null;
          const facts = await loadGateFacts(deps, version);
          if (gateAllowsRelease(facts.evaluation.state)) return null;
          const reason = gateReason({ versionName: version.name, handoff: facts.handoff, evaluation: facts.evaluation, rule: facts.rule });
          const todo = clearBy({ handoff: facts.handoff, evaluation: facts.evaluation, rule: facts.rule });
          return `Fix version ${version.name} is blocked by CS Handoff. ${reason} To go on: ${todo.map(capitalise).join('; or ')}.`;
        }),
      );
      const problems = checked.filter((p): p is string => p !== null);
      return problems.length === 0 ? { result: true } : { result: false, errorMessage: problems.join(' ') };
    } catch (error) {
      deps.log.error(`CS Handoff validator could not check ${issueKey}`, error);
      return { result: false, errorMessage: 'CS Handoff could not check the fix versions\' handoffs because Jira did not answer. Try the transition again in a moment.' };
    }
  };
}

export const validateHandoff = createWorkflowValidator(defaultTriggerDeps());
