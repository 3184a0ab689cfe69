/**
 * What the sale being rung up cannot be charged for yet. Problems found by the shared pricing
 * checks (common/pricing) bring their own words in both languages; the screen's own checks name
 * an i18n key instead, so their words live with the screen's other words
 * (shared/i18n/{id,en}/cashier.ts) and are looked up in both languages when shown.
 */
import type { FieldProblem } from '../../common/contract.ts';
import type { Bilingual } from '../shared/errors.ts';

export type ScreenProblem =
  | { code: string; field: string; message: Bilingual }
  | { code: string; field: string; key: string; params?: Record<string, string | number> };

export type Words = (key: string, params?: Record<string, unknown>) => Bilingual;

/** The problem in both languages, as an error box shows it. */
export function problemWords(problem: ScreenProblem, words: Words): FieldProblem {
  const message = 'message' in problem ? problem.message : words(problem.key, problem.params);
  return { code: problem.code, field: problem.field, message };
}

export function keyProblem(
  code: string,
  field: string,
  key: string,
  params?: Record<string, string | number>,
): ScreenProblem {
  return params === undefined ? { code, field, key } : { code, field, key, params };
}
