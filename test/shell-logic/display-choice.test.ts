import { describe, expect, it } from 'vitest';
import type { CustomerDisplayChoice } from '../../common/contract.ts';
import {
  chooseCustomerDisplay,
  toDisplayInfo,
  type ScreenDisplay,
} from '../../main/shell-logic/display-choice.ts';
import { BELOW, LEFT, PRIMARY, RIGHT, monitor } from './displays.ts';

const AUTO: CustomerDisplayChoice = { kind: 'auto' };
const WINDOW: CustomerDisplayChoice = { kind: 'window' };
const pick = (id: number, label = 'x'): CustomerDisplayChoice => ({ kind: 'display', displayId: id, label });

interface Case {
  name: string;
  displays: ScreenDisplay[];
  primary?: number;
  choice: CustomerDisplayChoice;
  expected: number | 'window';
  reason: RegExp;
}

const CASES: Case[] = [
  {
    name: 'one display, auto',
    displays: [PRIMARY],
    choice: AUTO,
    expected: 'window',
    reason: /only the cashier/,
  },
  { name: 'one display, window', displays: [PRIMARY], choice: WINDOW, expected: 'window', reason: /window/ },
  {
    name: 'two displays, auto',
    displays: [PRIMARY, RIGHT],
    choice: AUTO,
    expected: 2,
    reason: /automatic.*display 2/,
  },
  {
    name: 'two displays, window',
    displays: [PRIMARY, RIGHT],
    choice: WINDOW,
    expected: 'window',
    reason: /ask for a window/,
  },
  {
    name: 'two displays listed primary last',
    displays: [RIGHT, PRIMARY],
    choice: AUTO,
    expected: 2,
    reason: /automatic/,
  },
  {
    name: 'three displays, auto takes the leftmost other',
    displays: [PRIMARY, RIGHT, LEFT],
    choice: AUTO,
    expected: 3,
    reason: /display 3/,
  },
  {
    name: 'three displays, same x: the upper one',
    displays: [BELOW, PRIMARY, RIGHT],
    choice: AUTO,
    expected: 2,
    reason: /display 2/,
  },
  {
    name: 'three displays, chosen present',
    displays: [PRIMARY, RIGHT, LEFT],
    choice: pick(2),
    expected: 2,
    reason: /chosen display 2/,
  },
  {
    name: 'three displays, another chosen',
    displays: [PRIMARY, RIGHT, BELOW],
    choice: pick(4),
    expected: 4,
    reason: /chosen display 4/,
  },
  {
    name: 'chosen missing, another present',
    displays: [PRIMARY, LEFT],
    choice: pick(2, 'Customer LCD'),
    expected: 3,
    reason: /display 2 \(Customer LCD\) is not connected/,
  },
  {
    name: 'chosen missing, only the primary',
    displays: [PRIMARY],
    choice: pick(2),
    expected: 'window',
    reason: /not connected.*only the cashier/,
  },
  {
    name: 'chosen is now the primary',
    displays: [PRIMARY, RIGHT],
    choice: pick(1),
    expected: 2,
    reason: /now the cashier/,
  },
  {
    name: 'the primary is not the first or at 0,0',
    displays: [LEFT, PRIMARY, RIGHT],
    primary: 3,
    choice: AUTO,
    expected: 1,
    reason: /display 1/,
  },
  { name: 'no displays at all', displays: [], choice: AUTO, expected: 'window', reason: /only/ },
];

describe('chooseCustomerDisplay', () => {
  it.each(CASES)('$name', ({ displays, primary, choice, expected, reason }) => {
    const primaryId = primary ?? PRIMARY.id;
    const decision = chooseCustomerDisplay(displays, primaryId, choice);
    expect(decision.reason).toMatch(reason);
    if (expected === 'window') {
      expect(decision.kind).toBe('window');
    } else {
      expect(decision.kind).toBe('fullscreen');
      if (decision.kind === 'fullscreen') {
        expect(decision.display.id).toBe(expected);
        expect(decision.display.id).not.toBe(primaryId);
      }
    }
  });

  it('never puts the customer display on the primary, whatever the choice', () => {
    const sets = [[PRIMARY], [PRIMARY, RIGHT], [RIGHT, PRIMARY, LEFT, BELOW]];
    for (const displays of sets) {
      for (const choice of [AUTO, WINDOW, pick(1), pick(2), pick(99)]) {
        const decision = chooseCustomerDisplay(displays, PRIMARY.id, choice);
        if (decision.kind === 'fullscreen') expect(decision.display.id).not.toBe(PRIMARY.id);
      }
    }
  });

  it('does not depend on the order the system lists the displays in', () => {
    const a = chooseCustomerDisplay([PRIMARY, RIGHT, LEFT, BELOW], 1, AUTO);
    const b = chooseCustomerDisplay([BELOW, LEFT, RIGHT, PRIMARY], 1, AUTO);
    expect(a).toEqual(b);
  });
});

describe('toDisplayInfo', () => {
  it('lists the monitors in desk order with readable names', () => {
    expect(toDisplayInfo([RIGHT, PRIMARY, LEFT], PRIMARY.id)).toEqual([
      { id: 3, label: 'Display 1 (1280×1024)', width: 1280, height: 1024, primary: false },
      { id: 1, label: 'Built-in', width: 1920, height: 1080, primary: true },
      { id: 2, label: 'Customer LCD', width: 1366, height: 768, primary: false },
    ]);
  });

  it('names a blank label by position and size, from bounds when size is missing', () => {
    const { size: _size, ...noSize } = monitor(7, 1920, 0, 1920, 1080, '   ');
    expect(toDisplayInfo([PRIMARY, noSize], PRIMARY.id)[1]).toEqual({
      id: 7,
      label: 'Display 2 (1920×1080)',
      width: 1920,
      height: 1080,
      primary: false,
    });
  });
});
