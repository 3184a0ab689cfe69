/**
 * The journal's events as a timeline for people: every gateway call (when, which endpoint, HTTP
 * status, status_code, latency), every state change, the QR written, cancel requests, security
 * findings, and the till's own events (cash taken, paid, voided).
 *
 * Only named facts are copied out of an event, never its detail as a whole: what an event
 * records may grow, but what leaves the main process is decided here. Keys, Authorization
 * headers, Idempotency-Keys and file paths never do; free text is cleaned of them as well.
 */
import type { TimelineCall, TimelineEntry, TimelineKind } from '../../common/history-contract.ts';
import type { JournalEvent } from '../journal/types.ts';
import type { SaleEvent } from '../sales/sales-book.ts';

/** Facts worth showing, by the name the engine and the till journal them under. */
const FACTS = [
  'grossAmount',
  'paymentType',
  'itemCount',
  'attempt',
  'transactionId',
  'fraudStatus',
  'paid',
  'found',
  'bytes',
  'source',
  'reason',
  'confirmedUnpaid',
  'answer',
  'charge',
  'total',
  'lines',
  'amount',
  'received',
  'change',
  'tenders',
  'by',
  'discounts',
] as const;
/** Free text: shown, cleaned. */
const TEXTS = ['message', 'security', 'qr', 'error'] as const;

const ENDPOINTS: Readonly<Record<string, string>> = {
  charge: 'POST /v2/charge',
  status: 'GET /v2/{id}/status',
  cancel: 'POST /v2/{id}/cancel',
  expire: 'POST /v2/{id}/expire',
  refund: 'POST /v2/{id}/refund',
  'qr-code': 'GET /v2/{type}/{transaction_id}/qr-code',
};

const SECRETS = [
  /\b(?:SB-)?Mid-(?:server|client)-[A-Za-z0-9_-]+/g,
  /\bBasic\s+[A-Za-z0-9+/=]{8,}/gi,
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
];
// An absolute file path (POSIX, or a Windows drive or share), up to the next space or quote.
const PATHS = /(^|[\s'"(=:])((?:[A-Za-z]:[\\/]|\\\\|\/)[^\s'"()]*)/g;

/** Free text as it may leave the main process: no key, no credential, no path on this machine. */
export function cleanText(text: string): string {
  let out = text;
  for (const pattern of SECRETS) out = out.replace(pattern, '[redacted]');
  return out.replace(PATHS, (whole, lead: string, path: string) =>
    // Endpoint paths in a gateway message ("/v2/charge") are not files and say what happened.
    /^\/v2\//.test(path) ? whole : `${lead}[file]`,
  );
}

function fact(value: unknown): string | number | boolean | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return cleanText(value).slice(0, 200);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return cleanText(value.join(', '));
  return undefined;
}

function factsOf(detail: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const name of FACTS) {
    const value = fact(detail[name]);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function textOf(detail: Record<string, unknown>): string | undefined {
  const parts = TEXTS.flatMap((name) => {
    const value = detail[name];
    return typeof value === 'string' && value !== '' ? [cleanText(value).slice(0, 500)] : [];
  });
  return parts.length === 0 ? undefined : parts.join(' — ');
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A gateway call's record, from an event that has one (gateway events, and security ones about a call). */
function callOf(detail: Record<string, unknown>): TimelineCall | undefined {
  const operation = str(detail.operation);
  if (operation === undefined) return undefined;
  const count = num(detail.count);
  const firstAt = num(detail.firstAt);
  const lastAt = num(detail.lastAt);
  return {
    operation,
    endpoint: ENDPOINTS[operation] ?? operation,
    outcome: str(detail.outcome) ?? 'unknown',
    httpStatus: num(detail.httpStatus),
    statusCode: str(detail.statusCode),
    ms: num(detail.ms),
    ambiguous: typeof detail.ambiguous === 'boolean' ? detail.ambiguous : undefined,
    transactionStatus: str(detail.transactionStatus),
    repeated:
      detail.unchanged === true && count !== undefined && firstAt !== undefined && lastAt !== undefined
        ? { count, firstAt, lastAt }
        : undefined,
  };
}

const ORDER_KINDS: Readonly<Record<JournalEvent['kind'], TimelineKind>> = {
  created: 'created',
  transition: 'state',
  gateway: 'gateway',
  qr: 'qr',
  'cancel-requested': 'cancel-requested',
  security: 'security',
  recovery: 'recovery',
  note: 'note',
};

const SALE_KINDS: Readonly<Record<SaleEvent['kind'], TimelineKind>> = {
  created: 'sale-created',
  'cash-taken': 'cash-taken',
  'cash-returned': 'cash-returned',
  charge: 'sale-note',
  paid: 'sale-paid',
  voided: 'sale-voided',
  approval: 'approval',
  note: 'sale-note',
};

export function orderEntry(event: JournalEvent): TimelineEntry {
  const kind = ORDER_KINDS[event.kind] ?? 'note';
  const call = kind === 'gateway' || kind === 'security' ? callOf(event.detail) : undefined;
  return {
    at: event.at,
    kind,
    orderId: event.orderId,
    from: event.fromState,
    to: event.toState,
    call,
    text: textOf(event.detail),
    facts: factsOf(event.detail),
  };
}

export function saleEntry(event: SaleEvent): TimelineEntry {
  return {
    at: event.at,
    kind: SALE_KINDS[event.kind] ?? 'sale-note',
    orderId: undefined,
    from: undefined,
    to: undefined,
    call: undefined,
    text: textOf(event.detail),
    facts: factsOf(event.detail),
  };
}

/**
 * Oldest first: the sale's events and each order's merged by time. Each source keeps its journal
 * order even where its clock stepped back; at the same millisecond the sale's own events come
 * first (a sale is journaled before its charge is made), then the orders in the order they were made.
 */
export function mergeTimeline(
  sale: readonly TimelineEntry[],
  orders: readonly TimelineEntry[][],
): TimelineEntry[] {
  const sources = [sale, ...orders];
  const next = sources.map(() => 0);
  const out: TimelineEntry[] = [];
  for (;;) {
    let pick = -1;
    for (let s = 0; s < sources.length; s++) {
      const candidate = sources[s]?.[next[s] ?? 0];
      if (candidate === undefined) continue;
      const best = pick < 0 ? undefined : sources[pick]?.[next[pick] ?? 0];
      if (best === undefined || candidate.at < best.at) pick = s;
    }
    if (pick < 0) return out;
    const chosen = sources[pick]?.[next[pick] ?? 0];
    if (chosen !== undefined) out.push(chosen);
    next[pick] = (next[pick] ?? 0) + 1;
  }
}
