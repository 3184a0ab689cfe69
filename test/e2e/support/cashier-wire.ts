/**
 * A second cashier connection to a browser-mode kiosk, from the test process: it reads what any
 * cashier screen would be told (the catalogue, the settings) through the contract itself, so a
 * test can check that an edit on the manager's screen reached the cashier's api and its events
 * without depending on how the sale screen draws them.
 */
import { WebSocket, type RawData } from 'ws';
import type { CatalogueSnapshot } from '../../../common/catalogue-contract.ts';
import type { CashierCommand, CashierCommands, PublicSettings } from '../../../common/contract.ts';
import type { ServerFrame } from '../../../common/wire.ts';
import type { Kiosk } from './processes.ts';

export interface CashierWire {
  call<K extends CashierCommand>(name: K, payload: CashierCommands[K][0]): Promise<CashierCommands[K][1]>;
  /** Every 'catalogue' event since the connection opened, oldest first. */
  catalogueEvents: CatalogueSnapshot[];
  settingsEvents: PublicSettings[];
  /** Resolves with the first catalogue event (already received or still to come) that passes. */
  nextCatalogue(
    test: (catalogue: CatalogueSnapshot) => boolean,
    timeoutMs?: number,
  ): Promise<CatalogueSnapshot>;
  close(): void;
}

export async function openCashierWire(kiosk: Kiosk): Promise<CashierWire> {
  const page = new URL(kiosk.cashierUrl);
  const socket = new WebSocket(`ws://${page.host}/ws?token=${page.searchParams.get('token') ?? ''}`, {
    origin: kiosk.origin,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const catalogueEvents: CatalogueSnapshot[] = [];
  const settingsEvents: PublicSettings[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data: RawData) => {
    const frame = JSON.parse(String(data)) as ServerFrame;
    if (frame.t === 'result') {
      const call = pending.get(frame.id);
      pending.delete(frame.id);
      if (frame.ok) call?.resolve(frame.value);
      else call?.reject(new Error(`${frame.error.code}: ${frame.error.message.en}`));
      return;
    }
    if (frame.name === 'catalogue') catalogueEvents.push(frame.payload as CatalogueSnapshot);
    if (frame.name === 'settings') settingsEvents.push(frame.payload as PublicSettings);
    for (const wake of waiters) wake();
  });
  let nextId = 1;
  return {
    catalogueEvents,
    settingsEvents,
    call(name, payload) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ t: 'call', id, name, payload }));
      });
    },
    nextCatalogue(test, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const found = catalogueEvents.find(test);
          if (found === undefined) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(`no matching catalogue event in ${timeoutMs} ms (${catalogueEvents.length} seen)`),
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(look);
        };
        waiters.add(look);
        look();
      });
    },
    close: () => socket.close(),
  };
}
