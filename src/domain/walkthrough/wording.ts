/**
 * The words for each handoff section a walkthrough question can be answered in. No zod (only types are
 * imported), so the UI can use the same words as the domain's rules without loading the schemas.
 */
import type { AnswerSection } from './schema';
import { SECTION_TITLES } from '../section-titles';

export const SECTION_WORDS: Record<AnswerSection, string> = SECTION_TITLES;
