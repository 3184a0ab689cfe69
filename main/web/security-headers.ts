/**
 * Headers every response carries. The CSP allows only this server's own scripts, styles and
 * fonts, data: images (the QR arrives as a data: URL) and a WebSocket back to this same host, so
 * even injected markup could neither run code nor send anything elsewhere.
 */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://${host}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `host` is the request's own, already checked, `host:port`. */
export function securityHeaders(host: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(host),
    'x-content-type-options': 'nosniff',
    // The token is in the page's URL: it must never leave in a Referer.
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };
}
