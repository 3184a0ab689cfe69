/**
 * A year of a busy till, as data: 1,000,000 sales over 365 business days with the states,
 * payment types, issuers and baskets a till sees, about 1,000 left open (as after a crash
 * mid-rush), and for each sale the journal writes the engine makes (till-writes.ts). Seeded, so
 * every build is the same year.
 */
import { businessDateOf } from '../main/journal/business-date.ts';
import type { OrderParams } from '../main/journal/order-columns.ts';
import { saleWrites, type JournalWrite } from './till-writes.ts';

export const TOTAL_ORDERS = 1_000_000;
export const OPEN_ORDERS = 1_000;
export const DAYS = 365;
export const ENVIRONMENT = 'production';
const WIB_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;

/** mulberry32: a few lines, fast, and seeded so every till-year built is the same one. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of weighted) total += w;
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  const last = weighted.at(-1);
  if (last === undefined) throw new Error('pick from nothing');
  return last[0];
}

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(n: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = (BASE32[n % 32] ?? '0') + s;
    n = Math.floor(n / 32);
  }
  return s;
}

function hex(random: () => number, length: number): string {
  let s = '';
  while (s.length < length)
    s += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, length);
}

function uuid(random: () => number): string {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const MENU = [
  ['kopi-susu', 'Kopi susu gula aren', 22_000],
  ['es-teh', 'Es teh manis', 8_000],
  ['roti-bakar', 'Roti bakar coklat keju', 25_000],
  ['nasi-goreng', 'Nasi goreng spesial', 35_000],
  ['mie-ayam', 'Mie ayam bakso', 28_000],
  ['air-mineral', 'Air mineral 600 ml', 5_000],
  ['pisang-goreng', 'Pisang goreng (3)', 15_000],
  ['teh-tarik', 'Teh tarik', 18_000],
] as const;

/** Half the sales are rung up item by item, half are a typed amount. */
function basket(random: () => number): { items: string; amount: number; count: number } {
  if (random() < 0.5) {
    const amount = Math.round((5_000 + random() * random() * 245_000) / 500) * 500;
    return { items: '[]', amount, count: 0 };
  }
  const lines: string[] = [];
  let amount = 0;
  const n = 1 + Math.floor(random() * 4);
  for (let i = 0; i < n; i++) {
    const m = MENU[Math.floor(random() * MENU.length)] ?? MENU[0];
    const quantity = 1 + Math.floor(random() * random() * 3);
    amount += m[2] * quantity;
    lines.push(`{"id":"${m[0]}","name":"${m[1]}","price":${m[2]},"quantity":${quantity}}`);
  }
  return { items: `[${lines.join(',')}]`, amount, count: n };
}

/** Shaped like a Midtrans dynamic QRIS payload (the CRC is not checked by anything that reads the journal). */
function qrisString(random: () => number, amount: number): string {
  const amt = `${amount}.00`;
  return (
    '00020101021226620014COM.GO-JEK.WWW011893600914312345678902101G1234567890303UKE' +
    '51440014ID.CO.QRIS.WWW0215ID10221234567890303UKE5204581453033605802ID' +
    `5914KIOSK TRAINING6007JAKARTA61051011054${String(amt.length).padStart(2, '0')}${amt}` +
    `62470536${uuid(random)}0703A016304${hex(random, 4).toUpperCase()}`
  );
}

type State = 'created' | 'charging' | 'pending' | 'settlement' | 'expire' | 'cancel' | 'deny' | 'failed';

const FINAL_MIX: readonly (readonly [State, number])[] = [
  ['settlement', 88],
  ['expire', 4.5],
  ['cancel', 5.5],
  ['deny', 0.5],
  ['failed', 1.5],
];
const OPEN_MIX: readonly (readonly [State, number])[] = [
  ['pending', 85],
  ['charging', 10],
  ['created', 5],
];
const QRIS_ISSUERS: readonly (readonly [string, number])[] = [
  ['gopay', 38],
  ['ovo', 18],
  ['dana', 16],
  ['shopeepay', 12],
  ['linkaja', 5],
  ['bca', 5],
  ['bri', 3],
  ['mandiri', 3],
];

function dayWeights(random: () => number, firstDay: number): number[] {
  const weights: number[] = [];
  for (let d = 0; d < DAYS; d++) {
    const weekday = new Date((firstDay + d) * DAY_MS).getUTCDay();
    let w = weekday === 0 || weekday === 6 ? 1.5 : weekday === 5 ? 1.25 : 1;
    w *= 0.8 + random() * 0.4;
    weights.push(w);
  }
  // A couple of holiday rushes (Lebaran eve, year-end): the day the owner will actually check.
  for (const d of [Math.floor(DAYS * 0.3), DAYS - 8]) weights[d] = (weights[d] ?? 1) * 2.2;
  return weights;
}

function orderRow(
  random: () => number,
  o: {
    orderId: string;
    state: State;
    paymentType: 'qris' | 'gopay';
    items: string;
    amount: number;
    createdAt: number;
  },
): OrderParams {
  const { orderId, state, paymentType, createdAt } = o;
  const charged = state !== 'created' && !(state === 'failed' && random() < 0.5);
  const hasTransaction = charged && state !== 'charging';
  const tid = hasTransaction ? uuid(random) : null;
  const expiry = createdAt + 15 * 60_000;
  // Scanning and typing a PIN: usually 5-15 s, now and then much longer.
  const paidAfter = 3_000 + Math.floor(random() * random() * 30_000);
  const finalAt =
    state === 'settlement' || state === 'deny'
      ? createdAt + paidAfter
      : state === 'expire'
        ? expiry
        : state === 'cancel'
          ? createdAt + 10_000 + Math.floor(random() * 120_000)
          : state === 'failed'
            ? createdAt + 300 + Math.floor(random() * 3_000)
            : null;
  let paidWith: string | null = null;
  let issuer: string | null = null;
  if (state === 'settlement') {
    const scanned = paymentType === 'qris' || random() < 0.6;
    paidWith = scanned ? 'qris' : 'gopay';
    issuer = scanned ? pick(random, QRIS_ISSUERS) : null;
  }
  const hasQr = hasTransaction && !(state === 'failed');
  const qrSource = paymentType === 'qris' ? 'local' : 'gateway';
  const endReason =
    state === 'expire'
      ? 'kiosk-timeout'
      : state === 'cancel'
        ? 'cashier-cancel'
        : state === 'failed'
          ? hasTransaction
            ? 'qr-unavailable'
            : 'charge-refused'
          : null;
  return {
    order_id: orderId,
    sale_id: null,
    environment: ENVIRONMENT,
    state,
    payment_type: paymentType,
    gross_amount: o.amount,
    items: o.items,
    created_at: createdAt,
    updated_at: finalAt ?? createdAt + 400,
    deadline_at: createdAt + 15 * 60_000,
    business_date: businessDateOf(createdAt, WIB_MINUTES),
    attempt: state === 'created' ? 0 : 1,
    attempt_key: state === 'created' ? null : hex(random, 43),
    attempt_sent_at: state === 'created' ? null : createdAt + 3,
    transaction_id: tid,
    gateway_status: hasTransaction ? (state === 'failed' || state === 'pending' ? 'pending' : state) : null,
    fraud_status: hasTransaction ? 'accept' : null,
    paid_with: paidWith,
    issuer,
    acquirer: hasTransaction ? (paymentType === 'qris' ? 'gopay' : null) : null,
    qr_path: hasQr ? `C:\\ProgramData\\Kiosk\\qr\\${orderId}.${qrSource}.png` : null,
    qr_source: hasQr ? qrSource : null,
    qr_string: hasQr && paymentType === 'qris' ? qrisString(random, o.amount) : null,
    qr_url: hasQr && tid !== null ? `https://api.midtrans.com/v2/${paymentType}/${tid}/qr-code` : null,
    deeplink_url:
      hasQr && paymentType === 'gopay'
        ? `https://simulator.sandbox.midtrans.com/gopay/partner/app/payment-pin?tref=${tid ?? ''}`
        : null,
    gateway_expiry_at: hasTransaction ? expiry : null,
    settled_at: state === 'settlement' ? finalAt : null,
    final_at: finalAt,
    cancel_requested_at: state === 'expire' || state === 'cancel' ? (finalAt ?? createdAt) - 150 : null,
    confirmed_unpaid: state === 'expire' || state === 'cancel' ? state : null,
    end_reason: endReason,
    alert: null,
    detail: state === 'failed' ? 'the gateway refused the charge' : null,
  };
}

export interface YearSummary {
  orders: number;
  events: number;
  openOrders: number;
  busiestDay: string;
  busiestDayOrders: number;
}

/**
 * Generates the year day by day and hands each day's journal writes, in the order the engine
 * makes them, to `write`. Sales overlap (a sale started at 10:00:05 is paid at 10:00:20 while the
 * next ones are charged), so their writes interleave as on a real till; a day's writes never
 * spill into the next day (the shop closes at 22:00 and a sale lasts at most 15 minutes).
 */
export function generateYear(lastDayStartUtc: number, write: (day: JournalWrite[]) => void): YearSummary {
  const random = rng(20261124);
  const firstDayUtc = lastDayStartUtc / DAY_MS - (DAYS - 1);
  const weights = dayWeights(random, firstDayUtc);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const perDay = weights.map((w) => Math.floor((w / weightSum) * TOTAL_ORDERS));
  perDay[DAYS - 1] = (perDay[DAYS - 1] ?? 0) + TOTAL_ORDERS - perDay.reduce((a, b) => a + b, 0);
  const openAt = new Set<number>();
  while (openAt.size < OPEN_ORDERS) openAt.add(Math.floor(random() * TOTAL_ORDERS));

  let seq = 0;
  let events = 0;
  for (let d = 0; d < DAYS; d++) {
    const n = perDay[d] ?? 0;
    // The shop opens 07:00-22:00 WIB; times are sorted so ids and created_at grow together, as on a till.
    const dayStart = (firstDayUtc + d) * DAY_MS - WIB_MINUTES * 60_000;
    const times = Array.from(
      { length: n },
      () => dayStart + 7 * 3600_000 + Math.floor(random() * 15 * 3600_000),
    ).sort((a, b) => a - b);
    const writes: JournalWrite[] = [];
    for (const createdAt of times) {
      const index = seq++;
      const local = new Date(createdAt + WIB_MINUTES * 60_000).toISOString();
      const orderId = `K${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 19).replaceAll(':', '')}-${base32(index, 6)}`;
      const open = openAt.has(index);
      const state = pick(random, open ? OPEN_MIX : FINAL_MIX);
      const paymentType = random() < 0.65 ? 'qris' : 'gopay';
      const { items, amount, count } = basket(random);
      const row = orderRow(random, { orderId, state, paymentType, items, amount, createdAt });
      saleWrites(random, row, count, writes);
    }
    // Stable: one sale's writes keep their order, and sales interleave by time.
    writes.sort((a, b) => a.at - b.at);
    events += writes.length;
    write(writes);
  }
  let busiest = 0;
  for (let d = 1; d < DAYS; d++) if ((perDay[d] ?? 0) > (perDay[busiest] ?? 0)) busiest = d;
  return {
    orders: seq,
    events,
    openOrders: OPEN_ORDERS,
    busiestDay: businessDateOf((firstDayUtc + busiest) * DAY_MS, 0),
    busiestDayOrders: perDay[busiest] ?? 0,
  };
}
