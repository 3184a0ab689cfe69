/**
 * One window-wide key handler, so the keyboard works wherever focus is (except other text
 * fields): digits and editing keys type the amount, Enter charges or starts the next sale.
 */
import { useEffect, useRef } from 'react';
import { keyTarget } from './focus.ts';
import { keyCommand } from './keyboard.ts';
import type { CashierAction, SaleStage } from './state.ts';

export function useCashierKeyboard(input: {
  /** False before the first snapshot and while the settings screen is open. */
  active: boolean;
  stage: SaleStage;
  dispatch: (action: CashierAction) => void;
  charge(): void;
  newSale(): void;
}): void {
  const onKeyRef = useRef<(event: KeyboardEvent) => void>(() => {});
  onKeyRef.current = (event: KeyboardEvent) => {
    const { active, stage, dispatch } = input;
    if (!active) return;
    const target = keyTarget(event.target);
    const command = keyCommand(event, target);
    if (command === undefined) return;
    if (target === 'amount' && command.kind !== 'enter' && event.target instanceof HTMLInputElement) {
      const field = event.target;
      const allSelected =
        field.value !== '' && field.selectionStart === 0 && field.selectionEnd === field.value.length;
      if (allSelected && stage === 'none') dispatch({ type: 'entry', action: { type: 'clear' } });
      if (allSelected && command.kind === 'back') {
        event.preventDefault();
        return;
      }
    }
    switch (command.kind) {
      case 'digits':
        dispatch({ type: 'entry', action: { type: 'digits', digits: command.digits } });
        break;
      case 'back':
        dispatch({ type: 'entry', action: { type: 'back' } });
        break;
      case 'clear':
        dispatch({ type: 'entry', action: { type: 'clear' } });
        break;
      case 'enter':
        if (stage === 'ended') input.newSale();
        else input.charge();
        break;
    }
    event.preventDefault();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyRef.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
