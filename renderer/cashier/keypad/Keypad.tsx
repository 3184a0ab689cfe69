import { useT } from '../../shared/language.ts';

const DIGIT_ROWS = [
  ['7', '8', '9'],
  ['4', '5', '6'],
  ['1', '2', '3'],
] as const;

interface KeypadProps {
  disabled: boolean;
  /** What the keys type into, for a screen reader (the amount or the cash received). */
  label: string;
  onDigits(digits: string): void;
  onBack(): void;
  onClear(): void;
}

/** Large targets for a touch screen; the same actions as the keyboard. */
export function Keypad({ disabled, label, onDigits, onBack, onClear }: KeypadProps) {
  const t = useT();
  const digit = (digits: string, className = 'key') => (
    <button
      key={digits}
      type="button"
      className={className}
      data-testid={`keypad-${digits}`}
      disabled={disabled}
      onClick={() => onDigits(digits)}
    >
      {digits}
    </button>
  );
  const action = (testId: string, label: string, glyph: string, onPress: () => void) => (
    <button
      type="button"
      className="key key-action"
      data-testid={testId}
      aria-label={label}
      disabled={disabled}
      onClick={onPress}
    >
      {glyph}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={label}>
      {digit(DIGIT_ROWS[0][0])}
      {digit(DIGIT_ROWS[0][1])}
      {digit(DIGIT_ROWS[0][2])}
      {action('keypad-back', t('cashier.keypad.back'), '⌫', onBack)}
      {digit(DIGIT_ROWS[1][0])}
      {digit(DIGIT_ROWS[1][1])}
      {digit(DIGIT_ROWS[1][2])}
      {action('keypad-clear', t('cashier.keypad.clear'), 'C', onClear)}
      {digit(DIGIT_ROWS[2][0])}
      {digit(DIGIT_ROWS[2][1])}
      {digit(DIGIT_ROWS[2][2])}
      {digit('000', 'key key-tall')}
      {digit('0', 'key key-zero')}
    </div>
  );
}
