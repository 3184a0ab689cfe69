import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_CALL_FRAME_BYTES, MAX_FILE_CALL_FRAME_BYTES } from '../../common/wire.ts';
import { TOKENS, call, connect, refusedWith, startServer, wsUrl } from './helpers.ts';

const ORIGIN_OK = (port: number) => ({ origin: `http://127.0.0.1:${port}` });

describe('the screens’ WebSocket: who may connect', () => {
  it('refuses a missing or wrong token with 401', async () => {
    const { port, api } = await startServer();
    for (const token of [undefined, '', 'wrong', `${TOKENS.cashier}x`, TOKENS.cashier.slice(1)]) {
      expect(await refusedWith(wsUrl(port, token), ORIGIN_OK(port)), String(token)).toBe(401);
    }
    expect(api.listeners('cashier') + api.listeners('display')).toBe(0);
  });

  it('refuses a foreign Origin with 403, even with a good token', async () => {
    const { port, api } = await startServer();
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${port}`,
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port + 1}`,
      'null',
    ]) {
      expect(await refusedWith(wsUrl(port, TOKENS.cashier), { origin }), origin).toBe(403);
    }
    expect(api.listeners('cashier')).toBe(0);
  });

  it('holds the Origin to the Host the socket was opened under', async () => {
    const { port } = await startServer();
    const viaLocalhost = { headers: { host: `localhost:${port}` } };
    const ok = await connect(wsUrl(port, TOKENS.cashier), {
      ...viaLocalhost,
      origin: `http://localhost:${port}`,
    });
    expect(ok.socket.readyState).toBe(WebSocket.OPEN);
    expect(
      await refusedWith(wsUrl(port, TOKENS.cashier), { ...viaLocalhost, origin: `http://127.0.0.1:${port}` }),
    ).toBe(403);
  });

  it('refuses a wrong Host with 403', async () => {
    const { port } = await startServer();
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      expect(await refusedWith(wsUrl(port, TOKENS.cashier), { headers: { host } }), host).toBe(403);
    }
  });

  it('refuses a handshake anywhere but /ws', async () => {
    const { port } = await startServer();
    expect(await refusedWith(`ws://127.0.0.1:${port}/?token=${TOKENS.cashier}`, ORIGIN_OK(port))).toBe(404);
    expect(await refusedWith(`ws://127.0.0.1:${port}/ws/?token=${TOKENS.cashier}`, ORIGIN_OK(port))).toBe(
      404,
    );
  });

  it('accepts a good token from the page’s own origin, or from a client that sends no Origin', async () => {
    const { port } = await startServer();
    const fromPage = await connect(wsUrl(port, TOKENS.cashier), ORIGIN_OK(port));
    const fromTool = await connect(wsUrl(port, TOKENS.display));
    expect(fromPage.socket.readyState).toBe(WebSocket.OPEN);
    expect(fromTool.socket.readyState).toBe(WebSocket.OPEN);
  });
});

describe('the screens’ WebSocket: calls and events', () => {
  it('passes calls on under the role the token gave, and pairs answers by id', async () => {
    const { port, api } = await startServer();
    const cashier = await connect(wsUrl(port, TOKENS.cashier), ORIGIN_OK(port));
    const display = await connect(wsUrl(port, TOKENS.display), ORIGIN_OK(port));

    const fromCashier = await call(cashier, 'sale.start', { paymentType: 'qris', amount: 44000 });
    expect(fromCashier).toMatchObject({ t: 'result', ok: true });
    expect(api.calls).toEqual([
      { role: 'cashier', name: 'sale.start', payload: { paymentType: 'qris', amount: 44000 } },
    ]);

    // The api refuses cashier commands to the display by role; what matters here is that the
    // display's socket can only ever speak as 'display'.
    api.answer = (c) =>
      c.role === 'display' && c.name !== 'display.snapshot'
        ? { ok: false, error: { code: 'unknown-command', message: { id: 'tidak', en: 'no' } } }
        : { ok: true, value: c };
    const fromDisplay = await call(display, 'sale.start', { paymentType: 'qris', amount: 44000 });
    expect(fromDisplay).toMatchObject({ t: 'result', ok: false, error: { code: 'unknown-command' } });
    expect(api.calls[1]).toEqual({
      role: 'display',
      name: 'sale.start',
      payload: { paymentType: 'qris', amount: 44000 },
    });
    const snapshot = await call(display, 'display.snapshot', {});
    expect(snapshot).toMatchObject({ ok: true, value: { role: 'display', name: 'display.snapshot' } });
    expect(api.calls.map((c) => c.role)).toEqual(['cashier', 'display', 'display']);
  });

  it('answers calls in the order they finish, each with its own id', async () => {
    const { port, api } = await startServer();
    api.answer = async (c) => {
      await sleep((c.payload as { delay: number }).delay);
      return { ok: true, value: c.payload };
    };
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    cashier.socket.send(JSON.stringify({ t: 'call', id: 7, name: 'slow', payload: { delay: 200 } }));
    cashier.socket.send(JSON.stringify({ t: 'call', id: 8, name: 'fast', payload: { delay: 0 } }));
    await cashier.next((f) => f.t === 'result' && f.id === 7);
    expect(cashier.frames).toEqual([
      { t: 'result', id: 8, ok: true, value: { delay: 0 } },
      { t: 'result', id: 7, ok: true, value: { delay: 200 } },
    ]);
  });

  it('still answers when the api throws against its promise', async () => {
    const { port, api } = await startServer();
    api.answer = () => {
      throw new Error('boom');
    };
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    const answer = await call(cashier, 'kiosk.snapshot', {});
    expect(answer).toMatchObject({ t: 'result', ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('boom');
  });

  it('still answers when the api throws synchronously', async () => {
    const { port } = await startServer({
      api: {
        call: () => {
          throw new Error('sync boom');
        },
        subscribe: () => () => undefined,
      },
    });
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    const answer = await call(cashier, 'kiosk.snapshot', {});
    expect(answer).toMatchObject({ t: 'result', ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('boom');
    expect(cashier.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('routes each role’s events to that role’s sockets only', async () => {
    const { port, api } = await startServer();
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    const display = await connect(wsUrl(port, TOKENS.display));
    const secondDisplay = await connect(wsUrl(port, TOKENS.display));
    expect(api.listeners('cashier')).toBe(1);
    expect(api.listeners('display')).toBe(2);

    api.emit('cashier', 'order', { orderId: 'TOKO-1' });
    api.emit('display', 'display', { seq: 1 });
    await cashier.next((f) => f.t === 'event');
    await display.next((f) => f.t === 'event');
    await secondDisplay.next((f) => f.t === 'event');
    // Both were sent before either arrived: had the display been sent the cashier's event, it
    // would be the first frame it got.
    await sleep(50);
    expect(cashier.frames).toEqual([{ t: 'event', name: 'order', payload: { orderId: 'TOKO-1' } }]);
    expect(display.frames).toEqual([{ t: 'event', name: 'display', payload: { seq: 1 } }]);
    expect(secondDisplay.frames).toEqual([{ t: 'event', name: 'display', payload: { seq: 1 } }]);
  });

  it('unsubscribes a socket’s events when it closes', async () => {
    const { port, api } = await startServer();
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    const display = await connect(wsUrl(port, TOKENS.display));
    expect(api.listeners('cashier')).toBe(1);
    cashier.socket.close();
    await cashier.closed;
    await expect.poll(() => api.listeners('cashier')).toBe(0);
    expect(api.listeners('display')).toBe(1);
    display.socket.terminate();
    await expect.poll(() => api.listeners('display')).toBe(0);
  });
});

describe('the screens’ WebSocket: broken and greedy clients', () => {
  const malformed: [string, string | Buffer][] = [
    ['not JSON', 'hello'],
    ['truncated JSON', '{"t":"call","id":1,'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a number', '42'],
    ['no payload', '{"t":"call","id":1,"name":"kiosk.snapshot"}'],
    ['a result frame', '{"t":"result","id":1,"ok":true,"value":null}'],
    ['an event frame', '{"t":"event","name":"order","payload":{}}'],
    ['a string id', '{"t":"call","id":"1","name":"kiosk.snapshot","payload":{}}'],
    ['a fractional id', '{"t":"call","id":1.5,"name":"kiosk.snapshot","payload":{}}'],
    ['an unsafe id', '{"t":"call","id":9007199254740993,"name":"kiosk.snapshot","payload":{}}'],
    ['no name', '{"t":"call","id":1,"payload":{}}'],
    ['an empty name', '{"t":"call","id":1,"name":"","payload":{}}'],
    ['a numeric name', '{"t":"call","id":1,"name":5,"payload":{}}'],
    ['an extra key', '{"t":"call","id":1,"name":"kiosk.snapshot","payload":{},"role":"cashier"}'],
    ['a binary frame', Buffer.from('{"t":"call","id":1,"name":"kiosk.snapshot","payload":{}}')],
  ];

  it.each(malformed)('closes with 1008 on %s and processes nothing after it', async (_label, frame) => {
    const { port, api } = await startServer();
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    cashier.socket.send(frame, { binary: Buffer.isBuffer(frame) });
    cashier.socket.send(JSON.stringify({ t: 'call', id: 2, name: 'kiosk.snapshot', payload: {} }));
    const closed = await cashier.closed;
    expect(closed.code).toBe(1008);
    expect(api.calls).toEqual([]);
    expect(cashier.frames).toEqual([]);
    await expect.poll(() => api.listeners('cashier')).toBe(0);
  });

  it('does not send the answer of a call made before the broken frame', async () => {
    const { port, api } = await startServer();
    let release: () => void = () => undefined;
    api.answer = (c) => new Promise((resolve) => (release = () => resolve({ ok: true, value: c })));
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    cashier.socket.send(JSON.stringify({ t: 'call', id: 1, name: 'kiosk.snapshot', payload: {} }));
    await expect.poll(() => api.calls.length).toBe(1);
    cashier.socket.send('garbage');
    // The server's close frame is here: it has refused the socket before the answer is ready.
    await expect.poll(() => cashier.socket.readyState, { timeout: 5000 }).not.toBe(WebSocket.OPEN);
    release();
    expect((await cashier.closed).code).toBe(1008);
    expect(cashier.frames).toEqual([]);
  });

  it('refuses an ordinary command’s frame over MAX_CALL_FRAME_BYTES, without calling the api', async () => {
    const { port, api } = await startServer();
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    const padding = 'x'.repeat(MAX_CALL_FRAME_BYTES);
    cashier.socket.send(JSON.stringify({ t: 'call', id: 1, name: 'sale.start', payload: { padding } }));
    expect((await cashier.closed).code).toBe(1008);
    expect(api.calls).toEqual([]);
  });

  it('lets a catalogue import carry a large CSV, and refuses any frame over the file limit unread', async () => {
    const { port, api } = await startServer();
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    // About 1.5 MiB: a catalogue of some 20,000 items, far above the ordinary limit.
    const csv = 'name;price\n' + 'Barang dengan nama panjang;15000\n'.repeat(50_000);
    cashier.socket.send(JSON.stringify({ t: 'call', id: 1, name: 'catalogue.import', payload: { csv } }));
    await cashier.next((f) => f.t === 'result');
    expect(api.calls).toHaveLength(1);
    const huge = 'x'.repeat(MAX_FILE_CALL_FRAME_BYTES);
    cashier.socket.send(
      JSON.stringify({ t: 'call', id: 2, name: 'catalogue.import', payload: { csv: huge } }),
    );
    expect((await cashier.closed).code).toBe(1009);
    expect(api.calls).toHaveLength(1);
  });

  it('accepts a frame just under the limit', async () => {
    const { port, api } = await startServer();
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    const frame = (padding: string) => JSON.stringify({ t: 'call', id: 1, name: 'x', payload: { padding } });
    const padding = 'x'.repeat(MAX_CALL_FRAME_BYTES - frame('').length);
    expect(Buffer.byteLength(frame(padding))).toBe(MAX_CALL_FRAME_BYTES);
    cashier.socket.send(frame(padding));
    await cashier.next((f) => f.t === 'result');
    expect(api.calls).toHaveLength(1);
  });

  it('cuts off a client that piles up calls without waiting for answers', async () => {
    const { port, api } = await startServer({ limits: { maxCallsInFlight: 4 } });
    api.answer = () => new Promise(() => undefined);
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    for (let id = 1; id <= 5; id += 1) {
      cashier.socket.send(JSON.stringify({ t: 'call', id, name: 'kiosk.snapshot', payload: {} }));
    }
    expect((await cashier.closed).code).toBe(1008);
    expect(api.calls).toHaveLength(4);
  });

  it('drops a client that stops reading instead of buffering its events without bound', async () => {
    const { port, api } = await startServer({ limits: { maxBufferedBytes: 256 * 1024 } });
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    cashier.socket.pause();
    const chunk = 'q'.repeat(64 * 1024);
    let sent = 0;
    // Far more than loopback's socket buffers hold: without the bound, all of it would queue
    // in the server's memory.
    while (api.listeners('cashier') > 0 && sent < 2000) {
      api.emit('cashier', 'display', { chunk, n: sent });
      sent += 1;
      if (sent % 50 === 0) await sleep(1);
    }
    expect(sent).toBeLessThan(2000);
    cashier.socket.resume();
    const closed = await cashier.closed;
    expect(closed.code).toBe(1006);
    expect(api.listeners('cashier')).toBe(0);
  });

  it('drops a client that stops answering pings', async () => {
    const { port, api } = await startServer({ heartbeatMs: 50 });
    const silent = await connect(wsUrl(port, TOKENS.display), { autoPong: false });
    const lively = await connect(wsUrl(port, TOKENS.cashier));
    expect((await silent.closed).code).toBe(1006);
    expect(lively.socket.readyState).toBe(WebSocket.OPEN);
    await expect.poll(() => api.listeners('display')).toBe(0);
    expect(api.listeners('cashier')).toBe(1);
  });
});

describe('closing the screen server', () => {
  it('closes every socket, unsubscribes everything and stops listening', async () => {
    const { port, api, server } = await startServer();
    const cashier = await connect(wsUrl(port, TOKENS.cashier));
    const display = await connect(wsUrl(port, TOKENS.display));
    expect(api.listeners('cashier') + api.listeners('display')).toBe(2);
    await server.close();
    expect(api.listeners('cashier') + api.listeners('display')).toBe(0);
    expect((await cashier.closed).code).toBe(1001);
    expect((await display.closed).code).toBe(1001);
    api.emit('cashier', 'order', {});
    expect(cashier.frames).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    await server.close();
  });

  it('cuts sockets that do not finish the closing handshake', async () => {
    const { port, api, server } = await startServer();
    const stuck = await connect(wsUrl(port, TOKENS.cashier));
    stuck.socket.pause();
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(api.listeners('cashier')).toBe(0);
    stuck.socket.resume();
    await stuck.closed;
  });
});
