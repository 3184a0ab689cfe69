import type { QuickItem } from '../../common/contract.ts';
import { formatRupiah } from '../shared/format.ts';
import { useT } from '../shared/language.ts';

interface QuickItemsProps {
  items: readonly QuickItem[];
  disabled: boolean;
  onAdd(item: QuickItem): void;
}

export function QuickItems({ items, disabled, onAdd }: QuickItemsProps) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section className="panel quick-items" aria-labelledby="quick-items-title">
      <h2 id="quick-items-title">{t('cashier.items.title')}</h2>
      <div className="quick-item-grid">
        {items.map((item) => (
          <button
            key={item.id}
            type="button"
            className="quick-item"
            data-testid={`quick-item-${item.id}`}
            aria-label={t('cashier.items.add', { name: item.name, price: formatRupiah(item.price) })}
            disabled={disabled}
            onClick={() => onAdd(item)}
          >
            <span className="quick-item-name">{item.name}</span>
            <span className="quick-item-price">{formatRupiah(item.price)}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
