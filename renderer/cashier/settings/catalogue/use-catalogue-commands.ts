/**
 * What the catalogue editor's buttons do: each command's call, where its answer goes (the
 * catalogue shown, the open form, the import's outcome) and where a refusal is shown. A session
 * that ended hands over to the settings screen, which asks for the PIN again.
 */
import { useMemo, useRef, type RefObject } from 'react';
import type {
  CatalogueCategoryView,
  CatalogueItemView,
  CatalogueManagerApi,
  CatalogueSnapshot,
} from '../../../../common/catalogue-contract.ts';
import { noticeFromError } from '../../../shared/errors.ts';
import { useBilingual } from '../../../shared/language.ts';
import { errorCode } from '../manager-failure.ts';
import type { CatalogueAction, CatalogueEditorState, Done } from './catalogue-state.ts';
import { categoryIds, categoryItemIds, moved } from './catalogue-view.ts';
import { categoryNameProblems } from './category-form.ts';
import { decodeCsvBytes, importProblems } from './csv-file.ts';
import { saveTextFile } from './download.ts';
import { hasProblems, itemDraftOf, itemFormProblems, type ItemWords } from './item-form.ts';

interface CommandsInput {
  commands: CatalogueManagerApi;
  state: CatalogueEditorState;
  dispatch(action: CatalogueAction): void;
  catalogue: CatalogueSnapshot | undefined;
  itemWords: ItemWords;
  /** The category the last saved item went to: a new item starts there. */
  lastCategory: RefObject<number | null | undefined>;
  onLocked(error: unknown): void;
}

export interface CatalogueCommands {
  saveItem(): void;
  saveCategory(): void;
  toggleItem(item: CatalogueItemView): void;
  moveItem(item: CatalogueItemView, step: -1 | 1): void;
  moveCategory(category: CatalogueCategoryView, step: -1 | 1): void;
  importFile(file: File): Promise<void>;
  exportFile(): Promise<void>;
}

export function useCatalogueCommands(input: CommandsInput): CatalogueCommands {
  const { commands, state, dispatch, catalogue, itemWords, lastCategory, onLocked } = input;
  const { editing, busy } = state;
  const bilingual = useBilingual();
  const unexpected = useMemo(() => bilingual('common.unexpectedError'), [bilingual]);

  const failed = (error: unknown, inForm: boolean) => {
    const code = errorCode(error);
    if (code === 'manager-locked') {
      dispatch({ type: 'idle' });
      onLocked(error);
      return;
    }
    const notice = noticeFromError(error, unexpected);
    // A refusal of a form's save goes next to its fields; one without fields is said on top.
    if (code === 'catalogue-invalid' && inForm && notice.problems.length > 0) {
      dispatch({ type: 'refused', problems: notice.problems });
    } else dispatch({ type: 'notice', notice });
  };

  // One command at a time: a second tap before the answer would reorder from a stale order.
  const inFlight = useRef(false);
  const change = async (run: () => Promise<CatalogueSnapshot>, done: Done, closeForm = false) => {
    if (inFlight.current) return;
    inFlight.current = true;
    dispatch({ type: 'busy' });
    try {
      dispatch({ type: 'answered', catalogue: await run(), done, closeForm });
    } catch (error) {
      failed(error, closeForm);
    } finally {
      inFlight.current = false;
    }
  };

  const saveItem = () => {
    if (editing?.kind !== 'item' || busy) return;
    if (hasProblems(itemFormProblems(editing.form, itemWords))) {
      dispatch({ type: 'attempted' });
      return;
    }
    const draft = itemDraftOf(editing.form);
    lastCategory.current = editing.form.categoryId;
    const what = editing.id === undefined ? 'itemAdded' : 'itemSaved';
    void change(() => commands.saveItem(draft, editing.id), { what, name: draft.name }, true);
  };

  const saveCategory = () => {
    if (editing?.kind !== 'category' || busy) return;
    if (categoryNameProblems(editing.name).length > 0) {
      dispatch({ type: 'attempted' });
      return;
    }
    const what = editing.id === undefined ? 'categoryAdded' : 'categorySaved';
    const name = editing.name.trim();
    void change(() => commands.saveCategory(name, editing.id), { what, name }, true);
  };

  const toggleItem = (item: CatalogueItemView) => {
    const done: Done = { what: item.active ? 'deactivated' : 'reactivated', name: item.name };
    void change(() => commands.setActive(item.id, !item.active), done);
  };

  const moveItem = (item: CatalogueItemView, step: -1 | 1) => {
    if (catalogue === undefined) return;
    const ids = moved(categoryItemIds(catalogue, item.categoryId), item.id, step);
    if (ids !== undefined) {
      void change(() => commands.reorderItems(item.categoryId, ids), { what: 'moved', name: item.name });
    }
  };

  const moveCategory = (category: CatalogueCategoryView, step: -1 | 1) => {
    if (catalogue === undefined) return;
    const ids = moved(categoryIds(catalogue), category.id, step);
    if (ids !== undefined) {
      void change(() => commands.reorderCategories(ids), { what: 'moved', name: category.name });
    }
  };

  const importFile = async (file: File) => {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      dispatch({
        type: 'importFailed',
        fileName: file.name,
        message: bilingual('settings.catalogue.csv.unreadable'),
        problems: [],
      });
      return;
    }
    const read = decodeCsvBytes(bytes);
    if (!read.ok) {
      const message = {
        'not-utf8': bilingual('settings.catalogue.csv.notUtf8'),
        'too-large': bilingual('settings.catalogue.csv.tooLarge'),
        empty: bilingual('settings.catalogue.csv.empty'),
      }[read.reason];
      dispatch({ type: 'importFailed', fileName: file.name, message, problems: [] });
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    dispatch({ type: 'busy' });
    try {
      const { summary, catalogue: next } = await commands.importCsv(read.text);
      dispatch({ type: 'imported', fileName: file.name, summary, catalogue: next });
    } catch (error) {
      if (errorCode(error) === 'manager-locked') {
        failed(error, false);
        return;
      }
      const notice = noticeFromError(error, unexpected);
      dispatch({
        type: 'importFailed',
        fileName: file.name,
        message: notice.message,
        problems: importProblems(notice.problems),
      });
    } finally {
      inFlight.current = false;
    }
  };

  const exportFile = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    dispatch({ type: 'busy' });
    try {
      const { csv, fileName } = await commands.exportCsv();
      saveTextFile(csv, fileName);
      dispatch({ type: 'done', done: { what: 'exported', name: fileName } });
    } catch (error) {
      failed(error, false);
    } finally {
      inFlight.current = false;
    }
  };

  return { saveItem, saveCategory, toggleItem, moveItem, moveCategory, importFile, exportFile };
}
