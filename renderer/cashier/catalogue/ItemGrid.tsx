import { memo } from 'react';
import type { CatalogueItemView } from '../../../common/catalogue-contract.ts';
import { formatRupiah } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';
import { itemKey } from '../cart/cart.ts';

interface ItemGridProps {
  items: readonly CatalogueItemView[];
  /** The search the items answer, for whoever measures how fast they appear (bench/). */
  query: string;
  disabled: boolean;
  onAdd(item: CatalogueItemView): void;
}

/**
 * The items as large buttons (a touch screen's 44 px and more), name above price. Memoised: the
 * grid redraws only when its items change, not with every cart or keypad change.
 */
export const ItemGrid = memo(function ItemGrid({ items, query, disabled, onAdd }: ItemGridProps) {
  const t = useT();
  return (
    <div className="item-grid" data-testid="item-grid" data-query={query}>
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          className="item-button"
          data-testid={`quick-item-${itemKey(item)}`}
          aria-label={t('cashier.items.add', { name: item.name, price: formatRupiah(item.price) })}
          disabled={disabled}
          onClick={() => onAdd(item)}
        >
          <span className="item-name">{item.name}</span>
          <span className="item-price">{formatRupiah(item.price)}</span>
        </button>
      ))}
    </div>
  );
});
