import type { Fault, FaultRule, FaultTarget } from './types.ts';

/**
 * Queued network and gateway failures. Rules are kept in the order they were injected and a
 * request takes the oldest rule matching its target, so a test can script "first a 503, then a
 * reset" and get exactly that sequence.
 */

const TARGETS: readonly FaultTarget[] = ['charge', 'status', 'cancel', 'expire', 'refund', 'qr-code', 'any'];
const MALFORMED_BODIES = ['html', 'truncated-json', 'empty', 'not-json-object'] as const;

/** Faults after which the request is still handled (and its effects kept). */
export function faultProcessesRequest(fault: Fault): boolean {
  if (fault.kind === 'http-error') return fault.processed === true;
  return fault.kind === 'delay' || fault.kind === 'drop-response' || fault.kind === 'malformed';
}

interface QueuedRule {
  target: FaultTarget;
  remaining: number;
  fault: Fault;
}

export class FaultQueue {
  #rules: QueuedRule[] = [];

  add(rule: FaultRule): void {
    const checked = parseFaultRule(rule);
    if (typeof checked === 'string') throw new TypeError(checked);
    this.#rules.push({ target: checked.target, remaining: checked.times ?? 1, fault: checked.fault });
  }

  clear(): void {
    this.#rules = [];
  }

  /** Consumes one use of the oldest rule that matches, if any. */
  take(target: Exclude<FaultTarget, 'any'>): Fault | undefined {
    const index = this.#rules.findIndex((r) => r.target === target || r.target === 'any');
    const rule = this.#rules[index];
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.#rules.splice(index, 1);
    return rule.fault;
  }

  size(): number {
    return this.#rules.length;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Checks a rule from an untrusted source (the HTTP control surface, or a test). Over JSON,
 * `"times": null` means unlimited because JSON has no Infinity. Returns the rule or a message.
 */
export function parseFaultRule(input: unknown): FaultRule | string {
  if (!isObject(input)) return 'a fault rule must be a JSON object';
  const target = TARGETS.find((t) => t === input['target']);
  if (!target) return `target must be one of: ${TARGETS.join(', ')}`;
  const rawTimes = input['times'];
  let times = 1;
  if (rawTimes === null || rawTimes === Infinity) times = Infinity;
  else if (rawTimes !== undefined) {
    if (!isNonNegativeInteger(rawTimes) || rawTimes < 1)
      return 'times must be a positive integer, Infinity or null';
    times = rawTimes;
  }
  const fault = parseFault(input['fault']);
  if (typeof fault === 'string') return fault;
  return { target, times, fault };
}

function parseFault(input: unknown): Fault | string {
  if (!isObject(input)) return 'fault must be an object with a "kind"';
  switch (input['kind']) {
    case 'delay': {
      const ms = input['ms'];
      if (!isNonNegativeInteger(ms)) return 'delay.ms must be a non-negative integer';
      return { kind: 'delay', ms };
    }
    case 'http-error': {
      const httpStatus = input['httpStatus'];
      if (!isNonNegativeInteger(httpStatus) || httpStatus < 400 || httpStatus > 599) {
        return 'http-error.httpStatus must be an integer from 400 to 599';
      }
      const processed = input['processed'];
      if (processed !== undefined && processed !== null && typeof processed !== 'boolean')
        return 'http-error.processed must be true or false';
      const after = processed === true ? { processed: true } : {};
      const body = input['body'];
      if (body === undefined || body === null) return { kind: 'http-error', httpStatus, ...after };
      if (typeof body === 'string' || isObject(body))
        return { kind: 'http-error', httpStatus, body, ...after };
      return 'http-error.body must be a string or an object';
    }
    case 'rate-limit': {
      const seconds = input['retryAfterSeconds'];
      if (seconds === undefined || seconds === null) return { kind: 'rate-limit' };
      if (!isNonNegativeInteger(seconds))
        return 'rate-limit.retryAfterSeconds must be a non-negative integer';
      return { kind: 'rate-limit', retryAfterSeconds: seconds };
    }
    case 'body-error': {
      const code = input['statusCode'];
      const text = typeof code === 'number' ? String(code) : code;
      if (typeof text !== 'string' || !/^[1-5]\d\d$/.test(text)) {
        return 'body-error.statusCode must be a three-digit code such as "500"';
      }
      const message = input['statusMessage'];
      if (message === undefined || message === null) return { kind: 'body-error', statusCode: text };
      if (typeof message !== 'string') return 'body-error.statusMessage must be a string';
      return { kind: 'body-error', statusCode: text, statusMessage: message };
    }
    case 'malformed': {
      const body = MALFORMED_BODIES.find((b) => b === input['body']);
      if (!body) return `malformed.body must be one of: ${MALFORMED_BODIES.join(', ')}`;
      return { kind: 'malformed', body };
    }
    case 'reset':
    case 'drop-response':
    case 'hang':
      return { kind: input['kind'] };
    default:
      return 'fault.kind must be one of: delay, http-error, rate-limit, body-error, reset, drop-response, malformed, hang';
  }
}
