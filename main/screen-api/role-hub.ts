/** Listeners by role: an event is only ever handed to the role it is meant for. */
import type { Role } from '../../common/contract.ts';

export type EventListener = (name: string, payload: unknown) => void;

export interface RoleHub {
  subscribe(role: Role, listener: EventListener): () => void;
  publish(role: Role, name: string, payload: unknown): void;
  clear(): void;
}

export function createRoleHub(): RoleHub {
  const listeners: Record<Role, Set<EventListener>> = { cashier: new Set(), display: new Set() };
  return {
    subscribe(role, listener) {
      const set = Object.hasOwn(listeners, role) ? listeners[role] : undefined;
      if (set === undefined) return () => {};
      // Wrapped, so the same function subscribed twice is two subscriptions, each removable once.
      const entry: EventListener = (name, payload) => listener(name, payload);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    publish(role, name, payload) {
      for (const listener of [...listeners[role]]) {
        try {
          listener(name, payload);
        } catch {
          // One transport's bug must not keep the others, or the sale, from going on.
        }
      }
    },
    clear() {
      listeners.cashier.clear();
      listeners.display.clear();
    },
  };
}
