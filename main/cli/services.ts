/**
 * Opening and always closing the kiosk's services around one command. Closing stops the engine
 * cleanly (in-flight gateway calls finish and are journaled); unfinished orders stay in the
 * journal for the next `kiosk recover`.
 */
import type { KioskConfig } from '../host/env-config.ts';
import { openKiosk, type KioskServices, type OpenOptions } from '../host/kiosk-services.ts';

export async function withKiosk<T>(
  config: KioskConfig,
  work: (services: KioskServices) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const services = await openKiosk(config, options);
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

/**
 * The environment an order was journaled under, when it is not the one this till is configured
 * for. Asking the wrong gateway about it would get a 404 at best and a second charge at worst.
 */
export function foreignEnvironment(services: KioskServices, orderId: string): string | undefined {
  const row = services.journal.get(orderId);
  return row !== undefined && row.environment !== services.environment ? row.environment : undefined;
}
