import { useEffect, useRef } from 'react';
import type { CatalogueCategoryView } from '../../../../common/catalogue-contract.ts';
import { formatRupiah } from '../../../shared/format.ts';
import { useT } from '../../../shared/language.ts';
import { FieldProblems } from '../FieldProblems.tsx';
import { CheckField, describedBy, TextField } from '../FormControls.tsx';
import { parseRupiahText } from '../number-text.ts';
import type { FieldMessages, ItemField, ItemForm } from './item-form.ts';

interface ItemEditorProps {
  /** undefined: a new item. */
  id: number | undefined;
  form: ItemForm;
  categories: readonly CatalogueCategoryView[];
  problems: FieldMessages<ItemField>;
  busy: boolean;
  onEdit(changes: Partial<ItemForm>): void;
  onSave(): void;
  onCancel(): void;
}

/** Adds or edits one item; each refusal is shown under the input it concerns, in both languages. */
export function ItemEditor({
  id,
  form,
  categories,
  problems,
  busy,
  onEdit,
  onSave,
  onCancel,
}: ItemEditorProps) {
  const t = useT();
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), [id]);
  const price = parseRupiahText(form.priceText);
  const categoryInvalid = problems.categoryId !== undefined;
  return (
    <form
      className="panel catalogue-form"
      data-testid="item-editor"
      data-item-id={id ?? 'new'}
      aria-labelledby="item-editor-title"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <h3 id="item-editor-title">
        {id === undefined ? t('settings.catalogue.item.addTitle') : t('settings.catalogue.item.editTitle')}
      </h3>
      <FieldProblems id="problems-item-general" problems={problems.general} />
      <fieldset className="catalogue-form-fields" disabled={busy}>
        <TextField
          id="item-name"
          label={t('settings.catalogue.item.name')}
          value={form.name}
          problems={problems.name}
          inputRef={nameRef}
          onChange={(name) => onEdit({ name })}
        />
        <TextField
          id="item-price"
          className="short-field"
          label={t('settings.catalogue.item.price')}
          hint={t('settings.catalogue.item.priceHint')}
          inputMode="numeric"
          value={form.priceText}
          problems={problems.price}
          after={
            Number.isSafeInteger(price) && price > 0 ? (
              <span className="field-unit" data-testid="item-price-shown">
                {formatRupiah(price)}
              </span>
            ) : undefined
          }
          onChange={(priceText) => onEdit({ priceText })}
        />
        <div className="field">
          <label htmlFor="item-category">{t('settings.catalogue.item.category')}</label>
          <select
            id="item-category"
            data-testid="item-category"
            value={form.categoryId === null ? '' : String(form.categoryId)}
            aria-invalid={categoryInvalid}
            aria-describedby={describedBy(categoryInvalid && 'problems-item-category')}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onEdit({ categoryId: value === '' ? null : Number(value) });
            }}
          >
            <option value="">{t('settings.catalogue.uncategorised')}</option>
            {categories.map((category) => (
              <option key={category.id} value={String(category.id)}>
                {category.name}
              </option>
            ))}
          </select>
          <FieldProblems id="problems-item-category" problems={problems.categoryId} />
        </div>
        <TextField
          id="item-sku"
          label={t('settings.catalogue.item.sku')}
          hint={t('settings.catalogue.item.skuHint')}
          value={form.sku}
          problems={problems.sku}
          onChange={(sku) => onEdit({ sku })}
        />
        <TextField
          id="item-barcode"
          label={t('settings.catalogue.item.barcode')}
          hint={t('settings.catalogue.item.barcodeHint')}
          inputMode="numeric"
          value={form.barcode}
          problems={problems.barcode}
          onChange={(barcode) => onEdit({ barcode })}
        />
        <CheckField
          id="item-active"
          label={t('settings.catalogue.item.active')}
          hint={t('settings.catalogue.item.activeHint')}
          checked={form.active}
          onChange={(active) => onEdit({ active })}
        />
        <FieldProblems id="problems-item-active" problems={problems.active} />
      </fieldset>
      <div className="key-actions">
        <button type="submit" className="primary-button" data-testid="item-save" disabled={busy}>
          {t('settings.catalogue.save')}
        </button>
        <button type="button" data-testid="item-cancel" onClick={onCancel}>
          {t('settings.catalogue.cancel')}
        </button>
      </div>
    </form>
  );
}
