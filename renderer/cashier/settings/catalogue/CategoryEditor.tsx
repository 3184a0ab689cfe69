import { useEffect, useRef } from 'react';
import { useT } from '../../../shared/language.ts';
import { FieldProblems } from '../FieldProblems.tsx';
import { TextField } from '../FormControls.tsx';
import type { CategoryField } from './catalogue-state.ts';
import type { FieldMessages } from './item-form.ts';

interface CategoryEditorProps {
  id: number | undefined;
  name: string;
  problems: FieldMessages<CategoryField>;
  busy: boolean;
  onEdit(name: string): void;
  onSave(): void;
  onCancel(): void;
}

/** Adds a category or renames one (its items follow the new name). */
export function CategoryEditor({ id, name, problems, busy, onEdit, onSave, onCancel }: CategoryEditorProps) {
  const t = useT();
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), [id]);
  return (
    <form
      className="panel catalogue-form"
      data-testid="category-editor"
      aria-labelledby="category-editor-title"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <h3 id="category-editor-title">
        {id === undefined
          ? t('settings.catalogue.category.addTitle')
          : t('settings.catalogue.category.renameTitle')}
      </h3>
      <FieldProblems id="problems-category-general" problems={problems.general} />
      <fieldset className="catalogue-form-fields" disabled={busy}>
        <TextField
          id="category-name"
          label={t('settings.catalogue.category.name')}
          value={name}
          problems={problems.name}
          inputRef={nameRef}
          onChange={onEdit}
        />
      </fieldset>
      <div className="key-actions">
        <button type="submit" className="primary-button" data-testid="category-save" disabled={busy}>
          {t('settings.catalogue.save')}
        </button>
        <button type="button" data-testid="category-cancel" onClick={onCancel}>
          {t('settings.catalogue.cancel')}
        </button>
      </div>
    </form>
  );
}
