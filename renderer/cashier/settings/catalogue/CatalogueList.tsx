import type { CatalogueCategoryView, CatalogueItemView } from '../../../../common/catalogue-contract.ts';
import { formatRupiah } from '../../../shared/format.ts';
import { useT } from '../../../shared/language.ts';
import type { ShownGroup } from './catalogue-view.ts';

export interface ListActions {
  /** `opener` gets focus back when the form closes. */
  onEditItem(item: CatalogueItemView, opener: HTMLElement): void;
  onToggleItem(item: CatalogueItemView): void;
  onMoveItem(item: CatalogueItemView, step: -1 | 1): void;
  onRenameCategory(category: CatalogueCategoryView, opener: HTMLElement): void;
  onMoveCategory(category: CatalogueCategoryView, step: -1 | 1): void;
}

interface CatalogueListProps extends ListActions {
  groups: readonly ShownGroup[];
  /** While searching, items cannot be moved: their neighbours on screen are not their neighbours. */
  searching: boolean;
  disabled: boolean;
  /** Every category id in its order, searched or not: where each one can still move. */
  categoryOrder: readonly number[];
}

function ItemRow(props: {
  item: CatalogueItemView;
  first: boolean;
  last: boolean;
  movable: boolean;
  disabled: boolean;
  actions: ListActions;
}) {
  const { item, first, last, movable, disabled, actions } = props;
  const t = useT();
  return (
    <tr data-testid={`catalogue-item-${item.id}`} data-active={item.active} className="catalogue-item">
      <th scope="row" className="item-name">
        {item.name}
        {!item.active && (
          <span className="item-inactive" data-testid={`item-inactive-${item.id}`}>
            {t('settings.catalogue.inactive')}
          </span>
        )}
      </th>
      <td className="item-price">{formatRupiah(item.price)}</td>
      <td className="item-code">{item.sku ?? ''}</td>
      <td className="item-code">{item.barcode ?? ''}</td>
      <td className="item-actions-cell">
        <div className="item-actions">
          {movable && (
            <>
              <button
                type="button"
                className="icon-button"
                id={`item-up-${item.id}`}
                data-testid={`item-up-${item.id}`}
                aria-label={t('settings.catalogue.moveUp', { name: item.name })}
                disabled={disabled || first}
                onClick={() => actions.onMoveItem(item, -1)}
              >
                ▲
              </button>
              <button
                type="button"
                className="icon-button"
                id={`item-down-${item.id}`}
                data-testid={`item-down-${item.id}`}
                aria-label={t('settings.catalogue.moveDown', { name: item.name })}
                disabled={disabled || last}
                onClick={() => actions.onMoveItem(item, 1)}
              >
                ▼
              </button>
            </>
          )}
          <button
            type="button"
            data-testid={`item-edit-${item.id}`}
            aria-label={t('settings.catalogue.editItem', { name: item.name })}
            disabled={disabled}
            onClick={(event) => actions.onEditItem(item, event.currentTarget)}
          >
            {t('settings.catalogue.edit')}
          </button>
          <button
            type="button"
            data-testid={`item-toggle-${item.id}`}
            aria-label={t(
              item.active ? 'settings.catalogue.deactivateItem' : 'settings.catalogue.reactivateItem',
              {
                name: item.name,
              },
            )}
            disabled={disabled}
            onClick={() => actions.onToggleItem(item)}
          >
            {item.active ? t('settings.catalogue.deactivate') : t('settings.catalogue.reactivate')}
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The catalogue by category, each category with its items in the order the cashier sees them. */
export function CatalogueList(props: CatalogueListProps) {
  const { groups, searching, disabled, categoryOrder } = props;
  const t = useT();
  if (groups.length === 0) {
    return (
      <p className="settings-note" data-testid="catalogue-empty">
        {searching ? t('settings.catalogue.noMatch') : t('settings.catalogue.empty')}
      </p>
    );
  }
  return (
    <div className="catalogue-groups" data-testid="catalogue-list">
      {groups.map((group) => {
        const { category } = group;
        const key = category === null ? 'none' : String(category.id);
        const title = category === null ? t('settings.catalogue.uncategorised') : category.name;
        return (
          <section
            key={key}
            className="catalogue-group"
            data-testid={`catalogue-group-${key}`}
            aria-labelledby={`catalogue-group-title-${key}`}
          >
            <div className="catalogue-group-header">
              <h4 id={`catalogue-group-title-${key}`}>
                {title} <span className="group-count">({group.items.length + group.hidden})</span>
              </h4>
              {category !== null && (
                <div className="item-actions">
                  <button
                    type="button"
                    className="icon-button"
                    id={`category-up-${category.id}`}
                    data-testid={`category-up-${category.id}`}
                    aria-label={t('settings.catalogue.moveUp', { name: category.name })}
                    disabled={disabled || categoryOrder[0] === category.id}
                    onClick={() => props.onMoveCategory(category, -1)}
                  >
                    ▲
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    id={`category-down-${category.id}`}
                    data-testid={`category-down-${category.id}`}
                    aria-label={t('settings.catalogue.moveDown', { name: category.name })}
                    disabled={disabled || categoryOrder.at(-1) === category.id}
                    onClick={() => props.onMoveCategory(category, 1)}
                  >
                    ▼
                  </button>
                  <button
                    type="button"
                    data-testid={`category-rename-${category.id}`}
                    aria-label={t('settings.catalogue.renameCategory', { name: category.name })}
                    disabled={disabled}
                    onClick={(event) => props.onRenameCategory(category, event.currentTarget)}
                  >
                    {t('settings.catalogue.rename')}
                  </button>
                </div>
              )}
            </div>
            {group.items.length > 0 && (
              <table className="catalogue-table">
                <thead>
                  <tr>
                    <th scope="col">{t('settings.catalogue.item.name')}</th>
                    <th scope="col" className="item-price">
                      {t('settings.catalogue.item.price')}
                    </th>
                    <th scope="col">{t('settings.catalogue.item.sku')}</th>
                    <th scope="col">{t('settings.catalogue.item.barcode')}</th>
                    <th scope="col" className="visually-hidden">
                      {t('settings.catalogue.actions')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {group.items.map((item, index) => (
                    <ItemRow
                      key={item.id}
                      item={item}
                      first={index === 0}
                      last={index === group.items.length - 1 && group.hidden === 0}
                      movable={!searching}
                      disabled={disabled}
                      actions={props}
                    />
                  ))}
                </tbody>
              </table>
            )}
            {group.hidden > 0 && (
              <p className="field-hint" data-testid={`catalogue-hidden-${key}`}>
                {t('settings.catalogue.more', { count: group.hidden })}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
