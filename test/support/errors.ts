import { CompatError } from '../../src/model/errors.js';

/** The CompatError a call throws; anything else thrown, or nothing, fails the test. */
export function thrown(run: () => unknown): CompatError {
  try {
    run();
  } catch (error) {
    if (error instanceof CompatError) return error;
    throw error;
  }
  throw new Error('expected a CompatError, but nothing was thrown');
}

/** The CompatError a promise rejects with; anything else, or fulfilment, fails the test. */
export async function rejected(promise: Promise<unknown>): Promise<CompatError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CompatError) return error;
    throw error;
  }
  throw new Error('expected a CompatError, but the promise was fulfilled');
}
