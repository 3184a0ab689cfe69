/** The history's refusals, each with what the screens and the CLI need to say why. */
import type { HistoryKind } from '../../common/history-contract.ts';
import type { HistoryProblem } from '../../common/history-input.ts';

/** A search that was not run: every refused field, in both languages. */
export class HistoryQueryError extends Error {
  readonly problems: HistoryProblem[];
  constructor(problems: HistoryProblem[]) {
    super(`history search refused: ${problems.map((p) => `${p.field}: ${p.message.en}`).join('; ')}`);
    this.name = 'HistoryQueryError';
    this.problems = problems;
  }
}

/** No sale or bare order of this till has that id. */
export class HistoryNotFoundError extends Error {
  readonly kind: HistoryKind;
  readonly id: string;
  constructor(kind: HistoryKind, id: string) {
    super(`no ${kind} ${id} in this till's journal`);
    this.name = 'HistoryNotFoundError';
    this.kind = kind;
    this.id = id;
  }
}
