/** Awaits a promise that must reject and returns its error, failing the test if it resolves. */
import type { MidtransError } from '../../main/midtrans/errors.ts';

export async function failure(promise: Promise<unknown>): Promise<MidtransError> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: MidtransError) => e,
  );
}
