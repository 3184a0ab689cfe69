/**
 * Typing a manager PIN on the digit pad or the keyboard. A new PIN (the first one, or a change) is
 * typed twice; unlocking takes it once. The digits live here only until they are submitted: every
 * submit empties the field, whatever the answer.
 */
import { pinProblems, type SettingsProblem } from '../../../common/settings-input.ts';

export type PinPurpose = 'create' | 'unlock' | 'change';

export const PIN_MAX_DIGITS = 8;

export type PinProblem = { kind: 'format'; problem: SettingsProblem } | { kind: 'mismatch' };

export interface PinEntry {
  purpose: PinPurpose;
  /** 'confirm': a new PIN's second typing. */
  step: 'first' | 'confirm';
  digits: string;
  /** The new PIN's first typing, kept only until the second one is compared with it. */
  first: string;
  problem: PinProblem | undefined;
}

export type PinAction =
  { type: 'digits'; digits: string } | { type: 'set'; text: string } | { type: 'back' } | { type: 'clear' };

export function newPinEntry(purpose: PinPurpose): PinEntry {
  return { purpose, step: 'first', digits: '', first: '', problem: undefined };
}

function onlyDigits(text: string): string {
  return text.replace(/\D/g, '').slice(0, PIN_MAX_DIGITS);
}

export function pinEntryReducer(entry: PinEntry, action: PinAction): PinEntry {
  switch (action.type) {
    case 'digits':
      return { ...entry, digits: onlyDigits(entry.digits + action.digits), problem: undefined };
    case 'set':
      return { ...entry, digits: onlyDigits(action.text), problem: undefined };
    case 'back':
      return { ...entry, digits: entry.digits.slice(0, -1), problem: undefined };
    case 'clear':
      return { ...entry, digits: '', problem: undefined };
  }
}

export interface PinSubmit {
  entry: PinEntry;
  /** The PIN to send now; undefined while there is nothing to send yet. */
  pin: string | undefined;
}

/**
 * Enter or the pad's OK. A PIN of the wrong form is refused here, so it never costs one of the
 * limited unlock attempts.
 */
export function submitPin(entry: PinEntry): PinSubmit {
  const { digits } = entry;
  if (digits === '') return { entry, pin: undefined };
  const format = pinProblems(digits)[0];
  if (format !== undefined) {
    return { entry: { ...entry, digits: '', problem: { kind: 'format', problem: format } }, pin: undefined };
  }
  if (entry.purpose === 'unlock') return { entry: { ...entry, digits: '' }, pin: digits };
  if (entry.step === 'first') {
    return {
      entry: { ...entry, step: 'confirm', first: digits, digits: '', problem: undefined },
      pin: undefined,
    };
  }
  if (digits !== entry.first) {
    return {
      entry: { ...entry, step: 'first', first: '', digits: '', problem: { kind: 'mismatch' } },
      pin: undefined,
    };
  }
  return { entry: { ...entry, step: 'first', first: '', digits: '', problem: undefined }, pin: digits };
}
