import { describe, expect, it } from 'vitest';
import { ScanDetector } from '../../../renderer/shared/scan-detector.ts';
import type { ScanAction, ScanDetectorOptions, ScanKey } from '../../../renderer/shared/scan-detector.ts';

interface Outcome {
  scans: string[];
  /** What reached the page as typing, in order: held keys handed back and keys that passed. */
  typed: string;
  /** Keys the screen had to preventDefault. */
  held: number;
}

/** Feeds keys at the given times, calling tick() whenever a deadline passes, as a screen's timer would. */
function run(keys: ScanKey[], options: Partial<ScanDetectorOptions> = {}, endMs?: number): Outcome {
  const d = new ScanDetector(options);
  const out: Outcome = { scans: [], typed: '', held: 0 };
  const apply = (actions: ScanAction[]) => {
    for (const a of actions) {
      if (a.type === 'scan') out.scans.push(a.code);
      else out.typed += a.text;
    }
  };
  for (const k of keys) {
    const due = d.deadline();
    if (due !== undefined && due <= k.timeMs) apply(d.tick(due));
    const step = d.key(k);
    apply(step.actions);
    if (step.held) out.held++;
    else out.typed += k.key === 'Enter' ? '⏎' : k.key.length === 1 ? k.key : `[${k.key}]`;
  }
  const last = d.deadline();
  if (last !== undefined && endMs !== undefined && last <= endMs) apply(d.tick(endMs));
  return out;
}

/** `text` typed starting at `start`, one key every `gap` ms ("\n" = Enter). */
function keys(text: string, start: number, gap: number, extra: Partial<ScanKey> = {}): ScanKey[] {
  return [...text].map((c, i) => ({
    key: c === '\n' ? 'Enter' : c === '\t' ? 'Tab' : c,
    timeMs: start + i * gap,
    ...extra,
  }));
}

describe('barcode scanner detection', () => {
  it('a 13-digit burst at 8 ms a key, then Enter, is one scan; nothing reaches the page', () => {
    expect(run(keys('8991000000010\n', 1000, 8))).toEqual({ scans: ['8991000000010'], typed: '', held: 14 });
  });

  it('a person typing 44000 and Enter at 150 ms a key is ordinary typing, in order', () => {
    expect(run(keys('44000\n', 1000, 150))).toEqual({ scans: [], typed: '44000⏎', held: 5 });
  });

  it('a single held digit comes back after releaseAfterMs of quiet, not before', () => {
    const d = new ScanDetector({ releaseAfterMs: 80 });
    expect(d.key({ key: '5', timeMs: 100 })).toEqual({ held: true, actions: [] });
    expect(d.deadline()).toBe(180);
    expect(d.tick(179)).toEqual([]);
    expect(d.tick(180)).toEqual([{ type: 'type', text: '5' }]);
    expect(d.deadline()).toBeUndefined();
  });

  it('a fast burst shorter than minLength is typing, and its Enter passes', () => {
    expect(run(keys('123\n', 0, 10))).toEqual({ scans: [], typed: '123⏎', held: 3 });
  });

  it('digits with a person’s pause in them are typing', () => {
    const burst = [...keys('899100', 0, 10), ...keys('0000010\n', 400, 150)];
    expect(run(burst)).toMatchObject({ scans: [], typed: '8991000000010⏎' });
  });

  it('an Enter that comes too late after a fast burst is not a scan', () => {
    const late = [...keys('8991000000010', 0, 8), { key: 'Enter', timeMs: 96 + 60 }];
    expect(run(late)).toMatchObject({ scans: [], typed: '8991000000010⏎' });
  });

  it('typing into the search box, then a scan: both arrive, in order', () => {
    const mixed = [...keys('kop', 0, 160), ...keys('8991000000027\n', 2000, 5)];
    expect(run(mixed)).toEqual({ scans: ['8991000000027'], typed: 'kop', held: 14 });
  });

  it('a person’s digits just before a scan come back as typing first', () => {
    const mixed = [...keys('12', 0, 200), ...keys('8991000000027\n', 500, 5)];
    expect(run(mixed)).toMatchObject({ scans: ['8991000000027'], typed: '12' });
  });

  it('shortcuts and auto-repeat are never part of a scan', () => {
    expect(run([...keys('899100', 0, 5), { key: 'v', timeMs: 30, ctrlKey: true }])).toMatchObject({
      scans: [],
      typed: '899100v',
    });
    expect(run(keys('0000000\n', 0, 30, { repeat: true }))).toMatchObject({ scans: [], typed: '0000000⏎' });
  });

  it('Shift does not break a burst; Backspace does', () => {
    const withShift = [...keys('8991', 0, 5), { key: 'Shift', timeMs: 22 }, ...keys('000000010\n', 25, 5)];
    expect(run(withShift).scans).toEqual(['8991000000010']);
    const withBackspace = [...keys('8991', 0, 5), { key: 'Backspace', timeMs: 22 }, ...keys('00\n', 25, 5)];
    expect(run(withBackspace)).toMatchObject({ scans: [], typed: '8991[Backspace]00⏎' });
  });

  it('the gap, the length, the characters and the terminator are options', () => {
    const code128 = keys('ABC-12345\t', 0, 45);
    expect(run(code128).scans).toEqual([]);
    expect(run(code128, { maxGapMs: 50, accept: /^[0-9A-Z-]$/, terminators: ['Tab'] }).scans).toEqual([
      'ABC-12345',
    ]);
    expect(run(keys('1234567\n', 0, 5), { minLength: 8 }).scans).toEqual([]);
    expect(run(keys('12345678\n', 0, 5), { minLength: 8 }).scans).toEqual(['12345678']);
  });

  it('a burst longer than maxLength is handed back rather than held for ever', () => {
    const out = run(keys(`${'1'.repeat(70)}\n`, 0, 5), { maxLength: 64 });
    expect(out).toMatchObject({ scans: [], typed: `${'1'.repeat(70)}⏎` });
    // After a pause the next burst is judged afresh.
    expect(
      run([...keys('1'.repeat(70), 0, 5), ...keys('8991000000010\n', 1000, 5)], { maxLength: 64 }).scans,
    ).toEqual(['8991000000010']);
  });
});
