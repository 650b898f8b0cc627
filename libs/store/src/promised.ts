/**
 * A synchronous store operation answered as the port's promise, as an async method would: what
 * it throws becomes a rejection, so callers meet every failure of a store the same way.
 */
export function promised<T>(operation: () => T): Promise<T> {
  try {
    return Promise.resolve(operation());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error('the store operation failed', { cause: error }));
  }
}
