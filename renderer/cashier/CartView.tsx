import { formatRupiah } from '../shared/format.ts';
import { useT } from '../shared/language.ts';
import { cartTotal, type CartLine } from './cart.ts';

interface CartViewProps {
  lines: readonly CartLine[];
  disabled: boolean;
  onInc(id: string): void;
  onDec(id: string): void;
  onClear(): void;
}

export function CartView({ lines, disabled, onInc, onDec, onClear }: CartViewProps) {
  const t = useT();
  if (lines.length === 0) return null;
  return (
    <section className="panel cart" aria-labelledby="cart-title">
      <h2 id="cart-title">{t('cashier.cart.title')}</h2>
      <ul className="cart-lines">
        {lines.map((line) => (
          <li key={line.id} className="cart-line" data-testid={`cart-line-${line.id}`}>
            <span className="cart-name">{line.name}</span>
            <span className="cart-stepper">
              <button
                type="button"
                data-testid={`cart-dec-${line.id}`}
                aria-label={t('cashier.cart.dec', { name: line.name })}
                disabled={disabled}
                onClick={() => onDec(line.id)}
              >
                −
              </button>
              <output
                className="cart-qty"
                data-testid={`cart-qty-${line.id}`}
                aria-label={t('cashier.cart.quantity', { name: line.name })}
              >
                {line.quantity}
              </output>
              <button
                type="button"
                data-testid={`cart-inc-${line.id}`}
                aria-label={t('cashier.cart.inc', { name: line.name })}
                disabled={disabled}
                onClick={() => onInc(line.id)}
              >
                +
              </button>
            </span>
            <span className="cart-line-total">{formatRupiah(line.price * line.quantity)}</span>
          </li>
        ))}
      </ul>
      <p className="cart-footer">
        <span>{t('cashier.cart.total')}</span>
        <span className="cart-total" data-testid="cart-total">
          {formatRupiah(cartTotal(lines))}
        </span>
      </p>
      <button
        type="button"
        className="link-button"
        data-testid="cart-clear"
        disabled={disabled}
        onClick={onClear}
      >
        {t('cashier.cart.clear')}
      </button>
    </section>
  );
}
