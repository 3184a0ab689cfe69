import { memo, useEffect, useRef, useState } from 'react';
import type { Discount } from '../../../common/pricing/index.ts';
import { formatPercent, formatRupiah } from '../../shared/format.ts';
import { useLanguage, useT } from '../../shared/language.ts';
import type { CartAction, CartLine } from './cart.ts';
import { DiscountEditor } from './DiscountEditor.tsx';

interface CartLineRowProps {
  line: CartLine;
  /** What the line comes to after its own discount, and that discount, once the whole cart prices. */
  net: number | undefined;
  lineDiscount: number | undefined;
  index: number;
  disabled: boolean;
  /** Stable across renders (the rows are memoised: a scan redraws only the line it changed). */
  onCart(action: CartAction): void;
}

/**
 * One line of the cart: − and + (44 px targets), the quantity (tap to type it), a discount of its
 * own, and what the line comes to.
 */
export const CartLineRow = memo(function CartLineRow({
  line,
  net,
  lineDiscount,
  index,
  disabled,
  onCart,
}: CartLineRowProps) {
  const t = useT();
  const language = useLanguage();
  const [editing, setEditing] = useState<'quantity' | 'discount' | undefined>(undefined);
  const { key, name } = line;
  const on = {
    onInc: () => onCart({ type: 'inc', key }),
    onDec: () => onCart({ type: 'dec', key }),
    onQuantity: (quantity: number) => onCart({ type: 'setQuantity', key, quantity }),
    onDiscount: (discount: Discount | undefined) => onCart({ type: 'discount', key, discount }),
  };
  const discountLabel =
    line.discount === undefined
      ? undefined
      : line.discount.kind === 'percent'
        ? formatPercent(line.discount.value, language)
        : formatRupiah(line.discount.value);
  return (
    <li className="cart-line" data-testid={`cart-line-${key}`}>
      <div className="cart-line-main">
        <span className="cart-name">{name}</span>
        <span className="cart-line-total" data-testid={`cart-line-total-${key}`}>
          {formatRupiah(net ?? line.unitPrice * line.quantity)}
        </span>
        <span className="cart-line-info">
          {line.quantity} × {formatRupiah(line.unitPrice)}
          {discountLabel !== undefined && (
            <span className="cart-line-discount" data-testid={`cart-line-discount-${key}`}>
              {' · '}
              {t('cashier.discount.given', { discount: discountLabel })}
              {lineDiscount !== undefined && lineDiscount > 0 && <> −{formatRupiah(lineDiscount)}</>}
            </span>
          )}
        </span>
        <span className="cart-controls">
          <span className="cart-stepper">
            <button
              type="button"
              data-testid={`cart-dec-${key}`}
              aria-label={t('cashier.cart.dec', { name })}
              disabled={disabled}
              onClick={on.onDec}
            >
              −
            </button>
            {editing === 'quantity' ? (
              <QuantityInput
                lineKey={key}
                name={name}
                quantity={line.quantity}
                onDone={(quantity) => {
                  if (quantity !== undefined) on.onQuantity(quantity);
                  setEditing(undefined);
                }}
              />
            ) : (
              <button
                type="button"
                className="cart-qty"
                data-testid={`cart-qty-${key}`}
                aria-label={t('cashier.cart.quantity', { name, quantity: line.quantity })}
                disabled={disabled}
                onClick={() => setEditing('quantity')}
              >
                {line.quantity}
              </button>
            )}
            <button
              type="button"
              data-testid={`cart-inc-${key}`}
              aria-label={t('cashier.cart.inc', { name })}
              disabled={disabled}
              onClick={on.onInc}
            >
              +
            </button>
          </span>
          <button
            type="button"
            className="cart-discount-button"
            data-testid={`cart-discount-${key}`}
            aria-label={t('cashier.discount.lineButton', { name })}
            aria-expanded={editing === 'discount'}
            disabled={disabled}
            onClick={() => setEditing(editing === 'discount' ? undefined : 'discount')}
          >
            %
          </button>
        </span>
      </div>
      {editing === 'discount' && !disabled && (
        <DiscountEditor
          idPrefix={`line-${key}`}
          subject={name}
          current={line.discount}
          field={`lines.${index}.discount`}
          onApply={on.onDiscount}
          onClose={() => setEditing(undefined)}
        />
      )}
    </li>
  );
});

interface QuantityInputProps {
  lineKey: string;
  name: string;
  quantity: number;
  /** The new quantity (0 removes the line), or undefined when the edit was abandoned. */
  onDone(quantity: number | undefined): void;
}

function QuantityInput({ lineKey, name, quantity, onDone }: QuantityInputProps) {
  const t = useT();
  const ref = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(String(quantity));
  useEffect(() => ref.current?.select(), []);
  const commit = () => {
    const digits = (ref.current?.value ?? text).replace(/\D/g, '');
    onDone(digits === '' ? undefined : Number(digits));
  };
  return (
    <input
      ref={ref}
      className="cart-qty-input"
      data-testid={`cart-qty-input-${lineKey}`}
      type="text"
      inputMode="numeric"
      maxLength={3}
      autoComplete="off"
      aria-label={t('cashier.cart.quantityEdit', { name })}
      value={text}
      onChange={(event) => setText(event.currentTarget.value.replace(/\D/g, ''))}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          onDone(undefined);
        }
      }}
    />
  );
}
