import { EmulatorControlError } from './control.ts';
import { parseFaultRule } from './faults.ts';
import { parseRefundRules } from './refund-rules.ts';
import type { DashboardRefund, EmulatorControl, PayOptions } from './types.ts';
import { jsonResponse } from './wire.ts';
import type { WireResponse } from './wire.ts';

/**
 * The control surface over HTTP (`/_emulator/...`), for driving a standalone emulator from a
 * shell, a browser test or another process. Answers are plain JSON; errors are
 * `{"error": "..."}` with 400 (bad input), 404 (unknown order or path) or 409 (wrong state).
 */

const STATUS_BY_REASON = { 'invalid-input': 400, 'not-found': 404, 'invalid-state': 409 } as const;

function fail(status: number, message: string): WireResponse {
  return jsonResponse(status, { error: message });
}

type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; response: WireResponse };

function parseObject(text: string, allowEmpty: boolean): Parsed {
  if (text.trim() === '') {
    return allowEmpty
      ? { ok: true, value: {} }
      : { ok: false, response: fail(400, 'a JSON object body is required') };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: fail(400, 'the body is not valid JSON') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, response: fail(400, 'the body must be a JSON object') };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function parsePayOptions(body: Record<string, unknown>): PayOptions | string {
  const opts: PayOptions = {};
  const unknownKeys = Object.keys(body).filter((k) => !['via', 'issuer', 'fraudStatus', 'late'].includes(k));
  if (unknownKeys.length > 0) return `unknown field(s): ${unknownKeys.join(', ')}`;
  const { via, issuer, fraudStatus, late } = body;
  if (late !== undefined && late !== null) {
    if (typeof late !== 'boolean') return 'late must be true or false';
    opts.late = late;
  }
  if (fraudStatus !== undefined && fraudStatus !== null) {
    if (fraudStatus !== 'accept' && fraudStatus !== 'challenge')
      return 'fraudStatus must be "accept" or "challenge"';
    opts.fraudStatus = fraudStatus;
  }
  if (via !== undefined && via !== null) {
    if (via !== 'qris' && via !== 'gopay') return 'via must be "qris" or "gopay"';
    opts.via = via;
  }
  if (issuer !== undefined && issuer !== null) {
    if (typeof issuer !== 'string') return 'issuer must be a string';
    opts.issuer = issuer;
  }
  return opts;
}

function parseDashboardRefund(body: Record<string, unknown>): DashboardRefund | string {
  const unknownKeys = Object.keys(body).filter((k) => k !== 'amount' && k !== 'reason');
  if (unknownKeys.length > 0) return `unknown field(s): ${unknownKeys.join(', ')}`;
  const refund: DashboardRefund = {};
  if (body['amount'] !== undefined && body['amount'] !== null) {
    if (typeof body['amount'] !== 'number') return 'amount must be a number of rupiah';
    refund.amount = body['amount'];
  }
  if (body['reason'] !== undefined && body['reason'] !== null) {
    if (typeof body['reason'] !== 'string') return 'reason must be text';
    refund.reason = body['reason'];
  }
  return refund;
}

function run(action: () => unknown, status = 200): WireResponse {
  try {
    return jsonResponse(status, action() ?? { ok: true });
  } catch (error) {
    if (error instanceof EmulatorControlError) return fail(STATUS_BY_REASON[error.reason], error.message);
    throw error;
  }
}

export function handleControlRequest(
  method: string,
  segments: string[],
  bodyText: string,
  control: EmulatorControl,
): WireResponse {
  const [area, id, action, ...rest] = segments;
  const route = `${method} ${segments.length}`;

  if (area === 'orders') {
    if (route === 'GET 1') return jsonResponse(200, { orders: control.list() });
    if (id && route === 'GET 2') {
      const order = control.get(id);
      return order ? jsonResponse(200, order) : fail(404, `no such order_id or transaction_id: "${id}"`);
    }
    if (id && route === 'POST 3' && rest.length === 0) {
      if (action === 'pay') {
        const parsed = parseObject(bodyText, true);
        if (!parsed.ok) return parsed.response;
        const opts = parsePayOptions(parsed.value);
        if (typeof opts === 'string') return fail(400, opts);
        return run(() => control.pay(id, opts));
      }
      if (action === 'deny') return run(() => control.deny(id));
      if (action === 'review') {
        const parsed = parseObject(bodyText, false);
        if (!parsed.ok) return parsed.response;
        const decision = parsed.value['decision'];
        if (decision !== 'accept' && decision !== 'deny')
          return fail(400, 'decision must be "accept" or "deny"');
        return run(() => control.review(id, decision));
      }
      if (action === 'expire') return run(() => control.expire(id));
      if (action === 'refund' || action === 'chargeback') {
        const parsed = parseObject(bodyText, true);
        if (!parsed.ok) return parsed.response;
        const refund = parseDashboardRefund(parsed.value);
        if (typeof refund === 'string') return fail(400, refund);
        if (action === 'refund') return run(() => control.refund(id, refund));
        if (refund.reason !== undefined) return fail(400, 'a chargeback takes an amount only');
        return run(() => control.chargeback(id, refund.amount));
      }
    }
  }
  if (area === 'refund-rules' && route === 'POST 1') {
    const parsed = parseObject(bodyText, false);
    if (!parsed.ok) return parsed.response;
    const rules = parseRefundRules(parsed.value);
    if (typeof rules === 'string') return fail(400, rules);
    return run(() => control.setRefundRules(rules));
  }
  if (area === 'faults' && segments.length === 1) {
    if (method === 'DELETE') return run(() => control.clearFaults());
    if (method === 'POST') {
      const parsed = parseObject(bodyText, false);
      if (!parsed.ok) return parsed.response;
      const rule = parseFaultRule(parsed.value);
      if (typeof rule === 'string') return fail(400, rule);
      return run(() => control.injectFault(rule), 201);
    }
  }
  if (area === 'clock' && id === 'advance' && route === 'POST 2') {
    const parsed = parseObject(bodyText, false);
    if (!parsed.ok) return parsed.response;
    const ms = parsed.value['ms'];
    if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) {
      return fail(400, 'ms must be a non-negative integer');
    }
    return run(() => control.advanceClock(ms));
  }
  if (area === 'latency' && route === 'POST 1') {
    const parsed = parseObject(bodyText, false);
    if (!parsed.ok) return parsed.response;
    const ms = parsed.value['ms'];
    if (typeof ms !== 'number') return fail(400, 'ms must be a non-negative integer');
    return run(() => control.setLatency(ms));
  }
  if (area === 'requests' && segments.length === 1) {
    if (method === 'GET') return jsonResponse(200, { requests: control.requests() });
    if (method === 'DELETE') return run(() => control.clearRequests());
  }
  return fail(404, `no control endpoint ${method} /_emulator/${segments.join('/')}`);
}
