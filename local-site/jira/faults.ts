import { z } from 'zod';
import { JiraError } from './errors';
import type { FaultRule, JiraSiteSettings } from './types';

export const FaultRuleSchema = z
  .object({
    pathPattern: z
      .string()
      .min(1)
      .refine((s) => {
        try {
          new RegExp(s);
          return true;
        } catch {
          return false;
        }
      }, 'pathPattern must be a valid regular expression'),
    status: z.union([z.literal(403), z.literal(429), z.literal(500), z.literal(503)]),
    times: z.number().int().positive(),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    delayMs: z.number().int().nonnegative().optional(),
    after: z.boolean().optional(),
  })
  .strict();

export const SettingsSchema = z
  .object({ latencyMs: z.number().int().nonnegative().max(60000), faults: z.array(FaultRuleSchema) })
  .partial()
  .strict();

const FAULT_MESSAGES: Record<FaultRule['status'], string> = {
  // Jira's words when the caller lacks the permission: for the app, an admin took it from the app's user.
  403: 'You do not have permission to edit the properties of this project.',
  429: 'Rate limit exceeded.',
  500: 'Internal server error (injected by the local Jira site).',
  503: 'Service unavailable (injected by the local Jira site).',
};

/**
 * Finds the first live rule matching this request and spends one of its uses; a spent rule is
 * removed so `settings.faults` shows only what is still armed.
 */
export function takeFault(settings: JiraSiteSettings, method: string, path: string): FaultRule | undefined {
  const target = `${method} ${path}`;
  const index = settings.faults.findIndex((rule) => rule.times > 0 && new RegExp(rule.pathPattern).test(target));
  if (index < 0) return undefined;
  const rule = settings.faults[index] as FaultRule;
  const taken = { ...rule };
  rule.times -= 1;
  if (rule.times <= 0) settings.faults.splice(index, 1);
  return taken;
}

export function faultError(rule: FaultRule): JiraError {
  const headers: Record<string, string> = {};
  if (rule.retryAfterSeconds !== undefined) headers['retry-after'] = String(rule.retryAfterSeconds);
  return new JiraError(rule.status, [FAULT_MESSAGES[rule.status]], {}, headers);
}
