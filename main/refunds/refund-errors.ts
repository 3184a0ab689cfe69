/** Why a refund was not made, for the api to turn into the contract's bilingual errors. */
import type { RefundProblem } from '../../common/refund-input.ts';
import type { RefundErrorCode } from '../../common/refund-contract.ts';
import type { Bilingual } from './refund-words.ts';

/** Also the gateway's codes, when it could not be asked (nothing was journaled then). */
export type RefundFailureCode =
  | RefundErrorCode
  | 'unknown-order'
  | 'other-environment'
  | 'gateway-unreachable'
  | 'gateway-unauthorized'
  | 'gateway-error';

export class RefundError extends Error {
  readonly code: RefundFailureCode;
  readonly words: Bilingual;
  readonly problems: RefundProblem[];
  constructor(code: RefundFailureCode, words: Bilingual, problems: RefundProblem[] = []) {
    super(words.en);
    this.name = 'RefundError';
    this.code = code;
    this.words = words;
    this.problems = problems;
  }
}
