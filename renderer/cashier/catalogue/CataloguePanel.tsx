import { useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import type { CatalogueItemView } from '../../../common/catalogue-contract.ts';
import { useT } from '../../shared/language.ts';
import type { ScanNotice } from '../cashier-state.ts';
import { gridItems, type CatalogueView, type CategoryChoice } from './catalogue-view.ts';
import { CategoryTabs } from './CategoryTabs.tsx';
import { ItemGrid } from './ItemGrid.tsx';
import { ScanNoticeLine } from './ScanNoticeLine.tsx';

/** Items shown at once; a shop's 10,000 are reached by search, or page by page. */
const PAGE = 60;

interface CataloguePanelProps {
  view: CatalogueView | undefined;
  disabled: boolean;
  scanNotice: ScanNotice | undefined;
  searchRef: Ref<HTMLInputElement>;
  onAdd(item: CatalogueItemView): void;
  /** Enter in an empty search: the keyboard's Enter (charge, or the next sale). */
  onEnter(): void;
  /** Escape in an empty search: back to the keypad's amount. */
  onLeave(): void;
}

/**
 * The catalogue as the cashier's main surface: search-as-you-type over every active item (no
 * round trip: the index is in memory), category tabs, and the items as buttons. Enter adds the
 * first item found and empties the search for the next one.
 */
export function CataloguePanel({
  view,
  disabled,
  scanNotice,
  searchRef,
  onAdd,
  onEnter,
  onLeave,
}: CataloguePanelProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<CategoryChoice>('all');
  const [limit, setLimit] = useState(PAGE);
  const page = useMemo(
    () => (view === undefined ? { items: [], more: false } : gridItems(view, query, category, limit)),
    [view, query, category, limit],
  );
  const searching = query.trim() !== '';

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const first = page.items[0];
      if (!searching) onEnter();
      else if (first !== undefined && !disabled) {
        onAdd(first);
        setQuery('');
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (searching) setQuery('');
      else onLeave();
    }
  };

  return (
    <section className="panel catalogue" aria-label={t('cashier.items.title')}>
      <div className="search-row">
        <label className="visually-hidden" htmlFor="catalogue-search">
          {t('cashier.items.search')}
        </label>
        <input
          id="catalogue-search"
          ref={searchRef}
          className="search-input"
          data-testid="catalogue-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('cashier.items.searchPlaceholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setLimit(PAGE);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <ScanNoticeLine notice={scanNotice} />
      {view !== undefined && (
        <CategoryTabs
          categories={view.categories}
          uncategorised={view.uncategorised}
          value={category}
          searching={searching}
          onChange={(choice) => {
            setCategory(choice);
            setQuery('');
            setLimit(PAGE);
          }}
        />
      )}
      <div className="item-scroll">
        <ItemGrid items={page.items} query={query} disabled={disabled} onAdd={onAdd} />
        {page.items.length === 0 && (
          <p className="items-empty" data-testid="items-empty">
            {t(searching ? 'cashier.items.noMatch' : 'cashier.items.none')}
          </p>
        )}
        {page.more && (
          <button
            type="button"
            className="link-button show-more"
            data-testid="items-more"
            onClick={() => setLimit((n) => n + PAGE)}
          >
            {t('cashier.items.more')}
          </button>
        )}
      </div>
    </section>
  );
}
