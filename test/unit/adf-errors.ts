import { validator } from '@atlaskit/adf-utils/validator';

// Atlaskit's validator asks an uninitialised feature-gate client once and warns; that warning is noise here.
const validateStrict = (() => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return validator(undefined, undefined, { mode: 'strict' });
  } finally {
    warn.mockRestore();
  }
})();

/** What Atlaskit's strict ADF validator finds wrong with a document: empty when Jira would accept it. */
export function adfErrors(document: unknown): string[] {
  const errors: string[] = [];
  validateStrict(document as never, (entity, error) => {
    errors.push(`${entity.type}: ${error.code} ${error.message}`);
    return undefined;
  });
  return errors;
}
