/** A refused sale, told in both languages the till speaks, with what was typed. */
import type { Output } from './io.ts';

export interface WordedProblem {
  code: string;
  field: string;
  message: { id: string; en: string };
}

/** What was typed for a field, or for the nearest field it is part of (lines.2.unitPrice → lines.2). */
function typedFor(field: string, typed: Record<string, string>): string | undefined {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const given = typed[parts.slice(0, n).join('.')];
    if (given !== undefined) return given;
  }
  return undefined;
}

export function reportSaleProblems(
  out: Output,
  problems: readonly WordedProblem[],
  typed: Record<string, string>,
): void {
  for (const problem of problems) {
    const given = typedFor(problem.field, typed);
    out.refusal(
      `sale refused (${problem.code}, ${problem.field}${given === undefined ? '' : ` "${given}"`})`,
      problem.message,
    );
  }
}
