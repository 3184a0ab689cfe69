/**
 * English, with exactly the keys of id.ts (each file's type says so to tsc, and
 * test/renderer/i18n.test.ts checks it again, with no empty strings).
 */
export { common } from './en/common.ts';
export { cashier } from './en/cashier.ts';
export { display } from './en/display.ts';
export { settings } from './en/settings.ts';
export { day } from './en/day.ts';
export { history } from './en/history.ts';
export { shopTime } from './en/shop-time.ts';
export { printing } from './en/printing.ts';
export { refunds } from './en/refunds.ts';
export { reconcile } from './en/reconcile.ts';
