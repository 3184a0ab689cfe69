/**
 * Headers for everything the `app://` protocol answers. Unlike browser mode, the screens talk
 * to main over IPC, so the CSP allows no network connection at all: injected markup could
 * neither run code nor send anything anywhere.
 */
export const DESKTOP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // The QR arrives as a data: URL read from disk in main.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export function desktopSecurityHeaders(): Record<string, string> {
  return {
    'content-security-policy': DESKTOP_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };
}
