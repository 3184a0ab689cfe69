import './catalogue.css';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { CatalogueManagerApi, CatalogueSnapshot } from '../../../../common/catalogue-contract.ts';
import { MAX_UNIT_PRICE } from '../../../../common/pricing/validate.ts';
import { NoticeBox } from '../../../shared/Bilingual.tsx';
import { formatRupiah } from '../../../shared/format.ts';
import { useBilingual, useT } from '../../../shared/language.ts';
import { CatalogueList } from './CatalogueList.tsx';
import {
  catalogueReducer,
  initialCatalogueState,
  type CatalogueAction,
  type DoneWhat,
} from './catalogue-state.ts';
import { filterGroups, groupCatalogue, limitRows, newerCatalogue, searchIndex } from './catalogue-view.ts';
import { categoryNameProblems } from './category-form.ts';
import { CategoryEditor } from './CategoryEditor.tsx';
import { CsvPanel } from './CsvPanel.tsx';
import { itemFormFrom, itemFormProblems, mergeMessages, type ItemWords } from './item-form.ts';
import { ItemEditor } from './ItemEditor.tsx';
import { useCatalogueCommands } from './use-catalogue-commands.ts';

/** Rows drawn at once; search finds the rest (see limitRows). */
const ROW_LIMIT = 200;

// Literal keys, so the i18n test sees every one of them.
const DONE_WORDS: Record<DoneWhat, string> = {
  itemAdded: 'settings.catalogue.done.itemAdded',
  itemSaved: 'settings.catalogue.done.itemSaved',
  deactivated: 'settings.catalogue.done.deactivated',
  reactivated: 'settings.catalogue.done.reactivated',
  categoryAdded: 'settings.catalogue.done.categoryAdded',
  categorySaved: 'settings.catalogue.done.categorySaved',
  moved: 'settings.catalogue.done.moved',
  exported: 'settings.catalogue.done.exported',
};

interface CatalogueEditorProps {
  commands: CatalogueManagerApi;
  /** The catalogue as the cashier's feed last had it (the 'catalogue' event). */
  catalogue: CatalogueSnapshot | undefined;
  online: boolean;
  /** The manager's session ended: the settings screen asks for the PIN again. */
  onLocked(error: unknown): void;
}

/** The shop's items and categories, edited behind the manager PIN; changes apply at once. */
export function CatalogueEditor({ commands, catalogue: fed, online, onLocked }: CatalogueEditorProps) {
  const [state, dispatch] = useReducer(catalogueReducer, undefined, initialCatalogueState);
  const t = useT();
  const bilingual = useBilingual();
  const catalogue = newerCatalogue(state.answered, fed);
  const { editing, busy } = state;
  // Buttons stay enabled while a command runs (the commands wait their turn), so a keyboard
  // user's focus is not dropped by a button that turns disabled under it.
  const disabled = !online;
  const returnFocus = useRef<HTMLElement | null>(null);
  const lastCategory = useRef<number | null | undefined>(undefined);

  const groups = useMemo(() => (catalogue === undefined ? [] : groupCatalogue(catalogue)), [catalogue]);
  const searching = state.query.trim() !== '';
  // Built once per catalogue while searching (10,000 items take tens of ms), not per keystroke.
  const index = useMemo(() => (searching ? searchIndex(groups) : undefined), [groups, searching]);
  const shown = useMemo(
    () => limitRows(index === undefined ? groups : filterGroups(groups, state.query, index), ROW_LIMIT),
    [groups, state.query, index],
  );
  const categories = useMemo(
    () => groups.flatMap((g) => (g.category === null ? [] : [g.category])),
    [groups],
  );

  // A moved row's button keeps the focus it had (React moves the row's element, which blurs it).
  const refocusId = useRef<string | null>(null);
  const revision = catalogue?.revision;
  useEffect(() => {
    const id = refocusId.current;
    refocusId.current = null;
    if (id !== null) document.getElementById(id)?.focus();
  }, [revision]);
  const keepFocus = () => {
    const active = document.activeElement;
    refocusId.current = active instanceof HTMLButtonElement && active.id !== '' ? active.id : null;
  };

  // A closed form gives focus back to the button that opened it.
  const formOpen = editing !== undefined;
  useEffect(() => {
    if (formOpen) return;
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected === true) target.focus();
  }, [formOpen]);

  const itemWords: ItemWords = {
    priceNotWhole: bilingual('settings.catalogue.problems.priceNotWhole'),
    priceTooSmall: bilingual('settings.catalogue.problems.priceTooSmall'),
    priceTooLarge: bilingual('settings.catalogue.problems.priceTooLarge', {
      max: formatRupiah(MAX_UNIT_PRICE),
    }),
    skuInvalid: bilingual('settings.catalogue.problems.skuInvalid'),
  };

  // A click does not move focus on this screen (keepFocusOnPointer), so the opener is named.
  const open = (action: CatalogueAction, opener: HTMLElement) => {
    if (editing === undefined) returnFocus.current = opener;
    dispatch(action);
  };

  const actions = useCatalogueCommands({
    commands,
    state,
    dispatch,
    catalogue,
    itemWords,
    lastCategory,
    onLocked,
  });

  if (catalogue === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }

  const itemProblems =
    editing?.kind === 'item'
      ? mergeMessages(editing.attempted ? itemFormProblems(editing.form, itemWords) : {}, editing.refused)
      : {};
  const categoryProblems =
    editing?.kind === 'category'
      ? mergeMessages(
          editing.attempted && categoryNameProblems(editing.name).length > 0
            ? { name: categoryNameProblems(editing.name) }
            : {},
          editing.refused,
        )
      : {};

  return (
    <div className="catalogue-editor" data-testid="catalogue-editor" data-revision={catalogue.revision}>
      <div className="catalogue-toolbar">
        <div className="field catalogue-search">
          <label htmlFor="catalogue-editor-search">{t('settings.catalogue.search')}</label>
          <input
            id="catalogue-editor-search"
            data-testid="catalogue-editor-search"
            type="search"
            autoComplete="off"
            value={state.query}
            onChange={(event) => dispatch({ type: 'query', query: event.currentTarget.value })}
          />
        </div>
        <button
          type="button"
          className="primary-button"
          data-testid="item-add"
          disabled={disabled}
          onClick={(event) => {
            const categoryId = lastCategory.current ?? categories[0]?.id ?? null;
            open(
              { type: 'openItem', id: undefined, form: itemFormFrom(undefined, categoryId) },
              event.currentTarget,
            );
          }}
        >
          {t('settings.catalogue.addItem')}
        </button>
        <button
          type="button"
          data-testid="category-add"
          disabled={disabled}
          onClick={(event) => open({ type: 'openCategory', id: undefined, name: '' }, event.currentTarget)}
        >
          {t('settings.catalogue.addCategory')}
        </button>
      </div>
      <div aria-live="polite" className="catalogue-status">
        {state.notice !== undefined && <NoticeBox notice={state.notice} testId="catalogue-error" />}
        {state.done !== undefined && (
          <p className="settings-done" data-testid="catalogue-done">
            {t(DONE_WORDS[state.done.what], { name: state.done.name })}
          </p>
        )}
        {searching && <p className="field-hint">{t('settings.catalogue.searchNoMove')}</p>}
      </div>
      {editing?.kind === 'item' && (
        <ItemEditor
          id={editing.id}
          form={editing.form}
          categories={categories}
          problems={itemProblems}
          busy={busy || !online}
          onEdit={(changes) => dispatch({ type: 'editItem', changes })}
          onSave={actions.saveItem}
          onCancel={() => dispatch({ type: 'close' })}
        />
      )}
      {editing?.kind === 'category' && (
        <CategoryEditor
          id={editing.id}
          name={editing.name}
          problems={categoryProblems}
          busy={busy || !online}
          onEdit={(name) => dispatch({ type: 'editCategory', name })}
          onSave={actions.saveCategory}
          onCancel={() => dispatch({ type: 'close' })}
        />
      )}
      <div className="catalogue-body">
        <CatalogueList
          groups={shown}
          searching={searching}
          disabled={disabled}
          categoryOrder={categories.map((c) => c.id)}
          onEditItem={(item, opener) =>
            open({ type: 'openItem', id: item.id, form: itemFormFrom(item, item.categoryId) }, opener)
          }
          onToggleItem={actions.toggleItem}
          onMoveItem={(item, step) => {
            keepFocus();
            actions.moveItem(item, step);
          }}
          onRenameCategory={(category, opener) =>
            open({ type: 'openCategory', id: category.id, name: category.name }, opener)
          }
          onMoveCategory={(category, step) => {
            keepFocus();
            actions.moveCategory(category, step);
          }}
        />
        <CsvPanel
          disabled={busy || !online}
          outcome={state.importOutcome}
          onFile={(file) => void actions.importFile(file)}
          onExport={() => void actions.exportFile()}
        />
      </div>
    </div>
  );
}
