/**
 * `npm run bench [-- group ...]`: measures the kiosk against its performance goals and prints
 * each figure with its goal. It never fails on a missed goal (these are figures to watch, and
 * a shared CI machine is too noisy to gate on); it exits non-zero only when a group crashes.
 *
 * Groups: qr (charge → QR ready), settle (settlement → event), journal (1,000,000 orders),
 * memory (10,000 sales), screens (event → QR painted in Chromium, bundle sizes), catalogue
 * (search-as-you-type and add-by-barcode over 10,000 items, the pure functions), cashier (the
 * same two in the real cashier screen in Chromium), receipts (rendering to ESC/POS, print job →
 * last byte at a fake printer), day (the Z report of a 7,000-sale day), history (search and
 * detail over 1,000,000 orders). No argument runs them all.
 */
import { benchCashierScreen } from './cashier-screen.ts';
import { benchCatalogue } from './catalogue.ts';
import { benchHistory } from './history-search.ts';
import { benchJournal } from './journal-scale.ts';
import { benchMemory } from './memory.ts';
import { benchQrReady } from './qr-ready.ts';
import { benchReceipts } from './receipts.ts';
import { benchReconcile } from './reconcile.ts';
import { benchScreens } from './screens.ts';
import { benchSettlement } from './settlement.ts';
import { Report } from './stats.ts';
import { benchZReport } from './z-report.ts';

const GROUPS: Readonly<Record<string, (report: Report) => Promise<void>>> = {
  qr: benchQrReady,
  settle: benchSettlement,
  journal: benchJournal,
  memory: benchMemory,
  screens: benchScreens,
  catalogue: benchCatalogue,
  cashier: benchCashierScreen,
  receipts: benchReceipts,
  day: benchZReport,
  history: benchHistory,
  reconcile: benchReconcile,
};

function chosenGroups(argv: readonly string[]): string[] {
  const names = argv.filter((a) => !a.startsWith('-'));
  if (names.length === 0) return Object.keys(GROUPS);
  const unknown = names.filter((n) => !Object.hasOwn(GROUPS, n));
  if (unknown.length > 0) {
    console.error(
      `unknown bench group(s): ${unknown.join(', ')}; choose from ${Object.keys(GROUPS).join(', ')}`,
    );
    process.exit(2);
  }
  return names;
}

async function main(): Promise<void> {
  const groups = chosenGroups(process.argv.slice(2));
  const report = new Report();
  const started = performance.now();
  console.log(
    `kiosk bench — node ${process.version}, ${process.platform}/${process.arch}; groups: ${groups.join(', ')}`,
  );
  let crashed = false;
  for (const name of groups) {
    const run = GROUPS[name];
    if (run === undefined) continue;
    const groupStarted = performance.now();
    try {
      await run(report);
    } catch (error) {
      crashed = true;
      console.error(`\n!! bench group "${name}" crashed:`, error);
    }
    console.log(`  (${name}: ${((performance.now() - groupStarted) / 1000).toFixed(1)} s)`);
  }
  console.log(`\n== Summary (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  console.log(report.summaryTable());
  const met = report.lines.filter((l) => l.met === true).length;
  const missed = report.lines.filter((l) => l.met === false).length;
  console.log(`\n${met} goal(s) met, ${missed} missed.`);
  process.exitCode = crashed ? 1 : 0;
}

await main();
