import { describe, expect, it } from 'vitest';
import {
  acceptDisplayState,
  EMPTY_MODEL,
  isInlineImage,
  visibleItems,
} from '../../../renderer/display/model.ts';
import {
  markWhenPainted,
  QR_PAINTED_MARK,
  type PaintEnvironment,
} from '../../../renderer/display/qr-paint.ts';
import { displayState } from '../fixtures.ts';

describe('acceptDisplayState', () => {
  it('shows the first state and records the clock offset', () => {
    const model = acceptDisplayState(EMPTY_MODEL, displayState({ serverNow: 10_000 }), 'event', 4_000);
    expect(model.state?.seq).toBe(1);
    expect(model.offset).toBe(6_000);
  });

  it('drops an event older than what is shown, and takes equal or newer ones', () => {
    const shown = acceptDisplayState(EMPTY_MODEL, displayState({ seq: 5 }), 'event', 0);
    expect(
      acceptDisplayState(
        shown,
        displayState({ seq: 4, scene: { kind: 'cart', amount: 1, items: [] } }),
        'event',
        0,
      ),
    ).toBe(shown);
    expect(
      acceptDisplayState(shown, displayState({ seq: 5, language: 'en' }), 'event', 0).state?.language,
    ).toBe('en');
    expect(acceptDisplayState(shown, displayState({ seq: 6, mode: 'sandbox' }), 'event', 0).state?.mode).toBe(
      'sandbox',
    );
  });

  it('takes a snapshot after a reconnect even when its seq restarted (the main process restarted)', () => {
    const shown = acceptDisplayState(EMPTY_MODEL, displayState({ seq: 500 }), 'event', 0);
    const after = acceptDisplayState(shown, displayState({ seq: 2, serverNow: 99_000 }), 'snapshot', 1_000);
    expect(after.state?.seq).toBe(2);
    expect(after.offset).toBe(98_000);
    // ...and then follows that connection's numbering.
    expect(acceptDisplayState(after, displayState({ seq: 3 }), 'event', 0).state?.seq).toBe(3);
  });
});

describe('isInlineImage', () => {
  it('accepts raster data: URLs only', () => {
    expect(isInlineImage('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isInlineImage('https://api.midtrans.com/v2/qris/x/qr-code')).toBe(false);
    expect(isInlineImage('http://127.0.0.1/qr.png')).toBe(false);
    expect(isInlineImage('javascript:alert(1)')).toBe(false);
    expect(isInlineImage('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isInlineImage('data:text/html;base64,PGgxPg==')).toBe(false);
    expect(isInlineImage('data:image/png;base64,abc"onerror=')).toBe(false);
    expect(isInlineImage('')).toBe(false);
  });
});

describe('visibleItems', () => {
  const items = Array.from({ length: 8 }, (_, i) => ({
    id: `I${i}`,
    name: `Item ${i}`,
    price: 1_000,
    quantity: 1,
  }));

  it('shows everything that fits', () => {
    expect(visibleItems(items.slice(0, 5), 5)).toEqual({ shown: items.slice(0, 5), more: 0 });
  });

  it('keeps one line for "+N more" so the list never exceeds its lines', () => {
    const { shown, more } = visibleItems(items, 5);
    expect(shown).toHaveLength(4);
    expect(more).toBe(4);
  });
});

describe('markWhenPainted', () => {
  function fakeEnvironment() {
    const frames: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    const marks: { name: string; detail: unknown }[] = [];
    const environment: PaintEnvironment = {
      requestAnimationFrame: (callback) => frames.push(callback),
      postTask: (callback) => tasks.push(callback),
      mark: (name, options) => marks.push({ name, detail: options.detail }),
    };
    const nextFrame = () => frames.shift()?.();
    const nextTask = () => tasks.shift()?.();
    return { environment, marks, nextFrame, nextTask };
  }

  it('marks after the image is decoded, its frame produced, and a task after that frame', async () => {
    const { environment, marks, nextFrame, nextTask } = fakeEnvironment();
    markWhenPainted({ decode: () => Promise.resolve() }, { orderId: 'A', serverNow: 7 }, environment);
    await Promise.resolve();
    await Promise.resolve();
    nextTask();
    expect(marks).toEqual([]);
    nextFrame();
    expect(marks).toEqual([]);
    nextTask();
    expect(marks).toEqual([{ name: QR_PAINTED_MARK, detail: { orderId: 'A', serverNow: 7 } }]);
    expect(QR_PAINTED_MARK).toBe('kiosk:qr-painted');
  });

  it('makes no mark for a cancelled scene or an image that cannot be decoded', async () => {
    const { environment, marks, nextFrame, nextTask } = fakeEnvironment();
    const cancel = markWhenPainted(
      { decode: () => Promise.resolve() },
      { orderId: 'A', serverNow: 1 },
      environment,
    );
    markWhenPainted(
      { decode: () => Promise.reject(new Error('broken')) },
      { orderId: 'B', serverNow: 1 },
      environment,
    );
    await Promise.resolve();
    await Promise.resolve();
    nextFrame();
    cancel();
    nextTask();
    nextFrame();
    nextTask();
    expect(marks).toEqual([]);
  });
});
