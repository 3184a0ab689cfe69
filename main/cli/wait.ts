/**
 * Waiting for orders to end, with a timeout and Ctrl+C. The engine's own waitForFinal knows one
 * order and no abort signal; the CLI needs several orders (recover) and to stop on a signal.
 */
import { isFinalState } from '../../common/order.ts';
import type { CheckoutEngine } from '../checkout/engine.ts';

export type WaitResult = 'final' | 'timeout' | 'interrupted';

export function waitUntilFinal(
  engine: CheckoutEngine,
  orderIds: readonly string[],
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<WaitResult> {
  const allFinal = () =>
    orderIds.every((id) => {
      const order = engine.get(id);
      return order === undefined || isFinalState(order.state);
    });
  if (allFinal()) return Promise.resolve('final');
  if (signal?.aborted) return Promise.resolve('interrupted');
  return new Promise((resolve) => {
    const done = (result: WaitResult) => {
      clearTimeout(timer);
      off();
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => done('interrupted');
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    const off = engine.on((event) => {
      if (event.type === 'order' && orderIds.includes(event.order.orderId) && allFinal()) done('final');
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A pause that Ctrl+C cuts short; resolves false when interrupted. */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
