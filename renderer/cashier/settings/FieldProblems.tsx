import { BilingualText } from '../../shared/Bilingual.tsx';
import type { Bilingual } from '../../shared/errors.ts';

/** Why a field is refused, next to it, in both languages; `id` is for the field's aria-describedby. */
export function FieldProblems({ id, problems }: { id: string; problems: readonly Bilingual[] | undefined }) {
  if (problems === undefined || problems.length === 0) return null;
  return (
    <div className="field-problems" id={id} data-testid={id} role="alert">
      {problems.map((problem) => (
        <p key={problem.id} className="field-problem">
          <BilingualText text={problem} />
        </p>
      ))}
    </div>
  );
}
