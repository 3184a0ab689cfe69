/** Expecting the till to refuse: the error's type and codes, and plain words in both languages. */
import { expect } from 'vitest';

interface Problem {
  code: string;
  field: string;
  message: { id: string; en: string };
}

/** Awaits a refusal of this class; fails the test if the call succeeded. */
export async function refusal<E extends Error>(
  call: () => Promise<unknown> | unknown,
  kind: abstract new (...args: never[]) => E,
): Promise<E> {
  let outcome: unknown;
  try {
    outcome = await call();
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(kind);
    return error as E;
  }
  return expect.fail(`expected ${kind.name}, the call answered ${JSON.stringify(outcome)}`);
}

/** Each problem names its field and says what is wrong in Bahasa Indonesia and in English. */
export function expectBilingual(problems: readonly Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.field).not.toBe('');
    expect(p.message.id.length).toBeGreaterThan(10);
    expect(p.message.en.length).toBeGreaterThan(10);
    expect(p.message.id).not.toBe(p.message.en);
  }
}
