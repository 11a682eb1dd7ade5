/**
 * The walkthrough's rules: question ids, what "answered in the handoff" has to point at, turning a
 * walkthrough question into a likely question, and whether the walkthrough still blocks a release.
 * Pure: the caller passes the moment and the person.
 */
import { appError } from '../errors';
import { LIMITS, type HandoffContent, type PersonRef, type StoredHandoff } from '../handoff';
import { stampOf } from '../calendar';
import { isPersonAttendee, QUESTION_ID, type Attendee, type Settlement, type Walkthrough, type WalkthroughInput, type WalkthroughQuestion } from './schema';
import { SECTION_WORDS } from './wording';

function refuse(field: string, message: string): never {
  throw appError('INVALID_INPUT', message, { fields: { [field]: message } });
}

/**
 * Why a settlement cannot stand against this content, or null when it can. "Answered in X" must
 * point at something CS can actually read there: a section that is written, and for Likely
 * questions, an entry that exists (0-based `questionIndex`).
 */
export function settlementProblem(content: HandoffContent, settlement: Settlement): string | null {
  if (settlement.kind === 'brief-gap') return null;
  const { where, questionIndex } = settlement;
  const words = SECTION_WORDS[where];
  if (where === 'questions') {
    if (questionIndex === undefined) return 'Say which likely question answers it (questionIndex)';
    if (questionIndex >= content.questions.length) {
      return `Likely question ${questionIndex + 1} does not exist: the handoff has ${content.questions.length}`;
    }
    return null;
  }
  if (questionIndex !== undefined) return `questionIndex only applies to Likely questions, not ${words}`;
  const written: Record<typeof where, boolean> = {
    whatsNew: content.whatsNew !== '',
    happyPath: content.happyPath.length > 0,
    limitations: content.limitations.length > 0 || content.noKnownLimitations,
    escalation: content.escalation.l1LookUp !== '' || content.escalation.l2Reproduce !== '',
    dashboard: content.dashboardUrl !== '',
  };
  return written[where] ? null : `${words} is not written yet, so it cannot answer the question: write it first or mark a brief gap`;
}

function assertSettlement(content: HandoffContent, settlement: Settlement | null, field: string): void {
  if (settlement === null) return;
  const problem = settlementProblem(content, settlement);
  if (problem) refuse(field, problem);
}

const idNumber = (id: string): number => Number(id.slice(1));

/** The accountIds the walkthrough's attendees name, once each: what the backend asks Jira about (one bulk call). */
export function attendeeAccountIds(input: Pick<WalkthroughInput, 'attendees'>): string[] {
  return [...new Set(input.attendees.flatMap((a) => ('accountId' in a ? [a.accountId] : [])))];
}

/**
 * The attendees as stored. A Jira person is stored with the name Jira answered (`people`, from the bulk
 * lookup of `attendeeAccountIds`), never a name the UI sent; an accountId Jira does not know is refused.
 * A name-only attendee (recorded before attendees were Jira people) is kept only if the stored
 * walkthrough already lists it: new ones must be Jira people. The same person twice is listed once.
 */
export function resolveAttendees(input: WalkthroughInput['attendees'], stored: Walkthrough | undefined, people: readonly PersonRef[]): Attendee[] {
  const byId = new Map(people.map((p) => [p.accountId, p]));
  const legacy = new Set((stored?.attendees ?? []).filter((a) => !isPersonAttendee(a)).map((a) => a.displayName));
  const seen = new Set<string>();
  const out: Attendee[] = [];
  input.forEach((a, i) => {
    if ('accountId' in a) {
      const person = byId.get(a.accountId);
      if (!person) refuse(`walkthrough.attendees.${i}.accountId`, `Attendee ${i + 1} is not a person Jira knows (accountId ${a.accountId}): pick them again from the list`);
      if (seen.has(`id:${person.accountId}`)) return;
      seen.add(`id:${person.accountId}`);
      out.push({ accountId: person.accountId, displayName: person.displayName });
      return;
    }
    if (!legacy.has(a.displayName)) refuse(`walkthrough.attendees.${i}`, `Attendee ${i + 1} (${a.displayName}) must be picked from Jira people`);
    if (seen.has(`name:${a.displayName}`)) return;
    seen.add(`name:${a.displayName}`);
    out.push({ displayName: a.displayName });
  });
  return out;
}

/**
 * The walkthrough as stored: questions keep the id they were sent with, new ones get the next number
 * after every id used so far (in the stored walkthrough and in this one), so an id never points at a
 * different question within one save. Settlements that are new or changed are checked against the
 * content; ones already stored are kept even if the PO has since rewritten the section. Attendees: see
 * `resolveAttendees`.
 */
export function normaliseWalkthrough(
  input: WalkthroughInput,
  stored: Walkthrough | undefined,
  content: HandoffContent,
  /** Jira's answer for `attendeeAccountIds(input)`. */
  people: readonly PersonRef[],
): Walkthrough {
  const seen = new Set<string>();
  input.questions.forEach((q, i) => {
    if (q.id === undefined) return;
    if (seen.has(q.id)) refuse(`walkthrough.questions.${i}.id`, `Question id ${q.id} is used twice`);
    seen.add(q.id);
  });
  let next = Math.max(0, ...[...seen, ...(stored?.questions.map((q) => q.id) ?? [])].filter((id) => QUESTION_ID.test(id)).map(idNumber)) + 1;
  const before = new Map((stored?.questions ?? []).map((q) => [q.id, q]));
  const questions: WalkthroughQuestion[] = input.questions.map((q, i) => {
    const id = q.id ?? `q${next++}`;
    const previous = before.get(id);
    if (JSON.stringify(previous?.settlement ?? null) !== JSON.stringify(q.settlement)) {
      assertSettlement(content, q.settlement, `walkthrough.questions.${i}.settlement`);
    }
    return { id, text: q.text, ...(q.raisedBy !== undefined && q.raisedBy !== '' ? { raisedBy: q.raisedBy } : {}), settlement: q.settlement };
  });
  if (next > 10_000) refuse('walkthrough.questions', 'Too many question ids have been used; start a new walkthrough');
  return { heldAt: input.heldAt, attendees: resolveAttendees(input.attendees, stored, people), questions };
}

/** The next revision of a handoff with `changes` applied, stamped with who and when. */
export function nextRevision(previous: StoredHandoff, changes: Partial<StoredHandoff>, by: PersonRef, now: Date): StoredHandoff {
  return { ...previous, ...changes, revision: previous.revision + 1, updatedAt: stampOf(now), updatedBy: by };
}

function walkthroughOf(handoff: StoredHandoff): Walkthrough {
  if (!handoff.walkthrough) throw appError('NOT_FOUND', 'No walkthrough is recorded for this handoff yet: record the walkthrough first.');
  return handoff.walkthrough;
}

function questionIndexOf(walkthrough: Walkthrough, questionId: string): number {
  const index = walkthrough.questions.findIndex((q) => q.id === questionId);
  if (index < 0) {
    throw appError('NOT_FOUND', `Walkthrough question ${questionId} is not in this walkthrough any more: reload and try again.`, {
      fields: { questionId: `No question ${questionId}` },
    });
  }
  return index;
}

/** Settles one walkthrough question (or unsettles it with null). */
export function settleQuestion(handoff: StoredHandoff, questionId: string, settlement: Settlement | null, by: PersonRef, now: Date): StoredHandoff {
  const walkthrough = walkthroughOf(handoff);
  const index = questionIndexOf(walkthrough, questionId);
  assertSettlement(handoff.content, settlement, 'settlement');
  const questions = walkthrough.questions.map((q, i) => (i === index ? { ...q, settlement } : q));
  return nextRevision(handoff, { walkthrough: { ...walkthrough, questions } }, by, now);
}

/**
 * One action: the walkthrough question becomes a likely question (its text, the given answer,
 * appended to the handoff's Likely questions) and is settled as answered there.
 */
export function promoteQuestion(handoff: StoredHandoff, questionId: string, answer: string, by: PersonRef, now: Date): StoredHandoff {
  const walkthrough = walkthroughOf(handoff);
  const index = questionIndexOf(walkthrough, questionId);
  const question = walkthrough.questions[index] as WalkthroughQuestion;
  const text = answer.trim();
  if (text === '') refuse('answer', 'Write the answer CS should give');
  if (text.length > LIMITS.answer) refuse('answer', `Answer must be at most ${LIMITS.answer} characters`);
  if (handoff.content.questions.length >= LIMITS.questions) {
    refuse('questionId', `The handoff already has ${LIMITS.questions} likely questions, the most it can hold: edit one of them instead`);
  }
  const questionIndex = handoff.content.questions.length;
  const content: HandoffContent = { ...handoff.content, questions: [...handoff.content.questions, { question: question.text.slice(0, LIMITS.question), answer: text }] };
  const questions = walkthrough.questions.map((q, i) => (i === index ? { ...q, settlement: { kind: 'answered' as const, where: 'questions' as const, questionIndex } } : q));
  return nextRevision(handoff, { content, walkthrough: { ...walkthrough, questions } }, by, now);
}

export function unsettledQuestions(walkthrough: Walkthrough | undefined | null): number {
  return walkthrough ? walkthrough.questions.filter((q) => q.settlement === null).length : 0;
}

/**
 * What the walkthrough gate needs to know: the walkthrough itself (a stored handoff), or only its count
 * of unsettled questions (an overview index entry: null when no walkthrough is recorded).
 */
export interface WalkthroughFacts {
  walkthrough?: Walkthrough | undefined;
  unsettledQuestions?: number | null | undefined;
}

/**
 * For the release gate's "walkthrough gate" setting: null when the walkthrough was held and every
 * question raised there is settled, otherwise the reason, in words a release manager can act on.
 */
export function walkthroughBlocks(handoff: WalkthroughFacts | null): string | null {
  if (!handoff) return 'There is no handoff yet, so no walkthrough with the CS lead has been held.';
  const open = handoff.walkthrough ? unsettledQuestions(handoff.walkthrough) : (handoff.unsettledQuestions ?? null);
  if (open === null) return 'The walkthrough with the CS lead has not been recorded yet.';
  if (open === 0) return null;
  return `${open} question${open === 1 ? '' : 's'} from the CS walkthrough ${open === 1 ? 'is' : 'are'} not settled yet: answer ${open === 1 ? 'it' : 'each'} in the handoff or mark it as a gap in the release brief.`;
}
