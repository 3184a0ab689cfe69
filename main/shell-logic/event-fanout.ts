/**
 * Carries the api's events to the windows: each role's events go only to the windows opened as
 * that role, so the customer display never receives an order, a health detail or the settings.
 */
import { CASHIER_EVENTS, DISPLAY_EVENTS, ROLES, type Role } from '../../common/contract.ts';
import { eventChannel } from '../../common/ipc-channels.ts';
import type { KioskApi } from '../screen-api/kiosk-api.ts';

const EVENTS_BY_ROLE: Readonly<Record<Role, readonly string[]>> = {
  cashier: CASHIER_EVENTS,
  display: DISPLAY_EVENTS,
};

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export function createEventFanout(deps: {
  api: Pick<KioskApi, 'subscribe'>;
  targets(role: Role): EventTarget[];
}): () => void {
  const offs = ROLES.map((role) =>
    deps.api.subscribe(role, (name, payload) => {
      // The api already sorts events by role; this keeps a future mistake there from leaking.
      if (!EVENTS_BY_ROLE[role].includes(name)) return;
      const channel = eventChannel(name);
      for (const target of deps.targets(role)) {
        if (target.isDestroyed()) continue;
        try {
          target.send(channel, payload);
        } catch {
          // A window closing between the check and the send: it needs no more events.
        }
      }
    }),
  );
  return () => {
    for (const off of offs.splice(0)) off();
  };
}
