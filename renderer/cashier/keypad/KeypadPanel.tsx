import { formatRupiah } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';
import type { KeypadTarget } from '../cashier-state.ts';
import { Keypad } from './Keypad.tsx';

interface KeypadPanelProps {
  target: KeypadTarget;
  /** Cash is being taken (Cash, Split, or the rest of an open sale): the keypad may type it. */
  cashOffered: boolean;
  /** Only the cash may be typed now (an open sale waits for its rest). */
  cashOnly: boolean;
  amount: number | undefined;
  cash: number | undefined;
  disabled: boolean;
  onTarget(target: KeypadTarget): void;
  onDigits(digits: string): void;
  onBack(): void;
  onClear(): void;
  /** Puts the typed amount in the cart as a line of its own. */
  onAddTyped(): void;
}

/**
 * The keypad, for shops without a catalogue and for cash received: it says which of the two it
 * types into, and shows that amount above the keys.
 */
export function KeypadPanel(props: KeypadPanelProps) {
  const t = useT();
  const { target, cashOffered, cashOnly, amount, cash, disabled } = props;
  const typing = cashOnly ? 'cash' : target;
  const value = typing === 'cash' ? cash : amount;
  const label = t(typing === 'cash' ? 'cashier.keypad.cashLabel' : 'cashier.keypad.amountLabel');
  return (
    <section className="panel keypad-panel" aria-label={t('cashier.keypad.title')} data-testid="keypad-panel">
      {cashOffered && !cashOnly && (
        <div className="segmented keypad-target" role="group" aria-label={t('cashier.keypad.target')}>
          {(['amount', 'cash'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              data-testid={`keypad-target-${choice}`}
              aria-pressed={target === choice}
              onClick={() => props.onTarget(choice)}
            >
              {t(choice === 'cash' ? 'cashier.keypad.cashLabel' : 'cashier.keypad.amountLabel')}
            </button>
          ))}
        </div>
      )}
      <p className="keypad-readout" data-testid="keypad-readout" data-target={typing}>
        <span className="keypad-readout-label">{label}</span>
        <span className="keypad-readout-value">{formatRupiah(value ?? 0)}</span>
      </p>
      <Keypad
        disabled={disabled}
        label={label}
        onDigits={props.onDigits}
        onBack={props.onBack}
        onClear={props.onClear}
      />
      {typing === 'amount' && (
        <button
          type="button"
          className="secondary-button add-typed"
          data-testid="keypad-add-line"
          disabled={disabled || amount === undefined || amount <= 0}
          onClick={props.onAddTyped}
        >
          {t('cashier.keypad.addLine')}
        </button>
      )}
    </section>
  );
}
