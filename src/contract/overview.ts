/**
 * The overview's paging and filter values, without zod: the UI's first screen imports them as values,
 * and importing the contract's index would ship every schema (and zod) with it.
 */

/** Versions per overview page: one Jira call fetches a page, whatever the project's size. */
export const OVERVIEW_PAGE_SIZE = 25;

/** Which versions the overview lists, by Jira's own release status (Jira filters, so paging stays exact). */
export const RELEASE_FILTERS = ['unreleased', 'released'] as const;
export type ReleaseFilter = (typeof RELEASE_FILTERS)[number];
