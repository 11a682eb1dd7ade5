/**
 * A refusal of the local Forge storage API, answered as Forge answers: a non-2xx status and a body
 * `{ code, message }` (https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs),
 * which @forge/kvs 1.6.5 turns into a `ForgeKvsAPIError` carrying `code`, `message` and
 * `responseDetails.status` (node_modules/@forge/kvs/out/utils/error-handling.js).
 */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }
}

/**
 * Codes the local host answers with. Where Forge's docs name the code, the name is theirs; the few the docs
 * do not name (marked "local") are this host's choice and documented in the README, so app code should
 * match them by status as well.
 */
export const KvsCode = {
  // @forge/kvs swallows this one on get/delete (storage-api.js handleKeyNotFound): a missing key reads as undefined.
  KEY_NOT_FOUND: 'KEY_NOT_FOUND',
  KEY_TOO_SHORT: 'KEY_TOO_SHORT',
  KEY_TOO_LONG: 'KEY_TOO_LONG',
  INVALID_KEY: 'INVALID_KEY',
  MAX_SIZE: 'MAX_SIZE',
  MAX_DEPTH: 'MAX_DEPTH',
  ENTITY_TYPE_TOO_SHORT: 'ENTITY_TYPE_TOO_SHORT',
  ENTITY_TYPE_TOO_LARGE: 'ENTITY_TYPE_TOO_LARGE',
  INVALID_ENTITY_TYPE: 'INVALID_ENTITY_TYPE',
  INVALID_ENTITY_VALUE: 'INVALID_ENTITY_VALUE',
  INVALID_ENTITY_INDEX: 'INVALID_ENTITY_INDEX',
  COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
  EMPTY_FILTER_OPERATOR: 'EMPTY_FILTER_OPERATOR',
  INVALID_FILTER_OPERATORS_COMBINATION: 'INVALID_FILTER_OPERATORS_COMBINATION',
  INSUFFICIENT_FILTER_VALUES: 'INSUFFICIENT_FILTER_VALUES',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
  /** local: a transaction's condition or check does not hold for the stored value (HTTP 409). */
  CONDITIONAL_CHECK_FAILED: 'CONDITIONAL_CHECK_FAILED',
  /** local: `keyPolicy: 'FAIL_IF_EXISTS'` and the key is there (HTTP 409). */
  KEY_ALREADY_EXISTS: 'KEY_ALREADY_EXISTS',
  /** local: more than 25 operations, a key used twice, or an empty transaction (HTTP 400). */
  INVALID_TRANSACTION: 'INVALID_TRANSACTION',
  /** local: a malformed request (wrong partition arity, bad cursor, unknown condition) (HTTP 400). */
  INVALID_REQUEST: 'INVALID_REQUEST',
  /** local: the app's manifest lacks the storage:app scope (HTTP 403). */
  MISSING_SCOPE: 'MISSING_SCOPE',
} as const;

export const badRequest = (code: string, message: string): KvsError => new KvsError(400, code, message);
