import type { CatalogueCategoryView } from '../../../common/catalogue-contract.ts';
import { useT } from '../../shared/language.ts';
import type { CategoryChoice } from './catalogue-view.ts';

interface CategoryTabsProps {
  categories: readonly CatalogueCategoryView[];
  uncategorised: boolean;
  value: CategoryChoice;
  /** While searching, the results span every category: no tab is the chosen one. */
  searching: boolean;
  onChange(choice: CategoryChoice): void;
}

export function CategoryTabs({ categories, uncategorised, value, searching, onChange }: CategoryTabsProps) {
  const t = useT();
  const tab = (choice: CategoryChoice, label: string, testId: string) => (
    <button
      key={testId}
      type="button"
      role="tab"
      className="category-tab"
      data-testid={testId}
      aria-selected={!searching && value === choice}
      onClick={() => onChange(choice)}
    >
      {label}
    </button>
  );
  return (
    <div className="category-tabs" role="tablist" aria-label={t('cashier.items.categories')}>
      {tab('all', t('cashier.items.all'), 'category-all')}
      {categories.map((category) => tab(category.id, category.name, `category-${category.id}`))}
      {uncategorised && tab(null, t('cashier.items.uncategorised'), 'category-none')}
    </div>
  );
}
