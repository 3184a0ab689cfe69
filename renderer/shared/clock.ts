/**
 * Countdowns shown on a screen must agree with the deadline the main process enforces, so they
 * are measured on the main process's clock: every snapshot and display state carries its
 * `serverNow`, and the difference to the screen's own clock is applied to every reading.
 */

/** What to add to this screen's clock to read the main process's clock. */
export function clockOffset(serverNow: number, localNow: number): number {
  return serverNow - localNow;
}

/** Milliseconds left until `deadline` (main-process clock), never negative. */
export function remainingMs(deadline: number, offset: number, localNow: number): number {
  return Math.max(0, deadline - (localNow + offset));
}

/**
 * mm:ss, rounded up: "00:01" stays until the last second has really gone, so a customer never
 * sees 00:00 while the code still works. Minutes are not wrapped into hours (a payment window
 * longer than an hour reads "75:00").
 */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
