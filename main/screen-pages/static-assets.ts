/**
 * The built screens' assets (`<staticDir>/assets/<file>`). Only a plain file name is accepted:
 * no folders, no dots leading anywhere, nothing that needed decoding to look like a name, so no
 * spelling of a path can leave the assets folder.
 */
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
};

const ASSET_PREFIX = '/assets/';
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}$/;
// Vite names its output `<name>-<8 base64url characters>.<ext>`. A hash made only of lower-case
// letters, `_` and `-` is not told apart from a word and merely misses the long cache.
const HASHED = /^.+-([A-Za-z0-9_-]{8})\.[A-Za-z0-9]+$/;

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

export interface ResolvedAsset {
  file: string;
  size: number;
  contentType: string;
  cacheControl: string;
}

export function isAssetPath(rawPath: string): boolean {
  return rawPath.startsWith(ASSET_PREFIX);
}

/** The file name an asset path asks for, or undefined when it is anything but a plain name. */
export function assetName(rawPath: string): string | undefined {
  if (!isAssetPath(rawPath)) return undefined;
  // Any escape is refused outright: real asset names never need one, and decoding is how
  // `%2e%2e`, `%2f` and `%00` would otherwise sneak through.
  const name = rawPath.slice(ASSET_PREFIX.length);
  if (!SAFE_NAME.test(name) || name.includes('..')) return undefined;
  return CONTENT_TYPES[extname(name).toLowerCase()] === undefined ? undefined : name;
}

function cacheControlFor(name: string): string {
  const hash = HASHED.exec(name)?.[1];
  return hash !== undefined && /[A-Z0-9]/.test(hash) ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}

/** Undefined for a refused name or a missing file; directories are never listed or served. */
export async function resolveAsset(staticDir: string, rawPath: string): Promise<ResolvedAsset | undefined> {
  const name = assetName(rawPath);
  if (name === undefined) return undefined;
  const file = join(staticDir, 'assets', name);
  try {
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    return {
      file,
      size: info.size,
      contentType: CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
      cacheControl: cacheControlFor(name),
    };
  } catch {
    return undefined;
  }
}
