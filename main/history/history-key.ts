/**
 * The order the history is read in, newest first: by business day, then time, then id (ties on a
 * millisecond are common on a busy till), then kind (a sale and a bare order can never share an
 * id in practice, but the order must be total for keyset paging to be exact). A page ends at a
 * key; the next one starts strictly below it. Never an OFFSET: every page costs the same.
 */
import type { HistoryKind } from '../../common/history-contract.ts';
import { isBusinessDate } from '../../common/shop-time.ts';

export interface HistoryKey {
  businessDate: string;
  createdAt: number;
  id: string;
  kind: HistoryKind;
}

/** Above every row: where the first page starts (or the end of a date range: see topOf). */
export const TOP_ID = '\uffff';

/** Negative when `a` comes first in the history (is newer), as Array.sort wants. */
export function newestFirst(a: HistoryKey, b: HistoryKey): number {
  if (a.businessDate !== b.businessDate) return a.businessDate > b.businessDate ? -1 : 1;
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  // SQLite compares TEXT byte by byte (BINARY); ids are ASCII, where that is code-unit order.
  if (a.id !== b.id) return a.id > b.id ? -1 : 1;
  if (a.kind !== b.kind) return a.kind > b.kind ? -1 : 1;
  return 0;
}

/** True when `row` comes strictly after (is older than) `key`. */
export function isBelow(row: HistoryKey, key: HistoryKey): boolean {
  return newestFirst(row, key) > 0;
}

/** The key just above every row of a business day and the days before it. */
export function topOf(businessDate: string): HistoryKey {
  return { businessDate, createdAt: Number.MAX_SAFE_INTEGER, id: TOP_ID, kind: 'sale' };
}

export function encodeCursor(key: HistoryKey): string {
  return [key.businessDate, String(key.createdAt), key.kind, key.id].join('|');
}

/** undefined for anything this history did not hand out. */
export function decodeCursor(cursor: string): HistoryKey | undefined {
  const parts = cursor.split('|');
  if (parts.length !== 4) return undefined;
  const [businessDate, createdAt, kind, id] = parts as [string, string, string, string];
  if (!isBusinessDate(businessDate) || !/^\d{1,16}$/.test(createdAt) || id === '') return undefined;
  if (kind !== 'sale' && kind !== 'order') return undefined;
  const at = Number(createdAt);
  if (!Number.isSafeInteger(at)) return undefined;
  return { businessDate, createdAt: at, id, kind };
}
