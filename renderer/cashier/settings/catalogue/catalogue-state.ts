/**
 * The catalogue editor's state, changed only here so its rules are tested without a browser:
 * one form open at a time (an item or a category); a refusal lands in that form, by field; an
 * edit clears its field's refusal; an import's outcome stays until the next import; the
 * catalogue shown is the newer of the last answer and the cashier's feed.
 */
import type { CatalogueImportSummary, CatalogueSnapshot } from '../../../../common/catalogue-contract.ts';
import type { Bilingual, Notice } from '../../../shared/errors.ts';
import type { LineProblem } from './csv-file.ts';
import {
  itemFieldOf,
  messagesByField,
  type FieldMessages,
  type ItemField,
  type ItemForm,
} from './item-form.ts';

export type CategoryField = 'name' | 'general';

export type Editing =
  | {
      kind: 'item';
      /** undefined: a new item. */
      id: number | undefined;
      form: ItemForm;
      /** Save was pressed once: the screen's own checks are shown from then on. */
      attempted: boolean;
      refused: FieldMessages<ItemField>;
    }
  | {
      kind: 'category';
      id: number | undefined;
      name: string;
      attempted: boolean;
      refused: FieldMessages<CategoryField>;
    };

export type ImportOutcome =
  | { ok: true; fileName: string; summary: CatalogueImportSummary }
  | { ok: false; fileName: string; message: Bilingual | undefined; problems: LineProblem[] };

export type DoneWhat =
  | 'itemAdded'
  | 'itemSaved'
  | 'deactivated'
  | 'reactivated'
  | 'categoryAdded'
  | 'categorySaved'
  | 'moved'
  | 'exported';

export interface Done {
  what: DoneWhat;
  name: string;
}

export interface CatalogueEditorState {
  /** The catalogue the last command answered with. */
  answered: CatalogueSnapshot | undefined;
  query: string;
  editing: Editing | undefined;
  busy: boolean;
  /** A failed command that has no form to show it in (a move, (de)activation, export). */
  notice: Notice | undefined;
  importOutcome: ImportOutcome | undefined;
  done: Done | undefined;
}

export type CatalogueAction =
  | { type: 'query'; query: string }
  | { type: 'openItem'; id: number | undefined; form: ItemForm }
  | { type: 'openCategory'; id: number | undefined; name: string }
  | { type: 'editItem'; changes: Partial<ItemForm> }
  | { type: 'editCategory'; name: string }
  | { type: 'attempted' }
  | { type: 'close' }
  | { type: 'busy' }
  | { type: 'idle' }
  | { type: 'answered'; catalogue: CatalogueSnapshot; done: Done; closeForm: boolean }
  /** A command that changes nothing here (export) has finished. */
  | { type: 'done'; done: Done }
  /** A catalogue-invalid refusal of the open form's save. */
  | { type: 'refused'; problems: readonly { field: string; message: Bilingual }[] }
  | { type: 'notice'; notice: Notice }
  | { type: 'imported'; fileName: string; summary: CatalogueImportSummary; catalogue: CatalogueSnapshot }
  | { type: 'importFailed'; fileName: string; message: Bilingual | undefined; problems: LineProblem[] };

export function initialCatalogueState(): CatalogueEditorState {
  return {
    answered: undefined,
    query: '',
    editing: undefined,
    busy: false,
    notice: undefined,
    importOutcome: undefined,
    done: undefined,
  };
}

const categoryFieldOf = (field: string): CategoryField =>
  field === 'category' || field === 'name' ? 'name' : 'general';

function withoutFields<F extends string>(refused: FieldMessages<F>, fields: readonly F[]): FieldMessages<F> {
  const out = { ...refused };
  for (const field of fields) delete out[field];
  return out;
}

export function catalogueReducer(state: CatalogueEditorState, action: CatalogueAction): CatalogueEditorState {
  switch (action.type) {
    case 'query':
      return { ...state, query: action.query };
    case 'openItem':
      return {
        ...state,
        editing: { kind: 'item', id: action.id, form: action.form, attempted: false, refused: {} },
        notice: undefined,
        done: undefined,
      };
    case 'openCategory':
      return {
        ...state,
        editing: { kind: 'category', id: action.id, name: action.name, attempted: false, refused: {} },
        notice: undefined,
        done: undefined,
      };
    case 'editItem': {
      const editing = state.editing;
      if (editing?.kind !== 'item') return state;
      const fields = (Object.keys(action.changes) as (keyof ItemForm)[]).map((key) =>
        key === 'priceText' ? 'price' : key,
      );
      return {
        ...state,
        editing: {
          ...editing,
          form: { ...editing.form, ...action.changes },
          refused: withoutFields(editing.refused, [...fields, 'general']),
        },
      };
    }
    case 'editCategory': {
      const editing = state.editing;
      if (editing?.kind !== 'category') return state;
      return { ...state, editing: { ...editing, name: action.name, refused: {} } };
    }
    case 'attempted':
      return state.editing === undefined
        ? state
        : { ...state, editing: { ...state.editing, attempted: true } };
    case 'close':
      return { ...state, editing: undefined };
    case 'busy':
      return { ...state, busy: true, notice: undefined, done: undefined };
    case 'idle':
      return { ...state, busy: false };
    case 'answered':
      return {
        ...state,
        answered: action.catalogue,
        busy: false,
        editing: action.closeForm ? undefined : state.editing,
        done: action.done,
      };
    case 'done':
      return { ...state, busy: false, done: action.done };
    case 'refused': {
      const editing = state.editing;
      if (editing === undefined) return { ...state, busy: false };
      return {
        ...state,
        busy: false,
        editing:
          editing.kind === 'item'
            ? { ...editing, refused: messagesByField(action.problems, itemFieldOf) }
            : { ...editing, refused: messagesByField(action.problems, categoryFieldOf) },
      };
    }
    case 'notice':
      return { ...state, busy: false, notice: action.notice };
    case 'imported':
      return {
        ...state,
        busy: false,
        answered: action.catalogue,
        importOutcome: { ok: true, fileName: action.fileName, summary: action.summary },
      };
    case 'importFailed':
      return {
        ...state,
        busy: false,
        importOutcome: {
          ok: false,
          fileName: action.fileName,
          message: action.message,
          problems: action.problems,
        },
      };
  }
  return state;
}
