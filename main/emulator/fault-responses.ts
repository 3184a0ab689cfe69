import { MSG, errorBody } from './api-responses.ts';
import type { Fault } from './types.ts';
import { jsonResponse } from './wire.ts';
import type { WireResponse } from './wire.ts';

/** Answers that stand in for the real one when a fault fires before processing. */
export function faultResponse(
  fault: Extract<Fault, { kind: 'http-error' | 'rate-limit' | 'body-error' }>,
): WireResponse {
  switch (fault.kind) {
    case 'http-error': {
      if (typeof fault.body === 'string') {
        return {
          status: fault.httpStatus,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: Buffer.from(fault.body),
        };
      }
      const body =
        fault.body ??
        (fault.httpStatus === 503
          ? { status_code: '503', status_message: 'Bank/partner is experiencing connection issue.' }
          : { message: MSG.unexpected });
      return jsonResponse(fault.httpStatus, body);
    }
    case 'rate-limit': {
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      return jsonResponse(429, { message: 'API rate limit exceeded' }, headers);
    }
    case 'body-error':
      // HTTP 200 on purpose: the error is only visible to a client that reads the body's status_code.
      return jsonResponse(200, errorBody(String(fault.statusCode), fault.statusMessage));
  }
}

/** Garbles a real answer after the request has taken effect. */
export function malform(
  response: WireResponse,
  kind: Extract<Fault, { kind: 'malformed' }>['body'],
): WireResponse {
  switch (kind) {
    case 'html':
      return {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: Buffer.from(
          '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
        ),
      };
    case 'truncated-json': {
      const text = response.body.toString('utf8');
      const cut = text.startsWith('{')
        ? text.slice(0, Math.max(1, Math.floor(text.length / 2)))
        : '{"status_code":"2';
      return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(cut) };
    }
    case 'empty':
      return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.alloc(0) };
    case 'not-json-object':
      // Valid JSON, so only a client that checks the shape (not just JSON.parse) notices.
      return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('[]') };
  }
}
