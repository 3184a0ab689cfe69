import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock.ts';
import { handleApi } from './api-handlers.ts';
import type { ApiContext } from './api-handlers.ts';
import { MSG, errorBody } from './api-responses.ts';
import { isAuthorized } from './auth.ts';
import { readBody } from './body.ts';
import type { LiveSettings } from './control.ts';
import { handleControlRequest } from './control-http.ts';
import { faultResponse, malform } from './fault-responses.ts';
import type { FaultQueue } from './faults.ts';
import { usableIdempotencyKey } from './idempotency.ts';
import type { IdempotencyCache } from './idempotency.ts';
import type { RequestLog } from './request-log.ts';
import { matchRoute } from './routes.ts';
import type { ApiRoute, Route } from './routes.ts';
import { handleSimulator } from './simulator.ts';
import type { EmulatorControl, RequestTarget } from './types.ts';
import { htmlNotFound, isSuccessful, jsonResponse } from './wire.ts';
import type { WireResponse } from './wire.ts';

/**
 * The request pipeline: log → route → body → auth → latency → fault → idempotency → handler →
 * post-processing faults → answer. Faults that model a failure in front of the gateway
 * (http-error, rate-limit, body-error, reset, hang) fire before anything is processed; the ones
 * that model a failure on the way back (drop-response, malformed, a `processed` http-error) fire
 * after the effect happened.
 */

export interface PipelineDeps {
  serverKey: string;
  clock: Clock;
  log: RequestLog;
  faults: FaultQueue;
  idempotency: IdempotencyCache;
  control: EmulatorControl;
  settings: LiveSettings;
  api: ApiContext;
  /** Aborted by close(), so pending delays stop waiting. */
  signal: AbortSignal;
}

/** Chosen body for a retry that arrives while the first request with its key is still running. */
export const IN_FLIGHT_BODY = {
  message: 'A request with the same Idempotency-Key is still being processed. Retry after it has finished.',
};

function targetOf(route: Route): RequestTarget {
  return route.kind;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, response: WireResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, { ...response.headers, 'content-length': String(response.body.length) });
  res.end(response.body);
}

function unauthorized(): WireResponse {
  return jsonResponse(401, errorBody('401', MSG.unauthorized));
}

export function createRequestHandler(
  deps: PipelineDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { serverKey, clock, log, faults, idempotency, control, settings, api, signal } = deps;

  async function handleApiRoute(
    route: ApiRoute,
    bodyText: string,
    authValid: boolean,
    keyHeader: string | undefined,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    if (settings.latencyMs > 0) await sleep(settings.latencyMs, undefined, { signal });
    // QR images are hotlinked from <img> tags, so they carry no credentials (reference §2.6).
    if (route.kind !== 'qr-code' && !authValid) return send(res, unauthorized());

    const fault = faults.take(route.kind);
    switch (fault?.kind) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang':
        // Left open on purpose; close() destroys the socket.
        return;
      case 'http-error':
        if (fault.processed !== true) return send(res, faultResponse(fault));
        break;
      case 'rate-limit':
      case 'body-error':
        return send(res, faultResponse(fault));
    }

    const key = req.method === 'POST' ? usableIdempotencyKey(keyHeader) : null;
    const start = idempotency.begin(key);
    if (start.kind === 'replay') return send(res, start.response);
    if (start.kind === 'in-flight') return send(res, jsonResponse(202, IN_FLIGHT_BODY));

    let response: WireResponse;
    try {
      if (fault?.kind === 'delay') await sleep(fault.ms, undefined, { signal });
      response = await handleApi(route, bodyText, api);
    } catch (error) {
      if (key !== null) idempotency.release(key);
      throw error;
    }
    if (key !== null) idempotency.finish(key, response, isSuccessful(response));

    if (fault?.kind === 'drop-response') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'malformed') response = malform(response, fault.body);
    // The gateway acted; a proxy in front of it then failed the answer (a 502 after the commit).
    if (fault?.kind === 'http-error') response = faultResponse(fault);
    send(res, response);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const route = matchRoute(method, rawUrl);
    const authValid = isAuthorized(req.headers.authorization, serverKey);
    const keyHeader = headerValue(req.headers['idempotency-key']);
    log.add({
      method,
      path: rawUrl,
      target: targetOf(route),
      idempotencyKey: keyHeader ?? null,
      authValid,
      timeMs: clock.now(),
    });

    const body = await readBody(req);
    if (body.kind === 'aborted') return;
    if (route.kind === 'unknown') return send(res, htmlNotFound());
    if (body.kind === 'too-large') {
      // Refused at the door whatever the error transport: nothing of it was read as a request.
      return send(
        res,
        jsonResponse(
          413,
          { message: 'Request body is larger than the 16 KB limit' },
          { connection: 'close' },
        ),
      );
    }
    switch (route.kind) {
      case 'simulator':
        return send(res, handleSimulator(method, route.transactionId, api.ledger, control));
      case 'control':
        return send(
          res,
          authValid ? handleControlRequest(method, route.segments, body.text, control) : unauthorized(),
        );
      default:
        return handleApiRoute(route, body.text, authValid, keyHeader, req, res);
    }
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (signal.aborted) return;
      console.error('[midtrans-emulator] request failed:', error);
      send(res, jsonResponse(500, { message: MSG.unexpected }));
    });
  };
}
