/**
 * The `app://` protocol handler: serves the two built pages and their assets, nothing else.
 *
 * The URL arrives already parsed (dot segments resolved), so what is served is decided from the
 * parsed path against a fixed list: the two pages by exact path, assets through
 * `resolveAsset`, which accepts only a plain file name with a known extension. Any spelling
 * that would need decoding (`%2f`, `%2e`, `%00`, `%5c`) or contains a separator is no page and
 * no plain name, so it is a 404 without ever reaching the file system.
 */
import { readFile } from 'node:fs/promises';
import type { Role } from '../../common/contract.ts';
import { pageFile } from '../screen-pages/pages.ts';
import { resolveAsset } from '../screen-pages/static-assets.ts';
import { APP_HOST, APP_SCHEME, roleOfPagePath } from './app-origin.ts';
import { desktopSecurityHeaders } from '../screen-pages/security-headers.ts';

const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

function answer(
  request: Request,
  status: number,
  headers: Record<string, string>,
  body: Uint8Array<ArrayBuffer> | string,
): Response {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return new Response(request.method === 'HEAD' ? null : bytes, {
    status,
    headers: { ...desktopSecurityHeaders(), ...headers, 'content-length': String(bytes.byteLength) },
  });
}

const notFound = (request: Request) =>
  answer(request, 404, { 'content-type': TEXT, 'cache-control': 'no-store' }, 'Not found\n');

async function readOrUndefined(file: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

async function page(request: Request, staticDir: string, role: Role): Promise<Response> {
  const body = await readOrUndefined(pageFile(staticDir, role));
  if (body === undefined) {
    return answer(
      request,
      503,
      { 'content-type': TEXT, 'cache-control': 'no-store' },
      'Layar belum dibangun. Jalankan npm run build.\nScreens not built. Run npm run build.\n',
    );
  }
  return answer(request, 200, { 'content-type': HTML, 'cache-control': 'no-cache' }, body);
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

async function serve(request: Request, staticDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return answer(
      request,
      405,
      { allow: 'GET, HEAD', 'content-type': TEXT, 'cache-control': 'no-store' },
      'Method not allowed\n',
    );
  }
  const url = parse(request.url);
  if (
    url === undefined ||
    url.protocol !== `${APP_SCHEME}:` ||
    url.host !== APP_HOST ||
    url.username !== '' ||
    url.password !== ''
  ) {
    return notFound(request);
  }
  const role = roleOfPagePath(url.pathname);
  if (role !== undefined) return page(request, staticDir, role);
  const asset = await resolveAsset(staticDir, url.pathname);
  if (asset === undefined) return notFound(request);
  const body = await readOrUndefined(asset.file);
  if (body === undefined) return notFound(request);
  return answer(
    request,
    200,
    { 'content-type': asset.contentType, 'cache-control': asset.cacheControl },
    body,
  );
}

export function createAppProtocolHandler(options: {
  staticDir: string;
}): (request: Request) => Promise<Response> {
  const { staticDir } = options;
  return async (request) => {
    try {
      return await serve(request, staticDir);
    } catch {
      // A handler that throws leaves the window with a network error and no explanation.
      return answer(request, 500, { 'content-type': TEXT, 'cache-control': 'no-store' }, 'Internal error\n');
    }
  };
}
