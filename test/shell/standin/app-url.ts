/**
 * How the stand-in loads Electron's custom schemes in a stock Chromium.
 *
 * Electron registers `app:` inside the browser (protocol.registerSchemesAsPrivileged); a stock
 * Chromium has no switch for that, and Playwright can only route http(s) requests, so an `app://`
 * navigation is refused before any route sees it. The stand-in therefore loads each privileged
 * standard + secure scheme from a reserved https host of its own:
 *
 *   app://kiosk/cashier/  ⇄  https://kiosk.app.scheme.invalid/cashier/
 *
 * `.invalid` can never resolve (RFC 2606), so the pages are served by routing alone, and an
 * https origin is a secure context, as a `secure` scheme is in Electron. Every URL is translated
 * back before the shell sees it (webContents.getURL, a sender frame's url, the Request its
 * protocol handler gets), and the mapping is one to one: a page on any other origin keeps its own
 * URL, so the shell's own checks still see, and refuse, exactly what they would in Electron.
 */
const SUFFIX = '.scheme.invalid';

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The URL Chromium loads for `url`; unchanged unless its scheme is one of `schemes`. */
export function toChromiumUrl(url: string, schemes: ReadonlySet<string>): string {
  const parsed = parse(url);
  if (parsed === undefined) return url;
  const scheme = parsed.protocol.slice(0, -1);
  if (!schemes.has(scheme) || parsed.hostname === '') return url;
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  const path = parsed.pathname === '' ? '/' : parsed.pathname;
  return `https://${parsed.hostname}.${scheme}${SUFFIX}${port}${path}${parsed.search}${parsed.hash}`;
}

/** The custom-scheme URL a Chromium URL stands for, or undefined when it stands for none. */
export function fromChromiumUrl(url: string): { scheme: string; url: string } | undefined {
  const parsed = parse(url);
  if (parsed === undefined || parsed.protocol !== 'https:' || !parsed.hostname.endsWith(SUFFIX)) {
    return undefined;
  }
  const inner = parsed.hostname.slice(0, -SUFFIX.length);
  const dot = inner.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const host = inner.slice(0, dot);
  const scheme = inner.slice(dot + 1);
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  return { scheme, url: `${scheme}://${host}${port}${parsed.pathname}${parsed.search}${parsed.hash}` };
}

/** What the shell is shown for a Chromium URL: the custom-scheme URL, or the URL itself. */
export function shellUrl(url: string): string {
  return fromChromiumUrl(url)?.url ?? url;
}
