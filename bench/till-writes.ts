/**
 * The journal writes the engine makes for one sale, in the order it makes them: createOrder
 * (the row as `created` and its event), one Journal.update per change of the row (the whole row
 * rewritten, with its event), and an appendEvent for each gateway call and QR save. Given the
 * sale's end row, it rebuilds the row as it stood after each step, so the file grows as a till's
 * does: rows inserted small and widened later, index entries moved as the state changes.
 */
import type { OrderParams } from '../main/journal/order-columns.ts';

/** order_id, at, kind, from_state, to_state, detail: an events row. */
export type EventRow = [string, number, string, string | null, string | null, string];

export type JournalWrite =
  | { op: 'create'; at: number; row: OrderParams; event: EventRow }
  | { op: 'update'; at: number; expected: string; row: OrderParams; event: EventRow }
  | { op: 'append'; at: number; event: EventRow };

/** The row as createOrder writes it: what was sold, nothing from the gateway yet. */
function createdRow(end: OrderParams): OrderParams {
  return {
    ...end,
    state: 'created',
    updated_at: end.created_at,
    attempt: 0,
    attempt_key: null,
    attempt_sent_at: null,
    transaction_id: null,
    gateway_status: null,
    paid_with: null,
    issuer: null,
    acquirer: null,
    qr_path: null,
    qr_source: null,
    qr_string: null,
    qr_url: null,
    deeplink_url: null,
    gateway_expiry_at: null,
    settled_at: null,
    final_at: null,
    cancel_requested_at: null,
    end_reason: null,
    detail: null,
  };
}

const escapePath = (path: string | null) => (path ?? '').replaceAll('\\', '\\\\');

/**
 * Appends the sale's writes to `out`. `random` is drawn in the same order as always (one draw
 * per gateway call's duration), so the data are those of every earlier build. `at` on a write is
 * when the engine makes it: never earlier than the sale's previous write.
 */
export function saleWrites(
  random: () => number,
  end: OrderParams,
  itemCount: number,
  out: JournalWrite[],
): void {
  const id = end.order_id;
  let last = end.created_at;
  const when = (at: number) => (last = Math.max(last, at));
  const append = (event: EventRow, writtenAt = event[1]) =>
    out.push({ op: 'append', at: when(writtenAt), event });
  const update = (expected: string, row: OrderParams, event: EventRow) =>
    out.push({ op: 'update', at: when(event[1]), expected, row, event });
  const gw = (operation: string, extra: string) =>
    `{"operation":"${operation}","outcome":"ok","ms":${40 + Math.floor(random() * 200)}${extra}}`;

  let at = end.created_at;
  const created = createdRow(end);
  out.push({
    op: 'create',
    at: when(at),
    row: created,
    event: [
      id,
      at,
      'created',
      null,
      'created',
      `{"grossAmount":${end.gross_amount},"paymentType":"${end.payment_type}","itemCount":${itemCount}}`,
    ],
  });
  if (end.state === 'created') return;

  at += 2;
  const charging: OrderParams = {
    ...created,
    state: 'charging',
    updated_at: at,
    attempt: end.attempt,
    attempt_key: end.attempt_key,
    attempt_sent_at: end.attempt_sent_at,
  };
  update('created', end.state === 'charging' ? end : charging, [
    id,
    at,
    'transition',
    'created',
    'charging',
    '{}',
  ]);
  if (end.state === 'charging') return;

  if (end.transaction_id === null) {
    append([
      id,
      (at += 150),
      'gateway',
      null,
      null,
      '{"operation":"charge","outcome":"validation","ms":150,"ambiguous":false,"httpStatus":400}',
    ]);
    update('charging', end, [id, at + 1, 'transition', 'charging', 'failed', '{}']);
    return;
  }

  append([
    id,
    (at += 180),
    'gateway',
    null,
    null,
    gw('charge', `,"attempt":1,"transactionId":"${end.transaction_id}","transactionStatus":"pending"`),
  ]);
  const pendingRow = (updatedAt: number): OrderParams =>
    end.state === 'pending'
      ? end
      : {
          ...charging,
          state: 'pending',
          updated_at: updatedAt,
          transaction_id: end.transaction_id,
          gateway_status: 'pending',
          acquirer: end.acquirer,
          qr_path: end.qr_path,
          qr_source: end.qr_source,
          qr_string: end.qr_string,
          qr_url: end.qr_url,
          deeplink_url: end.deeplink_url,
          gateway_expiry_at: end.gateway_expiry_at,
        };
  if (end.payment_type === 'qris') {
    append([id, (at += 20), 'qr', null, null, `{"source":"local","path":"${escapePath(end.qr_path)}"}`]);
    at += 1;
    update('charging', pendingRow(at), [id, at, 'transition', 'charging', 'pending', '{}']);
    // The gateway's own image, fetched as a spare after the QR is up.
    append([id, (at += 150), 'gateway', null, null, gw('qr-code', ',"bytes":2730')]);
    append([id, (at += 2), 'qr', null, null, '{"source":"gateway","path":"spare"}']);
  } else {
    append([id, (at += 150), 'gateway', null, null, gw('qr-code', ',"bytes":2730')]);
    append([id, (at += 2), 'qr', null, null, `{"source":"gateway","path":"${escapePath(end.qr_path)}"}`]);
    at += 1;
    update('charging', pendingRow(at), [id, at, 'transition', 'charging', 'pending', '{}']);
  }
  if (end.state === 'pending') return;

  const finalAt = end.final_at ?? at;
  const pending = pendingRow(at);
  // Unchanged "still pending" answers are counted, and the count is journaled just before the
  // order's next event: the cancel request, or the answer that ends it.
  const polls = Math.max(1, Math.floor((finalAt - at) / 1000));
  const flushAt =
    end.state === 'cancel' || end.state === 'expire' || end.state === 'failed' ? finalAt - 150 : finalAt;
  append(
    [
      id,
      finalAt - 200,
      'gateway',
      null,
      null,
      gw(
        'status',
        `,"unchanged":true,"count":${polls},"firstAt":${at + 1000},"lastAt":${finalAt - 200},"transactionStatus":"pending","paid":false`,
      ),
    ],
    flushAt,
  );
  if (end.state === 'cancel' || end.state === 'expire' || end.state === 'failed') {
    const reason = end.end_reason ?? 'cashier-cancel';
    update(
      'pending',
      {
        ...pending,
        updated_at: finalAt - 150,
        cancel_requested_at: end.cancel_requested_at ?? finalAt - 150,
        end_reason: reason,
      },
      [id, finalAt - 150, 'cancel-requested', 'pending', 'pending', `{"reason":"${reason}"}`],
    );
    const op = end.state === 'expire' ? 'expire' : 'cancel';
    append([id, finalAt - 100, 'gateway', null, null, gw(op, `,"transactionStatus":"${op}"`)]);
  }
  append([
    id,
    finalAt,
    'gateway',
    null,
    null,
    gw('status', `,"transactionStatus":"${end.gateway_status ?? ''}","paid":${end.state === 'settlement'}`),
  ]);
  update('pending', end, [id, finalAt, 'transition', 'pending', end.state, '{}']);
}
