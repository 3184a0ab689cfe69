/** The category editor's one field, checked with the shared name rule and the main process's words for it. */
import { nameProblem, normaliseName } from '../../../../common/item-name.ts';
import type { Bilingual } from '../../../shared/errors.ts';

export const CATEGORY_NAME_WORDS = { id: 'Nama kategori', en: 'The category name' } as const;

export function categoryNameProblems(name: string): Bilingual[] {
  const found = nameProblem(normaliseName(name), CATEGORY_NAME_WORDS);
  return found === undefined ? [] : [found.message];
}
