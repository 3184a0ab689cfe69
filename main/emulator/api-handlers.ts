import {
  REFUND_KEY_MAX_LENGTH,
  REFUND_KEY_PATTERN,
  REFUND_REASON_MAX_LENGTH,
} from '../../common/midtrans-limits.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';
import {
  MSG,
  cancelBody,
  chargeBody,
  errorBody,
  expireBody,
  refundBody,
  refundDeniedBody,
  statusBody,
  validationBody,
} from './api-responses.ts';
import type { ResponseContext } from './api-responses.ts';
import { validateCharge } from './charge-validation.ts';
import type { Ledger } from './ledger.ts';
import type { QrPngCache } from './qr-png.ts';
import { buildQrisString } from './qris-payload.ts';
import type { QrisMerchant } from './qris-payload.ts';
import { ruleRefund } from './refund-rules.ts';
import type { ApiRoute } from './routes.ts';
import type { ErrorTransport, RefundRules } from './types.ts';
import { jsonResponse, midtransResponse } from './wire.ts';
import type { WireResponse } from './wire.ts';

/** What the /v2 handlers need; `transport` and `enabled` are read per request so they can change. */
export interface ApiContext {
  ledger: Ledger;
  qrPngs: QrPngCache;
  merchant: QrisMerchant;
  response: ResponseContext;
  transport: () => ErrorTransport;
  enabled: ReadonlySet<PaymentType>;
  refundRules: () => Readonly<RefundRules>;
}

type ParsedBody =
  { kind: 'object'; value: Record<string, unknown> } | { kind: 'empty' } | { kind: 'malformed' };

function parseJsonBody(text: string): ParsedBody {
  if (text.trim() === '') return { kind: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'malformed' };
  }
  if (value === null) return { kind: 'empty' };
  if (typeof value !== 'object' || Array.isArray(value)) return { kind: 'malformed' };
  return { kind: 'object', value: value as Record<string, unknown> };
}

/** Runs one authenticated /v2 request against the ledger and renders the answer. */
export async function handleApi(route: ApiRoute, bodyText: string, ctx: ApiContext): Promise<WireResponse> {
  const reply = (body: Record<string, unknown>) => midtransResponse(body, ctx.transport());
  switch (route.kind) {
    case 'charge':
      return handleCharge(bodyText, ctx);
    case 'status': {
      const order = ctx.ledger.find(route.id);
      return reply(order ? statusBody(order, ctx.response) : errorBody('404', MSG.notFound));
    }
    case 'cancel':
    case 'expire': {
      const order = ctx.ledger.find(route.id);
      if (!order) return reply(errorBody('404', MSG.notFound));
      const to = route.kind === 'cancel' ? 'cancel' : 'expire';
      if (!ctx.ledger.close(order, to)) return reply(errorBody('412', MSG.cannotUpdate));
      return reply(to === 'cancel' ? cancelBody(order, ctx.response) : expireBody(order, ctx.response));
    }
    case 'refund':
      return handleRefund(route.id, bodyText, ctx);
    case 'qr-code': {
      const order = ctx.ledger.findByTransactionId(route.transactionId);
      // An image URL is fetched by <img> tags and browsers, so "not found" is a plain HTTP 404 in both modes.
      if (!order || order.paymentType !== route.paymentType)
        return jsonResponse(404, errorBody('404', MSG.notFound));
      const png = await ctx.qrPngs.render(order.qrString);
      return {
        status: 200,
        headers: { 'content-type': 'image/png', 'cache-control': 'no-store' },
        body: png,
      };
    }
  }
}

function handleCharge(bodyText: string, ctx: ApiContext): WireResponse {
  const parsed = parseJsonBody(bodyText);
  // What the real sandbox answers to an empty or null charge body (reference §2.7).
  if (parsed.kind === 'empty') return jsonResponse(500, { message: MSG.unexpected });
  if (parsed.kind === 'malformed') return midtransResponse(errorBody('413', MSG.malformed), ctx.transport());
  const check = validateCharge(parsed.value, ctx.enabled, ctx.ledger.now());
  if (check.kind === 'payment-type-unavailable') return midtransResponse(errorBody('402'), ctx.transport());
  if (check.kind === 'invalid') return midtransResponse(validationBody(check.messages), ctx.transport());
  const charge = check.charge;
  if (ctx.ledger.isOrderIdTaken(charge.orderId)) {
    return midtransResponse(errorBody('406', MSG.duplicateOrder), ctx.transport());
  }
  const order = ctx.ledger.create({
    orderId: charge.orderId,
    paymentType: charge.paymentType,
    grossAmount: charge.grossAmount,
    expiryTimeMs: charge.expiryTimeMs,
    acquirer: charge.acquirer,
    qrString: buildQrisString(ctx.merchant, charge.grossAmount),
    extras: charge.extras,
  });
  // Draw the QR image once the charge has been answered, as a gateway would while the answer
  // travels, so the client's download finds it ready instead of waiting for the drawing.
  setImmediate(() => ctx.qrPngs.render(order.qrString).catch(() => {}));
  return midtransResponse(chargeBody(order, ctx.response), ctx.transport());
}

function handleRefund(id: string, bodyText: string, ctx: ApiContext): WireResponse {
  const reply = (body: Record<string, unknown>) => midtransResponse(body, ctx.transport());
  const order = ctx.ledger.find(id);
  if (!order) return reply(errorBody('404', MSG.notFound));
  const parsed = parseJsonBody(bodyText);
  if (parsed.kind === 'malformed') return reply(errorBody('413', MSG.malformed));
  const body = parsed.kind === 'object' ? parsed.value : {};

  const messages: string[] = [];
  const rawKey = body['refund_key'] ?? null;
  if (rawKey !== null) {
    if (
      typeof rawKey !== 'string' ||
      !REFUND_KEY_PATTERN.test(rawKey) ||
      rawKey.length > REFUND_KEY_MAX_LENGTH
    ) {
      messages.push(`refund_key must be 1 to ${REFUND_KEY_MAX_LENGTH} letters, digits, '-' or '_'`);
    }
  }
  const rawReason = body['reason'] ?? null;
  if (rawReason !== null && (typeof rawReason !== 'string' || rawReason.length > REFUND_REASON_MAX_LENGTH)) {
    messages.push(`reason must be a string of at most ${REFUND_REASON_MAX_LENGTH} characters`);
  }
  if (messages.length > 0) return reply(validationBody(messages));

  const refundKey = rawKey as string | null;
  const outcome = ctx.ledger.refund(
    order,
    { refundKey, amount: body['amount'] ?? undefined, reason: rawReason as string | null },
    (o) => ruleRefund(ctx.refundRules(), o, ctx.ledger.now()),
  );
  switch (outcome.kind) {
    case 'ruled-out':
      // The issuer's no is the direct-refund rejection of §4.4; a window that has passed is a state
      // the transaction can no longer be changed from (412).
      return outcome.ruling === 'denied-by-issuer'
        ? reply(refundDeniedBody(order, refundKey, ctx.response))
        : reply(errorBody('412', MSG.cannotUpdate));
    case 'bad-state':
      return reply(errorBody('412', MSG.cannotUpdate));
    case 'bad-amount':
      return reply(errorBody('414', MSG.invalidRefundAmount));
    case 'duplicate-key':
      return reply(errorBody('406', MSG.duplicateRefund));
    case 'replay':
      return reply(outcome.refund.answer ?? refundBody(order, outcome.refund, ctx.response));
    case 'ok': {
      const answer = refundBody(order, outcome.refund, ctx.response);
      ctx.ledger.rememberRefundAnswer(outcome.refund, answer);
      return reply(answer);
    }
  }
}
