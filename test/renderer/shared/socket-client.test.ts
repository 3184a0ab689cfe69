import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { KioskCallError, type CashierSnapshot, type DisplayState } from '../../../common/contract.ts';
import type { SaleProblem } from '../../../common/sale-input.ts';
import type { CallFrame, ServerFrame } from '../../../common/wire.ts';
import { cashierSocketSession } from '../../../renderer/shared/cashier-socket.ts';
import { displaySocketSession } from '../../../renderer/shared/display-socket.ts';
import { KioskConnectionError } from '../../../renderer/shared/errors.ts';
import { SocketClient, type ConnectionStatus } from '../../../renderer/shared/socket-client.ts';
import { order, snapshot, displayState } from '../fixtures.ts';

type Handler = (frame: CallFrame, socket: ServerSocket) => ServerFrame | undefined | 'silent';

/** A stand-in for browser mode's server on 127.0.0.1: answers calls with `handler`. */
class FakeMain {
  readonly server: WebSocketServer;
  readonly sockets = new Set<ServerSocket>();
  readonly calls: CallFrame[] = [];
  readonly tokens: (string | null)[] = [];
  handler: Handler = (frame) => ({ t: 'result', id: frame.id, ok: true, value: null });

  private constructor(server: WebSocketServer) {
    this.server = server;
    server.on('connection', (socket, request) => {
      this.tokens.push(new URL(request.url ?? '/', 'http://x').searchParams.get('token'));
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as CallFrame;
        this.calls.push(frame);
        const answer = this.handler(frame, socket);
        if (answer !== undefined && answer !== 'silent') socket.send(JSON.stringify(answer));
      });
    });
  }

  static async start(port = 0): Promise<FakeMain> {
    const server = new WebSocketServer({ host: '127.0.0.1', port, path: '/ws' });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    return new FakeMain(server);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(token = 'cashier-token'): string {
    return `ws://127.0.0.1:${this.port}/ws?token=${token}`;
  }

  emit(name: string, payload: unknown): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ t: 'event', name, payload }));
  }

  dropAll(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

async function startMain(port?: number): Promise<FakeMain> {
  const main = await FakeMain.start(port);
  cleanups.push(() => main.stop());
  return main;
}

function client(url: string): SocketClient {
  const c = new SocketClient({ url, WebSocket, backoff: { initialMs: 20, maxMs: 80 } });
  cleanups.push(() => c.close());
  return c;
}

function waitFor<T>(check: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const value = check();
      if (value !== undefined) resolve(value);
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out waiting'));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

const statusIs = (c: SocketClient, status: ConnectionStatus) => () =>
  c.status === status ? true : undefined;

const SALE = {
  lines: [{ name: 'Jumlah', unitPrice: 44_000, quantity: 1 }],
  tender: { kind: 'gateway' as const, paymentType: 'qris' as const },
};

describe('SocketClient', () => {
  it('sends the token, waits for the first connection, and pairs results with their calls by id', async () => {
    const main = await startMain();
    const pending: CallFrame[] = [];
    main.handler = (frame, socket) => {
      pending.push(frame);
      // Answer both only once both have arrived, in reverse order.
      if (pending.length === 2) {
        for (const call of [...pending].reverse()) {
          socket.send(
            JSON.stringify({ t: 'result', id: call.id, ok: true, value: `answer to ${call.name}` }),
          );
        }
      }
      return 'silent';
    };
    const c = client(main.url('secret'));
    expect(c.status).toBe('connecting');
    const [a, b] = await Promise.all([c.call('first', { n: 1 }), c.call('second', { n: 2 })]);
    expect(a).toBe('answer to first');
    expect(b).toBe('answer to second');
    expect(main.tokens).toEqual(['secret']);
    expect(main.calls.map((call) => [call.t, call.name, call.payload])).toEqual([
      ['call', 'first', { n: 1 }],
      ['call', 'second', { n: 2 }],
    ]);
    expect(new Set(main.calls.map((call) => call.id)).size).toBe(2);
  });

  it('rejects a refused call with KioskCallError carrying the code, both languages and the problems', async () => {
    const main = await startMain();
    const problem: SaleProblem = {
      code: 'amount-too-small',
      field: 'amount',
      message: { id: 'Jumlah minimal Rp 1.', en: 'The amount must be at least Rp 1.' },
    };
    main.handler = (frame) => ({
      t: 'result',
      id: frame.id,
      ok: false,
      error: {
        code: 'sale-invalid',
        message: { id: 'Penjualan ditolak.', en: 'Sale refused.' },
        problems: [problem],
      },
    });
    const c = client(main.url());
    const error = await c.call('sale.start', { paymentType: 'qris', amount: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskCallError);
    const refused = error as KioskCallError;
    expect(refused.code).toBe('sale-invalid');
    expect(refused.bilingual).toEqual({ id: 'Penjualan ditolak.', en: 'Sale refused.' });
    expect(refused.problems).toEqual([problem]);
    expect(refused.message).toBe('Sale refused.');
  });

  it('turns an unreadable error into an internal one instead of crashing', async () => {
    const main = await startMain();
    main.handler = (frame) => ({ t: 'result', id: frame.id, ok: false, error: { nonsense: true } as never });
    const c = client(main.url());
    const error = (await c.call('x', {}).catch((e: unknown) => e)) as KioskCallError;
    expect(error).toBeInstanceOf(KioskCallError);
    expect(error.code).toBe('internal');
    expect(error.bilingual.id).not.toBe('');
  });

  it('refuses a frame larger than the server accepts without sending it', async () => {
    const main = await startMain();
    const c = client(main.url());
    const error = (await c
      .call('display.showCart', { big: 'x'.repeat(70 * 1024) })
      .catch((e: unknown) => e)) as KioskCallError;
    expect(error.code).toBe('invalid-payload');
    expect(main.calls).toEqual([]);
  });

  it('delivers events to their listeners, survives a throwing listener, and unsubscribes', async () => {
    const main = await startMain();
    const c = client(main.url());
    await waitFor(statusIs(c, 'open'));
    const orders: unknown[] = [];
    const health: unknown[] = [];
    // Node has no reportError, so a listener's error is logged instead.
    const report = vi.spyOn(console, 'error').mockImplementation(() => {});
    c.on('order', () => {
      throw new Error('listener bug');
    });
    const off = c.on('order', (payload) => orders.push(payload));
    c.on('health', (payload) => health.push(payload));
    main.emit('order', { n: 1 });
    main.emit('health', { health: 'ok' });
    main.emit('unknown-event', {});
    await waitFor(() => (orders.length === 1 && health.length === 1 ? true : undefined));
    expect(report).toHaveBeenCalled();
    off();
    main.emit('order', { n: 2 });
    main.emit('health', { health: 'unreachable' });
    await waitFor(() => (health.length === 2 ? true : undefined));
    expect(orders).toEqual([{ n: 1 }]);
  });

  it('ignores frames that are not JSON or answer no call', async () => {
    const main = await startMain();
    main.handler = (frame, socket) => {
      socket.send('not json');
      socket.send(JSON.stringify({ t: 'result', id: 9_999, ok: true, value: 'stray' }));
      return { t: 'result', id: frame.id, ok: true, value: 'real' };
    };
    const c = client(main.url());
    expect(await c.call('x', {})).toBe('real');
  });

  it('fails a call cut off by a drop as possibly sent, then reconnects by itself', async () => {
    const main = await startMain();
    main.handler = () => 'silent';
    const c = client(main.url());
    const statuses: ConnectionStatus[] = [];
    c.onStatus((status) => statuses.push(status));
    let opens = 0;
    c.onOpen(() => opens++);
    await waitFor(statusIs(c, 'open'));
    const cut = c.call('sale.start', { paymentType: 'qris', amount: 1_000 }).catch((e: unknown) => e);
    await waitFor(() => (main.calls.length === 1 ? true : undefined));
    main.dropAll();
    const error = (await cut) as KioskConnectionError;
    expect(error).toBeInstanceOf(KioskConnectionError);
    expect(error).toBeInstanceOf(KioskCallError);
    expect(error.sent).toBe(true);
    await waitFor(() => (opens === 2 ? true : undefined));
    expect(statuses).toEqual(['open', 'lost', 'open']);
    main.handler = (frame) => ({ t: 'result', id: frame.id, ok: true, value: 'after' });
    expect(await c.call('x', {})).toBe('after');
    // Nothing was re-sent behind the screen's back.
    expect(main.calls.filter((call) => call.name === 'sale.start')).toHaveLength(1);
  });

  it('fails calls at once while disconnected, and keeps trying until the server is back', async () => {
    const first = await FakeMain.start();
    const port = first.port;
    const c = client(first.url());
    await waitFor(statusIs(c, 'open'));
    await first.stop();
    await waitFor(statusIs(c, 'lost'));
    const error = (await c.call('x', {}).catch((e: unknown) => e)) as KioskConnectionError;
    expect(error).toBeInstanceOf(KioskConnectionError);
    expect(error.sent).toBe(false);
    // Several attempts fail while nothing listens; then the server comes back on the same port.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(c.status).toBe('lost');
    const second = await startMain(port);
    await waitFor(statusIs(c, 'open'));
    second.handler = (frame) => ({ t: 'result', id: frame.id, ok: true, value: 'back' });
    expect(await c.call('x', {})).toBe('back');
  });

  it('stops for good on close(): no reconnect, and waiting calls fail', async () => {
    const main = await startMain();
    const c = client(main.url());
    const waiting = c.call('x', {}).catch((e: unknown) => e);
    c.close();
    expect(await waiting).toBeInstanceOf(KioskConnectionError);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(main.sockets.size).toBe(0);
    expect(await c.call('y', {}).catch((e: unknown) => e)).toBeInstanceOf(KioskConnectionError);
  });
});

describe('cashier and display sessions over the socket', () => {
  it('fetch the snapshot after connecting and again after every reconnect', async () => {
    const main = await startMain();
    let served = 0;
    main.handler = (frame) => {
      if (frame.name !== 'kiosk.snapshot') return { t: 'result', id: frame.id, ok: true, value: null };
      served++;
      return { t: 'result', id: frame.id, ok: true, value: snapshot({ serverNow: served }) };
    };
    const session = cashierSocketSession(client(main.url()));
    const seen: CashierSnapshot[] = [];
    session.connection.onSnapshot((s) => seen.push(s));
    await waitFor(() => (seen.length === 1 ? true : undefined));
    expect(seen[0]?.serverNow).toBe(1);

    main.dropAll();
    await waitFor(() => (session.connection.status() === 'lost' ? true : undefined));
    await waitFor(() => (seen.length === 2 ? true : undefined));
    expect(seen[1]?.serverNow).toBe(2);
    expect(session.connection.status()).toBe('open');

    // A listener that arrives late still gets the latest snapshot at once.
    const late: CashierSnapshot[] = [];
    session.connection.onSnapshot((s) => late.push(s));
    expect(late.map((s) => s.serverNow)).toEqual([2]);
  });

  it('maps each CashierApi method to its contract command and payload', async () => {
    const main = await startMain();
    main.handler = (frame) => ({
      t: 'result',
      id: frame.id,
      ok: true,
      value: frame.name === 'sale.start' ? order() : null,
    });
    const { api } = cashierSocketSession(client(main.url()));
    expect(await api.startSale(SALE)).toEqual(order());
    await api.cancel('A');
    await api.checkNow('A');
    await api.simulate('A', 'pay');
    await api.history({ limit: 20 });
    await api.searchHistory({ state: 'paid', limit: 10 });
    await api.historyDetail('order', 'K-1');
    await api.report();
    await api.report('2025-01-02');
    await api.setLanguage('en');
    await api.showCart({ amount: 5, items: [] });
    await api.showCart(null);
    const calls = main.calls
      .filter((call) => call.name !== 'kiosk.snapshot')
      .map((call) => [call.name, call.payload]);
    expect(calls).toEqual([
      ['sale.start', SALE],
      ['sale.cancel', { orderId: 'A' }],
      ['sale.checkNow', { orderId: 'A' }],
      ['sale.simulate', { orderId: 'A', outcome: 'pay' }],
      ['history.page', { limit: 20 }],
      ['history.search', { state: 'paid', limit: 10 }],
      ['history.detail', { kind: 'order', id: 'K-1' }],
      ['report.day', {}],
      ['report.day', { date: '2025-01-02' }],
      ['settings.setLanguage', { language: 'en' }],
      ['display.showCart', { cart: { amount: 5, items: [] } }],
      ['display.showCart', { cart: null }],
    ]);
  });

  it('delivers order, health and settings events to the cashier listeners', async () => {
    const main = await startMain();
    const { api, connection } = cashierSocketSession(client(main.url()));
    await waitFor(() => (connection.status() === 'open' ? true : undefined));
    const got: string[] = [];
    api.onOrder((e) => got.push(`order:${e.order.state}`));
    api.onHealth((e) => got.push(`health:${e.health}`));
    api.onSettings((s) => got.push(`settings:${s.language}`));
    main.emit('order', { order: order({ state: 'settlement' }), previousState: 'pending', at: 1 });
    main.emit('health', { health: 'unreachable', detail: undefined, at: 2 });
    main.emit('settings', { ...snapshot().settings, language: 'en' });
    await waitFor(() => (got.length === 3 ? true : undefined));
    expect(got).toEqual(['order:settlement', 'health:unreachable', 'settings:en']);
  });

  it('gives the display its state from the snapshot and from events', async () => {
    const main = await startMain();
    main.handler = (frame) => ({ t: 'result', id: frame.id, ok: true, value: displayState({ seq: 3 }) });
    const { api, connection } = displaySocketSession(client(main.url('display-token')));
    const states: DisplayState[] = [];
    connection.onSnapshot((s) => states.push(s));
    api.onDisplay((s) => states.push(s));
    await waitFor(() => (states.length === 1 ? true : undefined));
    main.emit('display', displayState({ seq: 4, scene: { kind: 'cart', amount: 5, items: [] } }));
    await waitFor(() => (states.length === 2 ? true : undefined));
    expect(states.map((s) => [s.seq, s.scene.kind])).toEqual([
      [3, 'idle'],
      [4, 'cart'],
    ]);
    expect(main.calls.map((call) => call.name)).toEqual(['display.snapshot']);
  });

  it('asks again for a snapshot the main process refused while connected', async () => {
    const main = await startMain();
    let asked = 0;
    main.handler = (frame) => {
      asked++;
      if (asked === 1) {
        return {
          t: 'result',
          id: frame.id,
          ok: false,
          error: { code: 'kiosk-stopping', message: { id: 'a', en: 'b' } },
        };
      }
      return { t: 'result', id: frame.id, ok: true, value: displayState({ seq: 9 }) };
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { connection } = displaySocketSession(client(main.url()), { retryMs: 30 });
    const states: DisplayState[] = [];
    connection.onSnapshot((s) => states.push(s));
    await waitFor(() => (states.length === 1 ? true : undefined));
    expect(states[0]?.seq).toBe(9);
    expect(asked).toBe(2);
  });
});
