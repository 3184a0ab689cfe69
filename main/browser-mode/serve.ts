#!/usr/bin/env node
/**
 * `npm run serve`: the kiosk in browser mode. Only process wiring lives here (environment,
 * output, signals, exit codes); browser-mode.ts opens and closes the services.
 *
 * Exit codes: 0 stopped by SIGINT/SIGTERM, 2 configuration (or the screens not built, or the
 * port taken), 1 anything unexpected.
 */
import { fileURLToPath } from 'node:url';
import { QuickItemsFileError } from '../catalogue/quick-items-file.ts';
import { ConfigError } from '../host/env-config.ts';
import { BuildMissingError, startBrowserMode, type BrowserMode } from './browser-mode.ts';

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

// Whatever an error says, the server key must not reach the terminal (or a CI log).
const secret = process.env.MIDTRANS_SERVER_KEY?.trim();
function redact(text: string): string {
  return secret ? text.split(secret).join('[server key]') : text;
}
const say = (line: string) => process.stdout.write(`${redact(line)}\n`);
const complain = (line: string) => process.stderr.write(`${redact(line)}\n`);

// A closed terminal must not crash the till with EPIPE while a sale is being followed.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

function startupFailure(error: unknown): number {
  if (error instanceof ConfigError) {
    complain(`Konfigurasi tidak valid / Invalid configuration: ${error.message}`);
    return 2;
  }
  if (error instanceof BuildMissingError) {
    complain(`Layar belum dibangun / Screens not built: ${error.message}`);
    return 2;
  }
  if (error instanceof QuickItemsFileError) {
    complain(`Konfigurasi tidak valid / Invalid configuration (KIOSK_QUICK_ITEMS_FILE): ${error.message}`);
    return 2;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES') {
    complain(
      `Port atau alamat tidak bisa dipakai / Cannot listen (${code}): choose another KIOSK_SERVE_PORT ` +
        `(0 picks a free one) or KIOSK_SERVE_HOST.`,
    );
    return 2;
  }
  complain(`Gagal memulai / Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

let running: BrowserMode;
try {
  running = await startBrowserMode(process.env, { staticDir: DEFAULT_STATIC_DIR });
} catch (error) {
  process.exit(startupFailure(error));
}

if (running.lan) {
  complain(
    `PERINGATAN: layar bisa dibuka dari jaringan di ${running.server.origin}. Siapa pun di jaringan yang ` +
      'memegang alamat bertoken bisa membukanya; alamat Cashier bisa memulai dan membatalkan penjualan.\n' +
      `WARNING: the screens are reachable from the network at ${running.server.origin}. Anyone on the ` +
      'network with the token URL can reach the screens; the Cashier URL can start and cancel sales.',
  );
}
const { resumed, otherEnvironment } = running.recovery;
if (resumed.length > 0 || otherEnvironment.length > 0) {
  complain(
    `Recovery: following ${resumed.length} unfinished order(s); ` +
      `${otherEnvironment.length} belong to another gateway environment and are left alone.`,
  );
}

say(`Kiosk mode: ${running.mode}`);
say(`Cashier: ${running.server.cashierUrl}`);
say(`Customer display: ${running.server.displayUrl}`);
say('Ready.');

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  // A second signal means "now": the journal is crash-safe, so leaving mid-call loses nothing.
  if (stopping) process.exit(signal === 'SIGINT' ? 130 : 143);
  stopping = true;
  running.close().then(
    () => process.exit(0),
    (error: unknown) => {
      complain(`Gagal berhenti dengan rapi / Did not stop cleanly: ${(error as Error).message}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
