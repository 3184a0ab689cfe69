/** A refused sale, told in both languages the till speaks, with what was typed. */
import type { SaleProblem } from '../../common/sale-input.ts';
import type { Output } from './io.ts';

export function reportSaleProblems(
  out: Output,
  problems: readonly SaleProblem[],
  typed: Record<string, string>,
): void {
  for (const problem of problems) {
    const field = problem.field.split('.')[0] ?? problem.field;
    const given = typed[problem.field] ?? typed[field];
    out.refusal(
      `sale refused (${problem.code}, ${problem.field}${given === undefined ? '' : ` "${given}"`})`,
      problem.message,
    );
  }
}
