/**
 * One window-wide key handler, so the keyboard and a USB barcode scanner work wherever focus is.
 * Every keydown goes first through the scanner detector (scanner/scan-keys.ts): a scan adds its
 * item, even while a text field has focus, and never lands in that field; keys that were a
 * person's typing are handed back to where focus is. Then the key's own meaning (keyboard.ts).
 */
import { useEffect, useRef } from 'react';
import type { CashierAction, KeypadTarget, SaleStage } from './state.ts';
import { keyTarget } from './focus.ts';
import { keyCommand, type KeyTarget } from './keyboard.ts';
import { insertText, isTextField } from './scanner/insert-text.ts';
import { ScanKeys } from './scanner/scan-keys.ts';

export interface KeyboardInput {
  /** False before the first snapshot and while the settings screen is open. */
  active: boolean;
  /** A dialog (the manager PIN) has the keys: no scanning, no shortcuts. */
  modal: boolean;
  stage: SaleStage;
  keypadTarget: KeypadTarget;
  dispatch: (action: CashierAction) => void;
  /** Enter: charge, or start the next sale once a result shows. */
  enter(): void;
  scan(code: string): void;
  /** A letter typed outside a text field: search the catalogue for it. */
  search(text: string): void;
}

/** The amount the digits go to: the focused amount field, else the keypad's target. */
function fieldFor(target: KeyTarget, input: KeyboardInput): KeypadTarget {
  if (input.stage === 'decide') return 'cash';
  return target === 'amount' || target === 'cash' ? target : input.keypadTarget;
}

function typeDigits(text: string, input: KeyboardInput): void {
  const focused = document.activeElement;
  const target = keyTarget(focused);
  if (target === 'text' && isTextField(focused)) {
    insertText(focused, text);
    return;
  }
  const digits = text.replace(/\D/g, '');
  if (digits === '') return;
  input.dispatch({ type: 'entry', target: fieldFor(target, input), action: { type: 'digits', digits } });
}

export function useCashierKeyboard(input: KeyboardInput): void {
  const latest = useRef(input);
  latest.current = input;

  useEffect(() => {
    const scanner = new ScanKeys({
      scan: (code) => latest.current.scan(code),
      type: (text) => typeDigits(text, latest.current),
    });

    const onKey = (event: KeyboardEvent) => {
      const now = latest.current;
      if (!now.active || now.modal || event.isComposing) return;
      const { held, released } = scanner.key(event);
      if (held) {
        // Neither the focused field nor its own handlers see a key that may be part of a scan.
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      const target = keyTarget(event.target);
      const command = keyCommand(event, target);
      if (command === undefined) return;
      if (
        (target === 'amount' || target === 'cash') &&
        command.kind !== 'enter' &&
        isTextField(event.target)
      ) {
        // A field whose whole text is selected is replaced by what is typed, as in any text box.
        const field = event.target;
        const allSelected =
          field.value !== '' && field.selectionStart === 0 && field.selectionEnd === field.value.length;
        if (allSelected) now.dispatch({ type: 'entry', target, action: { type: 'clear' } });
        if (allSelected && command.kind === 'back') {
          event.preventDefault();
          return;
        }
      }
      switch (command.kind) {
        case 'digits':
        case 'back':
        case 'clear':
          now.dispatch({
            type: 'entry',
            target: fieldFor(target, now),
            action:
              command.kind === 'digits' ? { type: 'digits', digits: command.digits } : { type: command.kind },
          });
          break;
        case 'enter':
          // Typing handed back by this very key must land (render) before Enter acts on it.
          if (released) window.setTimeout(() => latest.current.enter(), 0);
          else now.enter();
          break;
        case 'search':
          now.search(command.text);
          break;
      }
      event.preventDefault();
    };

    // A tap or click ends any typing: what was held lands where it was typed before the click acts.
    const onPointer = () => scanner.flush();

    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('pointerdown', onPointer, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      window.removeEventListener('pointerdown', onPointer, { capture: true });
      scanner.dispose();
    };
  }, []);
}
