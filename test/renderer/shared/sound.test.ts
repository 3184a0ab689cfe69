/**
 * The chime and the failure tone: when each screen makes a sound (news only, never a state read
 * again), and what reaches Web Audio (the notes, the volume, nothing at all when muted).
 */
import { describe, expect, it } from 'vitest';
import type { DisplayScene } from '../../../common/contract.ts';
import { displayCue, orderCue, saleCue } from '../../../renderer/shared/sound/cues.ts';
import { gainFor, playTone, TONES } from '../../../renderer/shared/sound/tones.ts';
import { order, saleView } from '../fixtures.ts';

/** Just enough of an AudioContext to see what a tone schedules. */
function fakeAudio(state: AudioContextState = 'running') {
  const started: { hz: number; wave: string; at: number }[] = [];
  const peaks: number[] = [];
  let resumed = 0;
  const context = {
    state,
    currentTime: 5,
    destination: {},
    resume: () => {
      resumed += 1;
      return Promise.resolve();
    },
    createOscillator: () => {
      let hz = 0;
      const oscillator = {
        type: 'sine',
        frequency: { setValueAtTime: (value: number) => (hz = value) },
        connect: (node: unknown) => node,
        start: (at: number) => started.push({ hz, wave: oscillator.type, at }),
        stop: () => undefined,
      };
      return oscillator;
    },
    createGain: () => {
      const node = {
        gain: {
          setValueAtTime: () => undefined,
          exponentialRampToValueAtTime: (value: number) => peaks.push(value),
        },
        connect: (next: unknown) => next,
      };
      return node;
    },
  };
  return { context: context as unknown as AudioContext, started, peaks, resumed: () => resumed };
}

describe('playTone', () => {
  it('plays the paid chime rising and the failure tone falling, on different waves', () => {
    const paid = fakeAudio();
    expect(playTone('paid', { volume: 100, muted: false }, paid.context)).toBe(true);
    expect(paid.started.map((s) => s.hz)).toEqual(TONES.paid.notes.map((n) => n.hz));
    expect(paid.started[1]!.hz).toBeGreaterThan(paid.started[0]!.hz);
    const failed = fakeAudio();
    playTone('failed', { volume: 100, muted: false }, failed.context);
    expect(failed.started[1]!.hz).toBeLessThan(failed.started[0]!.hz);
    expect(failed.started[0]!.wave).not.toBe(paid.started[0]!.wave);
    expect(Math.max(...failed.started.map((s) => s.hz))).toBeLessThan(
      Math.min(...paid.started.map((s) => s.hz)),
    );
  });

  it('follows the volume, is silent when muted or at 0, and wakes a suspended context', () => {
    const loud = fakeAudio();
    const soft = fakeAudio();
    playTone('paid', { volume: 100, muted: false }, loud.context);
    playTone('paid', { volume: 30, muted: false }, soft.context);
    expect(Math.max(...soft.peaks)).toBeLessThan(Math.max(...loud.peaks));
    for (const sound of [
      { volume: 80, muted: true },
      { volume: 0, muted: false },
    ]) {
      const quiet = fakeAudio();
      expect(playTone('paid', sound, quiet.context)).toBe(false);
      expect(quiet.started).toEqual([]);
    }
    const asleep = fakeAudio('suspended');
    playTone('failed', undefined, asleep.context);
    expect(asleep.resumed()).toBe(1);
    expect(asleep.started).toHaveLength(2);
    expect(gainFor(undefined)).toBeGreaterThan(0);
  });
});

describe('when the screens make a sound', () => {
  const qr: DisplayScene = {
    kind: 'qr',
    orderId: 'A',
    amount: 1,
    items: [],
    paymentType: 'qris',
    qr: { image: 'data:', source: 'local' },
    expiresAt: 0,
  };
  it('the display: a new paid, expired or failed scene; not the first state it reads, not the same scene twice', () => {
    const paid: DisplayScene = { kind: 'paid', orderId: 'A', amount: 1, paidWith: 'qris' };
    expect(displayCue(undefined, paid)).toBeUndefined();
    expect(displayCue(qr, paid)).toBe('paid');
    expect(displayCue(paid, paid)).toBeUndefined();
    expect(displayCue(paid, { ...paid, orderId: 'B' })).toBe('paid');
    expect(displayCue(qr, { kind: 'expired', orderId: 'A', amount: 1 })).toBe('failed');
    expect(displayCue(qr, { kind: 'failed', orderId: 'A', amount: 1 })).toBe('failed');
    expect(displayCue(qr, { kind: 'cancelled', orderId: 'A', amount: 1 })).toBeUndefined();
    expect(displayCue(qr, { kind: 'idle' })).toBeUndefined();
  });

  it('the cashier: a sale paid once; a QR declined, expired or failed, but not the cashier’s own cancel', () => {
    const heard = new Set<string>();
    expect(saleCue(saleView({ state: 'open' }), heard)).toBeUndefined();
    expect(saleCue(saleView({ state: 'paid' }), heard)).toBe('paid');
    expect(saleCue(saleView({ state: 'paid' }), heard)).toBeUndefined();
    const event = (
      state: 'deny' | 'expire' | 'cancel' | 'settlement',
      previousState: 'pending' | 'deny',
    ) => ({
      order: order({ state }),
      previousState,
      at: 1,
    });
    expect(orderCue(event('deny', 'pending'))).toBe('failed');
    expect(orderCue(event('expire', 'pending'))).toBe('failed');
    expect(orderCue(event('cancel', 'pending'))).toBeUndefined();
    expect(orderCue(event('settlement', 'pending'))).toBeUndefined();
    expect(orderCue(event('deny', 'deny'))).toBeUndefined();
  });
});
