/** The fields of a version create or update, checked as Jira checks them (errors by field, in one 400). */
import type { Db } from './db';
import { isIsoDate } from './dates';
import { fieldErrors } from './errors';

export interface VersionFields {
  name?: string;
  description?: string | null;
  releaseDate?: string | null;
  startDate?: string | null;
  released?: boolean;
  archived?: boolean;
}

export function validateVersionFields(db: Db, input: Record<string, unknown>, projectId: number, selfId: number | null): VersionFields {
  const errors: Record<string, string> = {};
  const out: VersionFields = {};
  if (input.name !== undefined) {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (name === '') errors.name = 'You must specify a valid version name';
    else if (name.length > 255) errors.name = 'The version name must not exceed 255 characters.';
    else {
      const clash = db.prepare('SELECT id FROM versions WHERE project_id = ? AND lower(name) = lower(?) AND id IS NOT ?').get(projectId, name, selfId);
      if (clash) errors.name = 'A version with this name already exists in this project.';
      else out.name = name;
    }
  }
  if (input.description !== undefined) {
    if (input.description === null) out.description = null;
    else if (typeof input.description !== 'string') errors.description = 'The description must be a string.';
    else if (Buffer.byteLength(input.description) > 16384) errors.description = 'The description must not exceed 16384 bytes.';
    else out.description = input.description;
  }
  for (const [field, key] of [
    ['releaseDate', 'releaseDate'],
    ['startDate', 'startDate'],
  ] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null || value === '') out[key] = null;
    else if (typeof value !== 'string' || !isIsoDate(value)) errors[field] = 'Invalid date format. Please enter the date in the format "yyyy-MM-dd".';
    else out[key] = value;
  }
  for (const field of ['released', 'archived'] as const) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'boolean') errors[field] = `The value of '${field}' must be true or false.`;
    else out[field] = value;
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return out;
}
