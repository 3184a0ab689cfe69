/**
 * Reading a screen's frame. Anything that is not exactly a CallFrame is a broken or hostile
 * client, so it is reported as such rather than guessed at.
 */
import type { CallFrame } from '../../common/wire.ts';

const CALL_KEYS = new Set(['t', 'id', 'name', 'payload']);
/** Longer than any command name in the contract by far; a bound keeps junk out of the api's logs. */
const MAX_NAME_LENGTH = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseCallFrame(text: string): CallFrame | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !Object.hasOwn(value, 'payload')) return undefined;
  if (Object.keys(value).some((key) => !CALL_KEYS.has(key))) return undefined;
  const { t, id, name, payload } = value;
  if (t !== 'call' || typeof id !== 'number' || !Number.isSafeInteger(id)) return undefined;
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) return undefined;
  return { t, id, name, payload };
}
