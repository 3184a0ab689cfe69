import { describe, expect, it } from 'vitest';
import {
  newPinEntry,
  pinEntryReducer,
  submitPin,
  type PinAction,
  type PinEntry,
} from '../../../../renderer/cashier/settings/pin-entry.ts';

const type = (entry: PinEntry, ...actions: PinAction[]) => actions.reduce(pinEntryReducer, entry);
const digits = (text: string): PinAction => ({ type: 'digits', digits: text });

describe('PIN entry', () => {
  it('takes digits from the pad and the keyboard, at most 8, and nothing else', () => {
    let entry = type(newPinEntry('unlock'), digits('12'), { type: 'set', text: '12a3 4' });
    expect(entry.digits).toBe('1234');
    entry = type(entry, digits('567890'));
    expect(entry.digits).toBe('12345678');
    entry = type(entry, { type: 'back' });
    expect(entry.digits).toBe('1234567');
    expect(type(entry, { type: 'clear' }).digits).toBe('');
  });

  it('unlocks with one typing, and empties the field as it sends', () => {
    const { entry, pin } = submitPin(type(newPinEntry('unlock'), digits('4821')));
    expect(pin).toBe('4821');
    expect(entry.digits).toBe('');
  });

  it('refuses a PIN of the wrong form without sending it (it would waste an attempt)', () => {
    const { entry, pin } = submitPin(type(newPinEntry('unlock'), digits('123')));
    expect(pin).toBeUndefined();
    expect(entry.digits).toBe('');
    expect(entry.problem?.kind).toBe('format');
    if (entry.problem?.kind === 'format') {
      expect(entry.problem.problem.message.id).toMatch(/4 sampai 8/);
      expect(entry.problem.problem.message.en).toMatch(/4 to 8/);
    }
    // The problem goes as soon as the next digit is typed.
    expect(type(entry, digits('1')).problem).toBeUndefined();
  });

  it('does nothing for an empty field', () => {
    const start = newPinEntry('unlock');
    expect(submitPin(start)).toEqual({ entry: start, pin: undefined });
  });

  it.each(['create', 'change'] as const)('asks a new PIN twice when it is to %s', (purpose) => {
    let step = submitPin(type(newPinEntry(purpose), digits('135790')));
    expect(step.pin).toBeUndefined();
    expect(step.entry.step).toBe('confirm');
    expect(step.entry.digits).toBe('');
    step = submitPin(type(step.entry, digits('135790')));
    expect(step.pin).toBe('135790');
    // Nothing of either typing is kept once the PIN is sent.
    expect(step.entry.first).toBe('');
    expect(step.entry.digits).toBe('');
  });

  it('starts again from the first typing when the two differ', () => {
    const first = submitPin(type(newPinEntry('create'), digits('2468'))).entry;
    const { entry, pin } = submitPin(type(first, digits('2469')));
    expect(pin).toBeUndefined();
    expect(entry).toEqual({
      purpose: 'create',
      step: 'first',
      digits: '',
      first: '',
      problem: { kind: 'mismatch' },
    });
  });
});
