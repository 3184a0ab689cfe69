/** What of the journal's events leaves the main process on a timeline, and in what order. */
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../common/history-contract.ts';
import { cleanText, mergeTimeline, orderEntry, saleEntry } from '../../main/history/timeline.ts';
import type { JournalEvent } from '../../main/journal/types.ts';

function event(kind: JournalEvent['kind'], detail: Record<string, unknown>, at = 1_000): JournalEvent {
  return { seq: 1, orderId: 'K-1', at, kind, fromState: undefined, toState: undefined, detail };
}

describe('cleanText', () => {
  it('removes server and client keys, Basic and Bearer credentials', () => {
    const text = cleanText(
      'key SB-Mid-server-abcDEF123_x and Mid-client-zz99 sent as Basic U0ItTWlkLXNlcnZlcjp4eHg= or Bearer abc.def-ghi',
    );
    expect(text).not.toMatch(/Mid-server|Mid-client|U0ItTWlk|abc\.def/);
    expect(text.match(/\[redacted\]/g)).toHaveLength(4);
  });

  it('removes file paths of this machine, POSIX and Windows, but keeps gateway endpoints', () => {
    expect(cleanText("EACCES: open '/home/kasir/.config/gopay-qris-kiosk/qr/K-1.png'")).toBe(
      "EACCES: open '[file]'",
    );
    expect(cleanText('cannot write C:\\ProgramData\\Kiosk\\qr\\K-1.png now')).toBe('cannot write [file] now');
    expect(cleanText('Midtrans answered 404 for /v2/K-1/status')).toBe(
      'Midtrans answered 404 for /v2/K-1/status',
    );
  });
});

describe('timeline entries', () => {
  it('a gateway call: its endpoint, codes and latency; never its Idempotency-Key or anything unnamed', () => {
    const entry = orderEntry(
      event('gateway', {
        operation: 'charge',
        outcome: 'timeout',
        httpStatus: 504,
        statusCode: '504',
        ms: 15_002,
        ambiguous: true,
        idempotencyKey: 'k-secret-1',
        attemptKey: 'k-secret-2',
        authorization: 'Basic xyz',
        message: 'Midtrans charge timed out',
      }),
    );
    expect(entry.call).toEqual({
      operation: 'charge',
      endpoint: 'POST /v2/charge',
      outcome: 'timeout',
      httpStatus: 504,
      statusCode: '504',
      ms: 15_002,
      ambiguous: true,
      transactionStatus: undefined,
      repeated: undefined,
    });
    expect(entry.text).toBe('Midtrans charge timed out');
    expect(JSON.stringify(entry)).not.toMatch(/k-secret|Basic xyz/);
  });

  it('"still pending" answers counted in one event read as one entry with the count', () => {
    const entry = orderEntry(
      event('gateway', {
        operation: 'status',
        outcome: 'ok',
        unchanged: true,
        count: 57,
        firstAt: 2_000,
        lastAt: 60_000,
        statusCode: '201',
        transactionStatus: 'pending',
      }),
    );
    expect(entry.call).toMatchObject({
      endpoint: 'GET /v2/{id}/status',
      statusCode: '201',
      repeated: { count: 57, firstAt: 2_000, lastAt: 60_000 },
    });
  });

  it('the QR written: its source, never its path on disk', () => {
    const entry = orderEntry(event('qr', { source: 'local', path: '/var/lib/kiosk/qr/K-1.local.png' }));
    expect(entry.kind).toBe('qr');
    expect(entry.facts).toEqual({ source: 'local' });
    expect(JSON.stringify(entry)).not.toContain('/var/lib');
  });

  it('a security finding and a state change keep their words and states', () => {
    const security = orderEntry(event('security', { security: 'signature mismatch on the status answer' }));
    expect(security).toMatchObject({
      kind: 'security',
      call: undefined,
      text: 'signature mismatch on the status answer',
    });
    const moved = orderEntry({ ...event('transition', {}), fromState: 'pending', toState: 'settlement' });
    expect(moved).toMatchObject({ kind: 'state', from: 'pending', to: 'settlement' });
  });

  it('the till’s events: cash taken with its amounts, an approval with its discounts', () => {
    const cash = saleEntry({
      seq: 2,
      saleId: 'S-1',
      at: 5,
      kind: 'cash-taken',
      detail: { amount: 20_000, received: 50_000, change: 30_000 },
    });
    expect(cash).toMatchObject({
      kind: 'cash-taken',
      orderId: undefined,
      facts: { amount: 20_000, received: 50_000, change: 30_000 },
    });
    const approval = saleEntry({
      seq: 3,
      saleId: 'S-1',
      at: 5,
      kind: 'approval',
      detail: { discounts: ['line 1', 'order'], by: 'manager-pin' },
    });
    expect(approval.facts).toEqual({ discounts: 'line 1, order', by: 'manager-pin' });
  });
});

describe('mergeTimeline', () => {
  const at = (time: number, label: string): TimelineEntry => ({
    at: time,
    kind: 'note',
    orderId: label,
    from: undefined,
    to: undefined,
    call: undefined,
    text: undefined,
    facts: {},
  });

  it('merges by time; at the same millisecond the sale first, then the orders in their order', () => {
    const merged = mergeTimeline(
      [at(10, 's1'), at(30, 's2')],
      [[at(10, 'a1'), at(20, 'a2')], [at(10, 'b1')]],
    );
    expect(merged.map((e) => e.orderId)).toEqual(['s1', 'a1', 'b1', 'a2', 's2']);
  });

  it('keeps each source in its journal order even where its clock stepped back', () => {
    const merged = mergeTimeline([], [[at(50, 'a1'), at(40, 'a2'), at(60, 'a3')], [at(45, 'b1')]]);
    expect(merged.map((e) => e.orderId)).toEqual(['b1', 'a1', 'a2', 'a3']);
  });
});
