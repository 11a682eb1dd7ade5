/**
 * The one typed contract between the resolvers (src/resolvers) and the Custom UI (static/).
 * Both sides import these names and types; payloads are validated with these schemas on the backend.
 * The UI imports only types (and ./overview's constants) from here, never schemas or backend code.
 *
 * resolvers.ts: the table of every call (payload schema, answer); schemas/: the payload schemas and the
 * fields they share; views.ts and issue-view.ts: what the calls answer.
 */
export * from './schemas/fields';
export * from './schemas/handoff';
export * from './schemas/living';
export * from './schemas/issue-view';
export * from './resolvers';
export * from './views';
export * from './issue-view';
export { OVERVIEW_PAGE_SIZE, RELEASE_FILTERS, type ReleaseFilter } from './overview';

// Defined next to the rules that produce them; re-exported so the UI has one place to import from.
export type { ErrorCode, ResolverError, Result, SaveConflict } from '#domain/errors';
export type { HandoffState } from '#domain/state';
export type { AdfDoc } from '#domain/adf';
export type { PersonRef } from '#domain/person';
export type { ContentSection } from '#domain/merge';
export type { RecordRevisions } from '#domain/records';
export type { GateView, GateState, BlockEntry, GateOverride, ProjectSettings } from '#domain/gate/rules';
export type { Walkthrough, WalkthroughQuestion, Settlement, Attendee, AttendeeInput, PersonAttendee, NamedAttendee, AnswerSection } from '#domain/walkthrough/schema';
export type { Rollout, RolloutEntry, RolloutStage } from '#domain/living/rollout';
export type { SectionChange, WordToken } from '#domain/living/diff';
export type { StageSignal, StageSignals } from '#domain/living/stage-signals';
