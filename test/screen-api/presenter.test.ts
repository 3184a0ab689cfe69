/**
 * The display presenter on its own, fed real order views from a real sale: the QR file is read
 * once per order, and nothing is re-sent unless something on screen changes.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DisplayState } from '../../common/contract.ts';
import type { OrderView } from '../../common/order.ts';
import {
  createDisplayPresenter,
  type DisplayPresenterDeps,
} from '../../main/screen-api/display-presenter.ts';
import { ManualClock } from '../../main/clock.ts';
import { closeRigs, openRig, sceneKinds, until, type Rig } from './rig.ts';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeRigs();
});

/** A real qris sale's order events, created → charging → pending. */
async function realSale(rig: Rig): Promise<OrderView[]> {
  const views: OrderView[] = [];
  const off = rig.services.engine.on((e) => {
    if (e.type === 'order') views.push(e.order);
  });
  await rig.services.engine.startSale({ paymentType: 'qris', amount: 10_000 });
  off();
  expect(views.map((v) => v.state)).toEqual(['created', 'charging', 'pending']);
  return views;
}

function presenterOn(rig: Rig, extra: Partial<DisplayPresenterDeps> = {}) {
  const emitted: DisplayState[] = [];
  const reads: string[] = [];
  const clock = new ManualClock();
  const presenter = createDisplayPresenter({
    settings: rig.settings,
    clock,
    timings: { paidMs: 60, resultMs: 60 },
    emit: (state) => emitted.push(state),
    readQr: (path) => {
      reads.push(path);
      return readFile(path);
    },
    ...extra,
  });
  return { presenter, emitted, reads, clock };
}

describe('display presenter', () => {
  it('reads the QR file once per order, and unchanged poll events send nothing', async () => {
    const rig = await openRig();
    const [created, charging, pending] = await realSale(rig);
    const { presenter, emitted, reads, clock } = presenterOn(rig);
    presenter.follow(created!);
    presenter.orderChanged(charging!);
    presenter.orderChanged(pending!);
    await until(() => emitted.some((s) => s.scene.kind === 'qr'), 'the qr scene');
    expect(sceneKinds(emitted)).toEqual(['preparing', 'qr']);

    // What a poll can change without anything on screen changing.
    clock.advance(1_000);
    presenter.orderChanged({ ...pending!, updatedAt: pending!.updatedAt + 1_000, detail: 'still pending' });
    presenter.orderChanged({ ...pending!, gatewayStatus: 'pending', issuer: 'gopay' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emitted).toHaveLength(2);

    // An earlier gateway expiry changes the countdown: sent again, still without reading the file.
    const earlier = pending!.deadlineAt - 60_000;
    presenter.orderChanged({ ...pending!, gatewayExpiryAt: earlier });
    expect(emitted).toHaveLength(3);
    expect(emitted[2]!.scene).toMatchObject({ kind: 'qr', expiresAt: earlier });
    expect(emitted[2]!.serverNow).toBe(clock.now());
    expect(reads).toEqual([pending!.qr!.path]);
    presenter.close();
  });

  it('ignores other orders, and stamps serverNow and seq on every state', async () => {
    const rig = await openRig();
    const [created] = await realSale(rig);
    const { presenter, emitted, clock } = presenterOn(rig);
    const start = presenter.current();
    presenter.orderChanged(created!);
    expect(emitted).toEqual([]);
    clock.advance(5_000);
    presenter.follow(created!);
    expect(emitted[0]).toMatchObject({ serverNow: clock.now(), seq: start.seq + 1 });
    clock.advance(5_000);
    expect(presenter.current()).toMatchObject({ serverNow: clock.now(), seq: start.seq + 1 });
    presenter.close();
  });

  it.each([
    ['cannot be read', () => Promise.reject(new Error('EACCES: permission denied'))],
    ['is not a PNG', () => Promise.resolve(Buffer.from('<html>not an image</html>'))],
  ])('stays on preparing, and logs, when the QR file %s', async (_what, readQr) => {
    const rig = await openRig();
    const [created, charging, pending] = await realSale(rig);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { presenter, emitted } = presenterOn(rig, { readQr });
    presenter.follow(created!);
    presenter.orderChanged(charging!);
    presenter.orderChanged(pending!);
    await until(() => logged.mock.calls.length > 0, 'the log line');
    expect(String(logged.mock.calls[0]?.[0])).toContain(created!.orderId);
    expect(sceneKinds(emitted)).toEqual(['preparing']);
    expect(presenter.current().scene.kind).toBe('preparing');
    presenter.close();
  });

  it('resumes an open order at start-up', async () => {
    const rig = await openRig();
    const pending = (await realSale(rig))[2]!;
    const { presenter, emitted } = presenterOn(rig, { resume: pending });
    expect(presenter.current().scene).toMatchObject({ kind: 'preparing', orderId: pending.orderId });
    await until(() => emitted.some((s) => s.scene.kind === 'qr'), 'the qr scene');
    expect(presenter.current().scene).toMatchObject({ kind: 'qr', orderId: pending.orderId });
    presenter.close();
  });

  it('sends nothing for settings that did not change what is shown; a language change is sent', async () => {
    const rig = await openRig();
    const { presenter, emitted } = presenterOn(rig);
    presenter.settingsChanged();
    expect(emitted).toEqual([]);
    rig.settings.setLanguage('en');
    presenter.settingsChanged();
    expect(emitted.map((s) => [s.scene.kind, s.language])).toEqual([['idle', 'en']]);
    presenter.close();
  });

  it('after close, a pending return to idle never fires', async () => {
    const rig = await openRig();
    const pending = (await realSale(rig))[2]!;
    const { presenter, emitted } = presenterOn(rig);
    presenter.follow(pending);
    presenter.orderChanged({ ...pending, state: 'settlement', paidWith: 'qris' });
    expect(sceneKinds(emitted).at(-1)).toBe('paid');
    presenter.close();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sceneKinds(emitted).at(-1)).toBe('paid');
  });
});
