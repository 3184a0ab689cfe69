/**
 * Bahasa Indonesia, the default: words a customer or cashier reads, not technical terms
 * ("Lunas", not "settlement"). One file per namespace, re-exported here, so that each screen's
 * bundle carries only the words it shows.
 */
export { common } from './id/common.ts';
export { cashier } from './id/cashier.ts';
export { display } from './id/display.ts';
export { settings } from './id/settings.ts';
export { day } from './id/day.ts';
export { history } from './id/history.ts';
export { shopTime } from './id/shop-time.ts';
export { printing } from './id/printing.ts';
export { refunds } from './id/refunds.ts';
export { reconcile } from './id/reconcile.ts';
