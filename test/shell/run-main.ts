/**
 * Runs a BUILT main bundle (out/main/index.js under FAKE_ELECTRON_APP_PATH) in plain Node with
 * `electron` mapped to test/shell/fake-electron.ts, plays Electron's part (ready, a sale over
 * the registered IPC handlers, closing the cashier window) and prints what happened as one
 * `FACTS {json}` line. test/shell/main-smoke.test.ts spawns it and asserts on the facts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commandChannel, eventChannel } from '../../common/ipc-channels.ts';

const fakeUrl = new URL('./fake-electron.ts', import.meta.url).href;
registerHooks({
  resolve: (specifier, context, next) =>
    specifier === 'electron' ? { url: fakeUrl, shortCircuit: true } : next(specifier, context),
});
const { BrowserWindow, app, emitReady, record } = await import('./fake-electron.ts');

const appRoot = process.env.FAKE_ELECTRON_APP_PATH ?? '';
const facts: Record<string, unknown> = {};
const fail = (why: string) => {
  console.log(`FACTS ${JSON.stringify({ ...facts, failed: why })}`);
  process.exit(3);
};
setTimeout(() => fail('timed out'), 15_000).unref();

async function until(what: string, test: () => boolean): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (test()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  fail(`never: ${what}`);
}

await import(pathToFileURL(join(appRoot, 'out/main/index.js')).href);
facts.beforeReady = {
  schemes: record.privilegedSchemes,
  sandbox: record.sandboxEnabledBeforeReady,
  singleInstance: record.singleInstanceRequestedBeforeReady,
  userData: app.getPath('userData'),
};
emitReady();
await until(
  'two windows shown',
  () => BrowserWindow.all.length === 2 && BrowserWindow.all.every((w) => w.visible !== 'hidden'),
);

const byUrl = (url: string) => BrowserWindow.all.find((w) => w.webContents.url === url);
const cashier = byUrl('app://kiosk/cashier/');
const display = byUrl('app://kiosk/display/');
if (cashier === undefined || display === undefined) fail('windows not at their app:// pages');
const windows = { cashier: cashier!, display: display! };

facts.windows = Object.fromEntries(
  Object.entries(windows).map(([role, w]) => {
    const prefs = w.options['webPreferences'] as Record<string, unknown>;
    return [
      role,
      {
        visible: w.visible,
        preloadExists: existsSync(String(prefs['preload'])),
        preload: String(prefs['preload']).slice(appRoot.length),
        sandbox: prefs['sandbox'],
        contextIsolation: prefs['contextIsolation'],
        nodeIntegration: prefs['nodeIntegration'],
        newWindow: w.webContents.windowOpenHandler?.({ url: 'https://example.com/' }).action,
        navigationGuarded: w.webContents.listenerCount('will-navigate') > 0,
      },
    ];
  }),
);
facts.ipcChannels = record.invokeHandlers.size;
facts.session = record.sessionHardened;
facts.blockersWhileOpen = record.blockers.size;
facts.menu = record.menu;

const page = await record.protocolHandlers.get('app')?.(new Request('app://kiosk/cashier/'));
facts.page = { status: page?.status, csp: page?.headers.get('content-security-policy') };

type Outcome = { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
const invoke = async (
  role: keyof typeof windows,
  command: Parameters<typeof commandChannel>[0],
  payload: unknown,
) => {
  const contents = windows[role].webContents;
  const handler = record.invokeHandlers.get(commandChannel(command));
  return (await handler?.({ sender: contents, senderFrame: contents.mainFrame }, payload)) as Outcome;
};

facts.displayStartsSale = await invoke('display', 'sale.start', { amount: 44000, paymentType: 'qris' });
const started = await invoke('cashier', 'sale.start', { amount: 44000, paymentType: 'qris' });
const orderId = String(started.value?.['orderId']);
const sentTo = (
  role: keyof typeof windows,
  event: string,
  test: (payload: Record<string, unknown>) => boolean,
) =>
  windows[role].webContents.sent.some(
    ([c, p]) => c === eventChannel(event) && test(p as Record<string, unknown>),
  );
await until('QR on the display', () =>
  sentTo('display', 'display', (p) => (p['scene'] as { kind: string }).kind === 'qr'),
);
await invoke('cashier', 'sale.simulate', { orderId, outcome: 'pay' });
await until('paid on the cashier', () =>
  sentTo('cashier', 'order', (p) => (p['order'] as { state: string }).state === 'settlement'),
);
await until('paid on the display', () =>
  sentTo('display', 'display', (p) => (p['scene'] as { kind: string }).kind === 'paid'),
);
facts.sale = 'paid on both';
facts.displayEventsOnly = windows.display.webContents.sent.every(([c]) => c === eventChannel('display'));

const key = `SB-Mid-server-smoke${Date.now()}`;
await invoke('cashier', 'manager.createPin', { pin: '582914' });
const keySet = await invoke('cashier', 'key.set', { environment: 'sandbox', key });
facts.keyStored = (keySet.value?.['keys'] as Record<string, { stored: boolean }> | undefined)?.['sandbox']
  ?.stored;
const settingsFile = join(app.getPath('userData'), 'settings.json');
facts.settingsFileHasKey = readFileSync(settingsFile, 'utf8').includes(key);
facts.answersCarryKey = JSON.stringify(keySet).includes(key);

windows.display.close();
facts.displayClosedAlone = windows.display.isDestroyed();

record.onExit = (code) => {
  facts.exit = {
    code,
    displayClosed: windows.display.isDestroyed(),
    blockersAfter: record.blockers.size,
  };
  console.log(`FACTS ${JSON.stringify(facts)}`);
  process.exit(code);
};
windows.cashier.close();
