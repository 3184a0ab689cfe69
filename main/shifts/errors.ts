/**
 * The day's refusals: a stable code (one of the contract's error codes) and words in Bahasa
 * Indonesia and English that say what happened and what to do. Nothing is written when one is
 * thrown; the screens and the CLI show the words as they are.
 */
import type { Bilingual } from '../../common/day-contract.ts';
import type { DayProblem } from '../../common/day-input.ts';

export type DayErrorCode =
  | 'day-invalid'
  | 'no-shift'
  | 'shift-open'
  | 'shift-sale-open'
  | 'drawer-short'
  | 'cashier-refused'
  | 'z-empty'
  | 'z-day-closed'
  | 'z-unknown'
  | 'pin-wrong'
  | 'pin-locked-out';

export class DayError extends Error {
  readonly code: DayErrorCode;
  readonly words: Bilingual;
  readonly problems: DayProblem[];
  constructor(code: DayErrorCode, words: Bilingual, problems: DayProblem[] = []) {
    super(words.en);
    this.name = 'DayError';
    this.code = code;
    this.words = words;
    this.problems = problems;
  }
}

/** Bad input: every problem named, the first one's words as the headline. */
export function invalidInput(problems: DayProblem[]): DayError {
  const first = problems[0]?.message ?? {
    id: 'Isian tidak valid.',
    en: 'The input is not valid.',
  };
  return new DayError('day-invalid', first, problems);
}

export function throwIfProblems(problems: DayProblem[]): void {
  if (problems.length > 0) throw invalidInput(problems);
}
