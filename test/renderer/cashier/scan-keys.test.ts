import { describe, expect, it } from 'vitest';
import { ScanKeys, type KeyInput, type ScanKeyTimers } from '../../../renderer/cashier/scanner/scan-keys.ts';

/** A clock the test moves by hand, and the one timer ScanKeys keeps. */
function fakeTimers() {
  let now = 0;
  let timer: { at: number; run: () => void } | undefined;
  const timers: ScanKeyTimers = {
    setTimeout: (run, ms) => (timer = { at: now + ms, run }),
    clearTimeout: () => (timer = undefined),
    now: () => now,
  };
  return {
    timers,
    advance(ms: number) {
      now += ms;
      while (timer !== undefined && timer.at <= now) {
        const due = timer;
        timer = undefined;
        due.run();
      }
    },
    at: () => now,
  };
}

function setup() {
  const clock = fakeTimers();
  const seen: string[] = [];
  const keys = new ScanKeys(
    { scan: (code) => seen.push(`scan:${code}`), type: (text) => seen.push(`type:${text}`) },
    {},
    clock.timers,
  );
  const press = (key: string, extra: Partial<KeyInput> = {}) =>
    keys.key({
      key,
      timeStamp: clock.at(),
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      repeat: false,
      ...extra,
    });
  return { clock, seen, keys, press };
}

describe('ScanKeys', () => {
  it('reports a fast burst of digits ended by Enter as a scan, and holds every key of it', () => {
    const { clock, seen, press } = setup();
    const held: boolean[] = [];
    for (const digit of '8991000000010') {
      held.push(press(digit).held);
      clock.advance(4);
    }
    held.push(press('Enter').held);
    expect(held.every(Boolean)).toBe(true);
    expect(seen).toEqual(['scan:8991000000010']);
    clock.advance(1_000);
    expect(seen).toHaveLength(1);
  });

  it('hands a person’s slow digits back as typing, each after a short quiet', () => {
    const { clock, seen, press } = setup();
    press('4');
    clock.advance(200);
    press('4');
    clock.advance(200);
    expect(seen).toEqual(['type:4', 'type:4']);
  });

  it('hands back a short fast burst before the Enter that follows it, and says so', () => {
    const { clock, seen, press } = setup();
    for (const digit of '25000') {
      press(digit);
      clock.advance(3);
    }
    const enter = press('Enter');
    expect(enter).toEqual({ held: false, released: true });
    expect(seen).toEqual(['type:25000']);
  });

  it('lets other keys through, after handing back what was held', () => {
    const { clock, seen, press } = setup();
    press('1');
    clock.advance(3);
    expect(press('a')).toEqual({ held: false, released: true });
    expect(seen).toEqual(['type:1']);
    expect(press('Shift')).toEqual({ held: false, released: false });
  });

  it('flushes on demand and stops its timer when disposed', () => {
    const { clock, seen, keys, press } = setup();
    press('7');
    keys.flush();
    expect(seen).toEqual(['type:7']);
    press('8');
    keys.dispose();
    clock.advance(1_000);
    expect(seen).toEqual(['type:7']);
  });
});
