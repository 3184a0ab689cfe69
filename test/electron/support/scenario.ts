/**
 * What the Electron scenarios (test/electron/*.spec.ts) share: the manager PIN they create, the
 * contract's function names each window must hold, the monitors, and the skip that keeps the
 * real-Electron project quiet where there is no binary.
 */
import { join } from 'node:path';
import { DEFAULT_MONITORS } from '../../shell/standin/screen.ts';
import { electronBinary } from './electron-launcher.ts';
import { electronMissing, test } from './fixtures.ts';

if (!electronBinary.found && process.env.TEST_WORKER_INDEX === undefined) {
  // Once, from the runner: CI output then says why the real-Electron copy of the scenarios did not run.
  console.log(
    `Electron scenarios skipped in the 'electron' project (they run on the stand-in): ${electronBinary.reason}`,
  );
}

export const REPO = join(import.meta.dirname, '../../..');
export const PIN = '582914';
/** The contract's functions (common/contract.ts CashierApi, ManagerApi, DisplayApi), nothing more. */
export const CASHIER_KEYS = [
  'answerReceipt',
  'cancel',
  'catalogue',
  'chargeAgain',
  'checkNow',
  'day',
  'history',
  'historyDetail',
  'manager',
  'onCatalogue',
  'onHealth',
  'onOrder',
  'onPrintPage',
  'onPrinting',
  'onReconcile',
  'onRefund',
  'onSale',
  'onSettings',
  'payRestInCash',
  'printPageDone',
  'printingSnapshot',
  'reconcile',
  'report',
  'reprint',
  'retryPrinting',
  'searchHistory',
  'setLanguage',
  'showCart',
  'simulate',
  'snapshot',
  'startSale',
  'voidSale',
];
export const MANAGER_KEYS = [
  'acceptWeakKeyStorage',
  'catalogue',
  'changePin',
  'clearKey',
  'createPin',
  'lock',
  'printing',
  'read',
  'refunds',
  'setKey',
  'status',
  'testKey',
  'unlock',
  'update',
];
export const DISPLAY_KEYS = ['onDisplay', 'snapshot'];
export const PRIMARY = DEFAULT_MONITORS[0]!;
export const SECOND_MONITOR = {
  id: 2,
  label: 'HP 22es',
  bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
};

/** Every scenario file calls this first: the `electron` project skips, saying why, without a binary. */
export function skipWithoutElectron(): void {
  test.skip(({ launcher }) => electronMissing(launcher) !== undefined, electronMissing('electron') ?? '');
}
