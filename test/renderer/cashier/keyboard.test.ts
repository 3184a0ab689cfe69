import { describe, expect, it } from 'vitest';
import { keyCommand, type KeyPress } from '../../../renderer/cashier/keyboard.ts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});

describe('cashier keyboard', () => {
  it('types digits wherever focus is, except in another text field', () => {
    for (const target of ['amount', 'cash', 'button', 'other'] as const) {
      expect(keyCommand(press('7'), target)).toEqual({ kind: 'digits', digits: '7' });
    }
    expect(keyCommand(press('7'), 'text')).toBeUndefined();
  });

  it('maps Backspace, Escape and Enter', () => {
    expect(keyCommand(press('Backspace'), 'amount')).toEqual({ kind: 'back' });
    expect(keyCommand(press('Escape'), 'other')).toEqual({ kind: 'clear' });
    expect(keyCommand(press('Enter'), 'amount')).toEqual({ kind: 'enter' });
    expect(keyCommand(press('Enter'), 'other')).toEqual({ kind: 'enter' });
  });

  it('lets Enter press a focused button instead of charging', () => {
    expect(keyCommand(press('Enter'), 'button')).toBeUndefined();
  });

  it('leaves shortcuts with modifiers and other keys to the browser', () => {
    expect(keyCommand(press('5', { ctrlKey: true }), 'other')).toBeUndefined();
    expect(keyCommand(press('r', { metaKey: true }), 'other')).toBeUndefined();
    expect(keyCommand(press('Enter', { altKey: true }), 'amount')).toBeUndefined();
    expect(keyCommand(press('Tab'), 'amount')).toBeUndefined();
    expect(keyCommand(press(' '), 'other')).toBeUndefined();
    expect(keyCommand(press('-'), 'amount')).toBeUndefined();
    expect(keyCommand(press('F5'), 'other')).toBeUndefined();
  });

  it('starts a catalogue search with a letter typed outside a text field', () => {
    expect(keyCommand(press('k'), 'amount')).toEqual({ kind: 'search', text: 'k' });
    expect(keyCommand(press('É'), 'other')).toEqual({ kind: 'search', text: 'É' });
    expect(keyCommand(press('k'), 'text')).toBeUndefined();
    expect(keyCommand(press('k', { ctrlKey: true }), 'other')).toBeUndefined();
  });
});
