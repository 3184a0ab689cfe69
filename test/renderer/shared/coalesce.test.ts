import { describe, expect, it } from 'vitest';
import { coalesced } from '../../../renderer/shared/coalesce.ts';

describe('coalesced', () => {
  it('folds requests made while a run is in progress into one more run', async () => {
    const releases: (() => void)[] = [];
    let runs = 0;
    const refresh = coalesced(
      () =>
        new Promise<void>((resolve) => {
          runs++;
          releases.push(resolve);
        }),
    );
    refresh();
    refresh();
    refresh();
    refresh();
    expect(runs).toBe(1);
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toBe(2);
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toBe(2);
    refresh();
    expect(runs).toBe(3);
  });

  it('keeps working after a failed run', async () => {
    let runs = 0;
    const original = console.error;
    console.error = () => {};
    try {
      const refresh = coalesced(async () => {
        runs++;
        throw new Error('offline');
      });
      refresh();
      await new Promise((resolve) => setTimeout(resolve, 0));
      refresh();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(runs).toBe(2);
    } finally {
      console.error = original;
    }
  });
});
