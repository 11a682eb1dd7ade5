/**
 * The editor's working copy of a handoff. Lists carry stable ids so React keeps focus on the right
 * input when steps move. Plain data and no zod here: this module is part of the reader's start-up JS.
 */
import type { HandoffContent } from '#domain/handoff';

export interface TextItem {
  id: string;
  text: string;
}
export interface QaItem {
  id: string;
  question: string;
  answer: string;
}
export interface EditorModel {
  whatsNew: string;
  happyPath: TextItem[];
  limitations: TextItem[];
  noKnownLimitations: boolean;
  questions: QaItem[];
  l1LookUp: string;
  l2Reproduce: string;
  dashboardUrl: string;
}

let seq = 0;
export const newId = (): string => `i${++seq}`;

export function toModel(content: HandoffContent): EditorModel {
  return {
    whatsNew: content.whatsNew,
    happyPath: content.happyPath.map((text) => ({ id: newId(), text })),
    limitations: content.limitations.map((text) => ({ id: newId(), text })),
    noKnownLimitations: content.noKnownLimitations,
    questions: content.questions.map((q) => ({ id: newId(), question: q.question, answer: q.answer })),
    l1LookUp: content.escalation.l1LookUp,
    l2Reproduce: content.escalation.l2Reproduce,
    dashboardUrl: content.dashboardUrl,
  };
}

/**
 * The content to validate or save. With `dropEmpty`, list entries the person left blank are left out
 * (an empty step is not a step); indexes then no longer match the inputs, so validation runs without it.
 */
export function toContent(model: EditorModel, { dropEmpty = false } = {}): HandoffContent {
  const keep = (s: string) => !dropEmpty || s.trim() !== '';
  return {
    whatsNew: model.whatsNew,
    happyPath: model.happyPath.map((i) => i.text).filter(keep),
    limitations: model.limitations.map((i) => i.text).filter(keep),
    noKnownLimitations: model.noKnownLimitations,
    questions: model.questions.filter((q) => !dropEmpty || q.question.trim() !== '' || q.answer.trim() !== '').map((q) => ({ question: q.question, answer: q.answer })),
    escalation: { l1LookUp: model.l1LookUp, l2Reproduce: model.l2Reproduce },
    dashboardUrl: model.dashboardUrl,
  };
}

/** Same content after the backend's own normalisation (trim, blank entries dropped)? */
export function sameContent(a: HandoffContent, b: HandoffContent): boolean {
  const norm = (c: HandoffContent) =>
    JSON.stringify({
      ...c,
      whatsNew: c.whatsNew.trim(),
      happyPath: c.happyPath.map((s) => s.trim()).filter(Boolean),
      limitations: c.limitations.map((s) => s.trim()).filter(Boolean),
      questions: c.questions.map((q) => ({ question: q.question.trim(), answer: q.answer.trim() })).filter((q) => q.question || q.answer),
      escalation: { l1LookUp: c.escalation.l1LookUp.trim(), l2Reproduce: c.escalation.l2Reproduce.trim() },
      dashboardUrl: c.dashboardUrl.trim(),
    });
  return norm(a) === norm(b);
}
