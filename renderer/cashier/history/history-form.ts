/**
 * The history's search form as typed, and the query it becomes: checked with the same rules the
 * main process applies (common/history-input.ts), so a reversed date range or an amount that is
 * not whole rupiah is explained beside its field and never sent.
 */
import type { HistoryQuery, HistoryState, HistoryTender } from '../../../common/history-contract.ts';
import {
  checkHistoryQuery,
  readAmountText,
  type HistoryField,
  type HistoryProblem,
} from '../../../common/history-input.ts';
import type { Bilingual } from '../../shared/errors.ts';

export interface HistoryForm {
  idText: string;
  amountText: string;
  from: string;
  to: string;
  state: HistoryState | '';
  tender: HistoryTender | '';
  paymentType: 'qris' | 'gopay' | '';
  issuer: string;
}

export const EMPTY_FORM: HistoryForm = {
  idText: '',
  amountText: '',
  from: '',
  to: '',
  state: '',
  tender: '',
  paymentType: '',
  issuer: '',
};

export interface FormCheck {
  query: HistoryQuery;
  problems: HistoryProblem[];
}

export function checkForm(form: HistoryForm): FormCheck {
  const query: HistoryQuery = {};
  const problems: HistoryProblem[] = [];
  const id = form.idText.trim();
  if (id !== '') query.id = id;
  if (form.amountText.trim() !== '') {
    const read = readAmountText(form.amountText);
    if ('amount' in read) query.amount = read.amount;
    else problems.push(read.problem);
  }
  if (form.from !== '') query.from = form.from;
  if (form.to !== '') query.to = form.to;
  if (form.state !== '') query.state = form.state;
  if (form.tender !== '') query.tender = form.tender;
  if (form.paymentType !== '') query.paymentType = form.paymentType;
  const issuer = form.issuer.trim().toLowerCase();
  if (issuer !== '') query.issuer = issuer;
  problems.push(...checkHistoryQuery(query));
  return { query, problems };
}

/** Each field's problems, each message once, to show beside it. */
export function problemsByField(
  problems: readonly HistoryProblem[],
): Partial<Record<HistoryField, Bilingual[]>> {
  const out: Partial<Record<HistoryField, Bilingual[]>> = {};
  for (const problem of problems) {
    const list = out[problem.field] ?? [];
    if (!list.some((m) => m.id === problem.message.id)) list.push(problem.message);
    out[problem.field] = list;
  }
  return out;
}
