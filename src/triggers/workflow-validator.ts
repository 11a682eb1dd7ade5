/**
 * jira:workflowValidator for teams that release through a release ticket: the transition fails when a
 * fix version of the issue (as set on the transition screen, else as stored) has a handoff that would
 * not pass the gate. It fails closed: when it cannot finish the check, the transition fails too.
 */
import { clearBy, gateAllowsRelease, gateReason } from '#domain/gate/rules';
import { defaultTriggerDeps, siteTimeZone, type TriggerDeps } from './deps';
import { loadGateFacts } from './gate-load';

export interface ValidatorArgs {
  issue?: { key?: string };
  /** Forge attaches the fields changed on the transition screen; `fixVersions: null` means cleared. */
  transition?: { modifiedFields?: Record<string, unknown> | null };
}

export interface ValidatorResult {
  result: boolean;
  errorMessage?: string;
}

/** Forge gives a validator little time; a check that has not finished by then fails the transition. */
export const VALIDATOR_BUDGET_MS = 20_000;

export const COULD_NOT_CHECK = 'Could not check the CS handoff, try again in a moment. CS Handoff stops the transition when it cannot check, so no release slips past it.';

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

class CannotCheck extends Error {}

/**
 * The fix version ids the transition will leave on the issue: `undefined` when the screen did not touch
 * them (then the stored ones count), [] when cleared. An answer in a shape we cannot read cannot be judged.
 */
export function modifiedFixVersionIds(args: ValidatorArgs): string[] | undefined {
  const fields = args?.transition?.modifiedFields;
  if (!fields || typeof fields !== 'object' || !('fixVersions' in fields)) return undefined;
  const value = fields.fixVersions;
  if (value === null) return [];
  if (!Array.isArray(value)) throw new CannotCheck('fixVersions on the transition screen is not a list');
  return value.map((item: unknown) => {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : item;
    if ((typeof id === 'string' || typeof id === 'number') && /^\d+$/.test(String(id))) return String(id);
    throw new CannotCheck('a fix version on the transition screen has no id');
  });
}

export function createWorkflowValidator(deps: TriggerDeps & { validatorBudgetMs?: number }) {
  const check = async (issueKey: string, args: ValidatorArgs): Promise<ValidatorResult> => {
    const modified = modifiedFixVersionIds(args);
    const ids = modified ?? (await deps.jira.getIssueFixVersions(issueKey))?.map((v) => v.id) ?? [];
    if (ids.length === 0) return { result: true };
    // Fix versions are independent: checked in parallel (a validator has little time). Archived ones are
    // judged too: archiving a version must not be a way around its handoff. Days count in the site's calendar.
    const site = siteTimeZone(deps);
    const checked = await Promise.all(
      ids.map(async (id): Promise<string | null> => {
        const [version, siteZone] = await Promise.all([deps.jira.getVersionAsApp(id), site]);
        if (!version) return null;
        const facts = await loadGateFacts(deps, version, {}, { siteTimeZone: siteZone });
        if (gateAllowsRelease(facts.evaluation.state)) return null;
        const reason = gateReason({ versionName: version.name, handoff: facts.handoff, evaluation: facts.evaluation, rule: facts.rule });
        const todo = clearBy({ handoff: facts.handoff, evaluation: facts.evaluation, rule: facts.rule });
        return `Fix version ${version.name} is blocked by CS Handoff. ${reason} To go on: ${todo.map(capitalise).join('; or ')}.`;
      }),
    );
    const problems = checked.filter((p): p is string => p !== null);
    return problems.length === 0 ? { result: true } : { result: false, errorMessage: problems.join(' ') };
  };

  return async (args: ValidatorArgs, _context?: unknown): Promise<ValidatorResult> => {
    const issueKey = args?.issue?.key;
    if (!issueKey) return { result: true };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const budget = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CannotCheck('the check ran out of time')), deps.validatorBudgetMs ?? VALIDATOR_BUDGET_MS);
    });
    try {
      return await Promise.race([check(issueKey, args), budget]);
    } catch (error) {
      // Failing closed: a release ticket must not move on because Jira was down while we looked.
      deps.log.error(`CS Handoff validator could not check ${issueKey}`, error);
      return { result: false, errorMessage: COULD_NOT_CHECK };
    } finally {
      clearTimeout(timer);
    }
  };
}

export const validateHandoff = createWorkflowValidator(defaultTriggerDeps());
