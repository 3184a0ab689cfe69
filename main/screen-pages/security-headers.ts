/**
 * Headers for every page and asset of the screens, whichever transport serves them. The CSP
 * allows only the app's own scripts, styles and fonts and data: images (the QR arrives as a data:
 * URL read from disk in main), so even injected markup could not run code. What differs is the
 * way back to main: in the Electron app the screens use IPC, so no network connection at all is
 * allowed; in browser mode they use a WebSocket to this same host, and nothing else.
 */
const OWN_CONTENT_ONLY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
];
const NOWHERE_ELSE = ["base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"];

/** The `app://` pages of the Electron app. */
export const DESKTOP_CSP = [
  ...OWN_CONTENT_ONLY,
  "connect-src 'none'",
  ...NOWHERE_ELSE,
  "object-src 'none'",
].join('; ');

/** Browser mode: `host` is the request's own, already checked, `host:port`. */
export function contentSecurityPolicy(host: string): string {
  return [...OWN_CONTENT_ONLY, `connect-src 'self' ws://${host}`, ...NOWHERE_ELSE].join('; ');
}

function withPolicy(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    // Browser mode's token is in the page's URL: it must never leave in a Referer.
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };
}

export function desktopSecurityHeaders(): Record<string, string> {
  return withPolicy(DESKTOP_CSP);
}

export function securityHeaders(host: string): Record<string, string> {
  return withPolicy(contentSecurityPolicy(host));
}
