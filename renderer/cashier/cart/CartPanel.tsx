import { useState } from 'react';
import type { Discount } from '../../../common/pricing/index.ts';
import { formatPercent, formatRupiah } from '../../shared/format.ts';
import { useLanguage, useT } from '../../shared/language.ts';
import type { CartAction } from './cart.ts';
import { CartLineRow } from './CartLineRow.tsx';
import { DiscountEditor } from './DiscountEditor.tsx';
import { TYPED_LINE_KEY, type SaleDraft } from './draft.ts';
import { Totals } from './Totals.tsx';

interface CartPanelProps {
  draft: SaleDraft;
  orderDiscount: Discount | undefined;
  disabled: boolean;
  cash: boolean;
  onCart(action: CartAction): void;
  onOrderDiscount(discount: Discount | undefined): void;
}

/** The cart being rung up, each line editable, then the order discount and the bill's figures. */
export function CartPanel({ draft, orderDiscount, disabled, cash, onCart, onOrderDiscount }: CartPanelProps) {
  const t = useT();
  const language = useLanguage();
  const [editingOrder, setEditingOrder] = useState(false);
  const { shown, breakdown } = draft;
  const discountText =
    orderDiscount === undefined
      ? undefined
      : orderDiscount.kind === 'percent'
        ? formatPercent(orderDiscount.value, language)
        : formatRupiah(orderDiscount.value);
  return (
    <section className="panel cart" aria-labelledby="cart-title" data-testid="cart">
      <div className="cart-head">
        <h2 id="cart-title">{t('cashier.cart.title')}</h2>
        {shown.some((line) => line.key !== TYPED_LINE_KEY) && (
          <button
            type="button"
            className="link-button"
            data-testid="cart-clear"
            disabled={disabled}
            onClick={() => onCart({ type: 'clear' })}
          >
            {t('cashier.cart.clear')}
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="cart-empty" data-testid="cart-empty">
          {t('cashier.cart.empty')}
        </p>
      ) : (
        <ul className="cart-lines">
          {shown.map((line, index) =>
            line.key === TYPED_LINE_KEY ? (
              <li key={line.key} className="cart-line cart-line-typed" data-testid="cart-line-typed">
                <div className="cart-line-main">
                  <span className="cart-name">{t('cashier.cart.typedLine')}</span>
                  <span className="cart-line-total">{formatRupiah(line.unitPrice)}</span>
                </div>
              </li>
            ) : (
              <CartLineRow
                key={line.key}
                line={line}
                net={breakdown?.lines[index]?.net}
                lineDiscount={breakdown?.lines[index]?.lineDiscount}
                index={index}
                disabled={disabled}
                onCart={onCart}
              />
            ),
          )}
        </ul>
      )}
      <div className="order-discount">
        <button
          type="button"
          className="secondary-button"
          data-testid="order-discount-button"
          aria-expanded={editingOrder}
          disabled={disabled || shown.length === 0}
          onClick={() => setEditingOrder(!editingOrder)}
        >
          {discountText === undefined
            ? t('cashier.discount.orderButton')
            : t('cashier.discount.orderGiven', { discount: discountText })}
        </button>
        {editingOrder && !disabled && (
          <DiscountEditor
            idPrefix="order"
            subject={t('cashier.discount.theOrder')}
            current={orderDiscount}
            field="orderDiscount"
            onApply={onOrderDiscount}
            onClose={() => setEditingOrder(false)}
          />
        )}
      </div>
      <Totals breakdown={breakdown} cash={cash} />
    </section>
  );
}
