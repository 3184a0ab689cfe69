import type { ErrorTransport } from './types.ts';

/**
 * A fully rendered answer. Keeping answers as plain data (rather than writing straight to the
 * socket) lets the idempotency cache replay them byte for byte and lets faults mangle them.
 */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const JSON_TYPE = 'application/json';

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): WireResponse {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: Buffer.from(JSON.stringify(body)),
  };
}

/**
 * HTTP status for a Midtrans body status_code (reference §6.3). 'openapi' follows the docs'
 * OpenAPI specs: only 400, 401, 429 and 5xx travel on the status line, every other code rides
 * in an HTTP 200 body. 'mirror' copies every error code onto the status line. A 407 is the
 * normal answer about an expired order, never an error, so it is HTTP 200 in both modes.
 */
export function httpStatusFor(statusCode: number, transport: ErrorTransport): number {
  if (!Number.isInteger(statusCode) || statusCode < 400 || statusCode === 407) return 200;
  if (transport === 'mirror') return statusCode;
  return statusCode === 400 || statusCode === 401 || statusCode === 429 || statusCode >= 500
    ? statusCode
    : 200;
}

/** A Midtrans JSON answer, its HTTP status chosen from the body's status_code. */
export function midtransResponse(body: Record<string, unknown>, transport: ErrorTransport): WireResponse {
  return jsonResponse(httpStatusFor(Number(body['status_code']), transport), body);
}

/** Whether an answer counts as successful for the idempotency cache. */
export function isSuccessful(response: WireResponse): boolean {
  if (response.status < 200 || response.status > 299) return false;
  if (!response.headers['content-type']?.startsWith(JSON_TYPE)) return true;
  try {
    const parsed: unknown = JSON.parse(response.body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('status_code' in parsed)) return true;
    const code = Number(parsed.status_code);
    // The expire action's own success answer is "407".
    return code < 400 || code === 407;
  } catch {
    return false;
  }
}

const NOT_FOUND_HTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>- Ups -</title></head>
<body>
<h1>- Ups -</h1>
<p>Sorry, the page you are looking for could not be found.</p>
<p><small>Midtrans emulator</small></p>
</body>
</html>
`;

/** Unknown paths get an HTML page, as the real gateway's front end answers (reference §6.2). */
export function htmlNotFound(): WireResponse {
  return htmlResponse(404, NOT_FOUND_HTML);
}

export function htmlResponse(status: number, html: string): WireResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(html) };
}
