import { describe, expect, it } from 'vitest';
import { DisplaySleepBlocker } from '../../main/shell-logic/sleep-blocker.ts';

function fakePowerSaveBlocker() {
  let next = 1;
  const started = new Set<number>();
  const types: string[] = [];
  return {
    started,
    types,
    start(type: 'prevent-display-sleep') {
      types.push(type);
      const id = next++;
      started.add(id);
      return id;
    },
    stop(id: number) {
      if (!started.delete(id)) throw new Error(`stop of ${id}, which is not started`);
    },
    isStarted: (id: number) => started.has(id),
  };
}

describe('DisplaySleepBlocker', () => {
  it('holds one display-sleep blocker however often it is enabled', () => {
    const power = fakePowerSaveBlocker();
    const blocker = new DisplaySleepBlocker(power);
    expect(blocker.active).toBe(false);
    blocker.enable();
    blocker.enable();
    expect(blocker.active).toBe(true);
    expect(power.types).toEqual(['prevent-display-sleep']);
    expect(power.started.size).toBe(1);
  });

  it('releases exactly its own blocker', () => {
    const power = fakePowerSaveBlocker();
    const other = power.start('prevent-display-sleep');
    const blocker = new DisplaySleepBlocker(power);
    blocker.enable();
    blocker.disable();
    blocker.disable();
    expect(blocker.active).toBe(false);
    expect([...power.started]).toEqual([other]);
  });

  it('starts again when its blocker was stopped elsewhere', () => {
    const power = fakePowerSaveBlocker();
    const blocker = new DisplaySleepBlocker(power);
    blocker.enable();
    power.started.clear();
    expect(blocker.active).toBe(false);
    blocker.disable();
    blocker.enable();
    expect(blocker.active).toBe(true);
    expect(power.types).toHaveLength(2);
  });
});
