import { AppError } from '#domain/errors';

/** The AppError `fn` throws. Anything else thrown is rethrown, and throwing nothing fails the test with `expected`. */
export function thrownAppError(fn: () => unknown, expected = 'an AppError'): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${expected}`);
}

/** The AppError `promise` rejects with. Any other rejection is rethrown, and resolving fails the test. */
export async function rejectedAppError(promise: Promise<unknown>, expected = 'an AppError'): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${expected}`);
}
