import type { Bilingual } from './errors.ts';
import type { Notice } from './errors.ts';
import { otherLanguage } from './i18n/index.ts';
import { useLanguage } from './language.ts';

/** The chosen language first; the other below, smaller, for a cashier or customer who reads it. */
export function BilingualText({ text }: { text: Bilingual }) {
  const first = useLanguage();
  const second = otherLanguage(first);
  return (
    <>
      <span className="bilingual-first" lang={first}>
        {text[first]}
      </span>
      {text[second] !== text[first] && (
        <span className="bilingual-second" lang={second}>
          {text[second]}
        </span>
      )}
    </>
  );
}

/** An error box: the message, then one line per refused field, each in both languages. */
export function NoticeBox({ notice, testId }: { notice: Notice; testId: string }) {
  const lines: Bilingual[] = [];
  if (notice.message !== undefined) lines.push(notice.message);
  for (const problem of notice.problems) {
    if (!lines.some((line) => line.id === problem.message.id)) lines.push(problem.message);
  }
  return (
    <div className="notice" data-testid={testId}>
      {lines.map((line) => (
        <p className="notice-line" key={line.id}>
          <BilingualText text={line} />
        </p>
      ))}
    </div>
  );
}
