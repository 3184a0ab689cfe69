/**
 * Plain HTTP for browser mode: the two pages and the build's assets. Everything else, including
 * any other method than GET and HEAD, is refused.
 *
 * A page is static and holds no secret; the token only opens the WebSocket. So a page asked for
 * without a token is served (it takes the token kept from its first visit out of sessionStorage,
 * which is how a reload works after the page removed the token from the address bar), while a
 * page asked for with a wrong token — another run's address — gets the bilingual 401 page.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { acceptedHost, type HostPolicy } from './host-check.ts';
import { NOT_BUILT_PAGE, WRONG_TOKEN_PAGE, pageRole, readPage } from '../screen-pages/pages.ts';
import { parseTarget } from './request-target.ts';
import { securityHeaders } from '../screen-pages/security-headers.ts';
import { isAssetPath, resolveAsset } from '../screen-pages/static-assets.ts';
import { tokenMatches, type RoleTokens } from './tokens.ts';

export interface HttpContext {
  staticDir: string;
  tokens: RoleTokens;
  /** Known once the server listens (the port may be chosen by the system). */
  policy(): HostPolicy;
}

const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

async function handle(ctx: HttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const policy = ctx.policy();
  const host = acceptedHost(policy, req.headers.host);
  if (host === undefined) {
    // 421 tells a client it reached the wrong server, which a rebound name has.
    const base = securityHeaders(new URL(policy.origin).host);
    send(
      req,
      res,
      421,
      { ...base, 'content-type': TEXT, 'cache-control': 'no-store' },
      'Misdirected request\n',
    );
    return;
  }
  const base = { ...securityHeaders(host), 'cache-control': 'no-store' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, 405, { ...base, allow: 'GET, HEAD', 'content-type': TEXT }, 'Method not allowed\n');
    return;
  }
  const target = parseTarget(req.url);
  const role = target === undefined ? undefined : pageRole(target.rawPath);
  if (target !== undefined && role !== undefined) {
    const token = target.query.get('token');
    if (token !== null && !tokenMatches(token, ctx.tokens[role])) {
      send(req, res, 401, { ...base, 'content-type': HTML }, WRONG_TOKEN_PAGE);
      return;
    }
    const page = await readPage(ctx.staticDir, role);
    if (page === undefined) send(req, res, 503, { ...base, 'content-type': HTML }, NOT_BUILT_PAGE);
    else send(req, res, 200, { ...base, 'content-type': HTML }, page);
    return;
  }
  const asset = target !== undefined && isAssetPath(target.rawPath);
  const found = asset ? await resolveAsset(ctx.staticDir, target.rawPath) : undefined;
  if (found === undefined) {
    send(req, res, 404, { ...base, 'content-type': TEXT }, 'Not found\n');
    return;
  }
  res.writeHead(200, {
    ...base,
    'cache-control': found.cacheControl,
    'content-type': found.contentType,
    'content-length': String(found.size),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(found.file), res);
}

export function createRequestHandler(ctx: HttpContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, req, res).catch(() => {
      // A file that vanished mid-stream or a client that left: nothing useful can be sent now.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const base = securityHeaders(new URL(ctx.policy().origin).host);
      send(req, res, 500, { ...base, 'content-type': TEXT, 'cache-control': 'no-store' }, 'Internal error\n');
    });
  };
}
