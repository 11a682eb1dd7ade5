/** A related-work link's fields (POST /version/{id}/relatedwork), checked as Jira checks them. */
import { fieldErrors } from './errors';

export function relatedWorkInput(input: Record<string, unknown>): { category: string; title: string | null; url: string | null } {
  const errors: Record<string, string> = {};
  const category = typeof input.category === 'string' ? input.category.trim() : '';
  if (category === '') errors.category = 'Category is required.';
  else if (category.length > 255) errors.category = 'Category must not exceed 255 characters.';
  const title = input.title === undefined || input.title === null ? null : String(input.title);
  if (title !== null && title.length > 255) errors.title = 'Title must not exceed 255 characters.';
  let url: string | null = null;
  if (typeof input.url !== 'string' || input.url.trim() === '') errors.url = 'URL is required.';
  else {
    try {
      const parsed = new URL(input.url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') errors.url = 'URL must be a valid http or https URL.';
      else url = input.url;
    } catch {
      errors.url = 'URL must be a valid http or https URL.';
    }
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return { category, title, url };
}
