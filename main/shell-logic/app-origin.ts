/**
 * The one origin the kiosk's windows load from, `app://kiosk`, and the pages it has. Every
 * check compares parsed URL parts, never string prefixes: `app://kiosk.evil/` and
 * `app://kiosk@evil/` start with the same characters.
 *
 * Node's URL parser treats `app:` as a non-special scheme and reports its origin as "null", so
 * scheme and host are compared one by one instead of `url.origin`.
 */
import { ROLES, type Role } from '../../common/contract.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The paths a role's page answers on; the first is the one windows are opened with. */
const PAGE_PATHS: Readonly<Record<Role, readonly string[]>> = {
  cashier: ['/cashier/', '/cashier/index.html'],
  display: ['/display/', '/display/index.html'],
};

export function pageUrl(role: Role): string {
  return `${APP_ORIGIN}${PAGE_PATHS[role][0]}`;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function isAppParts(url: URL): boolean {
  // `host` includes any port, so `app://kiosk:1/` is refused along with other hosts.
  return (
    url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
  );
}

export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && isAppParts(parsed);
}

/** The role whose page this path is (already parsed, so dot segments are resolved). */
export function roleOfPagePath(pathname: string): Role | undefined {
  return ROLES.find((role) => PAGE_PATHS[role].includes(pathname));
}

/** The role of an app page's URL (query and fragment ignored); undefined for anything else. */
export function roleOfPageUrl(url: string): Role | undefined {
  const parsed = parse(url);
  if (parsed === undefined || !isAppParts(parsed)) return undefined;
  return roleOfPagePath(parsed.pathname);
}

/**
 * An origin fit for a log line: scheme and host only, so a path or query (which could carry
 * anything a page put there) is never written out.
 */
export function logOrigin(url: string): string {
  const parsed = parse(url);
  if (parsed === undefined) return '(not a URL)';
  return parsed.host === '' ? parsed.protocol : `${parsed.protocol}//${parsed.host}`;
}
