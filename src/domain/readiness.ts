import type { HandoffContent, HandoffStatus } from './handoff';

export interface MissingPart {
  /** Path of the field in the save payload, so the UI can point at it. */
  field: string;
  /** What is missing, in the words the UI shows. */
  label: string;
}

/**
 * Every part "Mark ready" still needs, in document order (the first is the first thing to fix).
 * An empty limitations list counts only with an explicit "None known"; both at once is a contradiction.
 */
export function missingPartsForReady(content: HandoffContent): MissingPart[] {
  const missing: MissingPart[] = [];
  if (content.whatsNew.trim() === '') missing.push({ field: 'content.whatsNew', label: "A what's-new paragraph" });
  if (!content.happyPath.some((step) => step.trim() !== '')) {
    missing.push({ field: 'content.happyPath', label: 'At least one happy-path step' });
  }
  const namesLimitation = content.limitations.some((l) => l.trim() !== '');
  if (namesLimitation && content.noKnownLimitations) {
    missing.push({ field: 'content.noKnownLimitations', label: 'Known limitations are listed but "None known" is also ticked: choose one' });
  } else if (!namesLimitation && !content.noKnownLimitations) {
    missing.push({ field: 'content.limitations', label: 'At least one known limitation, or tick "None known"' });
  }
  if (!content.questions.some((q) => q.question.trim() !== '' && q.answer.trim() !== '')) {
    missing.push({ field: 'content.questions', label: 'At least one likely question with an answer' });
  }
  if (content.escalation.l1LookUp.trim() === '') missing.push({ field: 'content.escalation.l1LookUp', label: 'L1: how to look it up' });
  if (content.escalation.l2Reproduce.trim() === '') {
    missing.push({ field: 'content.escalation.l2Reproduce', label: 'L2: how to reproduce' });
  }
  return missing;
}

/** Human names of what "Mark ready" still needs; empty when the handoff can be marked ready. */
export function missingForReady(content: HandoffContent): string[] {
  return missingPartsForReady(content).map((part) => part.label);
}

export interface StatusAfterEdit {
  status: HandoffStatus;
  readyAt: string | null;
  /** What the editor is told when the edit took the handoff back to draft; null otherwise. */
  notice: string | null;
}

/**
 * A ready handoff stays ready only while its content still meets the ready rules: an edit that empties a
 * required part moves it back to draft (and clears readyAt, so lateness counts from when it is marked ready
 * again). Otherwise "Mark ready" could be passed once and then the handoff emptied behind the gate's back.
 */
export function statusAfterEdit(previous: { status: HandoffStatus; readyAt: string | null } | null, content: HandoffContent): StatusAfterEdit {
  const status = previous?.status ?? 'draft';
  const readyAt = previous?.readyAt ?? null;
  if (status !== 'ready') return { status, readyAt, notice: null };
  const missing = missingForReady(content);
  if (missing.length === 0) return { status, readyAt, notice: null };
  return {
    status: 'draft',
    readyAt: null,
    notice: `Saved, and moved back to draft: a ready handoff needs ${missing.join('; ')}. Mark it ready again when it has them; the release gate counts from then.`,
  };
}
