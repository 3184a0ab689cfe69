/**
 * The individual doctor checks. Each returns a verdict and plain words for support staff; none
 * throws, so one failure never hides the others. The server key is described, never shown.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Journal } from '../../journal/journal.ts';
import { MidtransClient } from '../../midtrans/client.ts';
import { MidtransError } from '../../midtrans/errors.ts';
import type { KioskConfig } from '../../host/env-config.ts';

export type Verdict = 'pass' | 'warn' | 'fail' | 'skip';

export interface Check {
  name: string;
  verdict: Verdict;
  detail: string;
}

const KEY_PREFIX = { sandbox: 'SB-Mid-server-', production: 'Mid-server-' } as const;

/** At most 6 characters, and never more than a quarter of the key, so a short key stays secret. */
export function describeKey(key: string): string {
  const shown = key.slice(0, Math.min(6, Math.floor(key.length / 4)));
  return `${shown === '' ? '' : `starts "${shown}…", `}${key.length} characters`;
}

export function keyCheck(config: KioskConfig): Check {
  if (config.mode === 'training') {
    return {
      name: 'key',
      verdict: 'pass',
      detail: "training mode: the built-in emulator's own key, kept in the data folder",
    };
  }
  const key = config.serverKey ?? '';
  const expected = KEY_PREFIX[config.mode];
  const other = config.mode === 'sandbox' ? 'production' : 'sandbox';
  const looksOther =
    config.mode === 'production' ? key.startsWith(KEY_PREFIX.sandbox) : key.startsWith(KEY_PREFIX.production);
  if (key.startsWith(expected) && !looksOther) {
    return {
      name: 'key',
      verdict: 'pass',
      detail: `MIDTRANS_SERVER_KEY set (${describeKey(key)}), a ${config.mode} server key by its prefix`,
    };
  }
  const why = looksOther
    ? `it looks like a ${other} key`
    : key.startsWith('SB-Mid-client-') || key.startsWith('Mid-client-')
      ? 'it looks like a client key; the server key is needed'
      : `${config.mode} server keys start with "${expected}"`;
  return { name: 'key', verdict: 'warn', detail: `MIDTRANS_SERVER_KEY (${describeKey(key)}): ${why}` };
}

export function dataDirCheck(dataDir: string): Check {
  const probe = join(dataDir, `.doctor-${randomUUID()}.tmp`);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(probe, 'ok');
    rmSync(probe);
    return { name: 'data-dir', verdict: 'pass', detail: `${dataDir} is writable` };
  } catch (error) {
    return {
      name: 'data-dir',
      verdict: 'fail',
      detail: `${dataDir} is not writable: ${(error as Error).message}`,
    };
  }
}

/** Opening checks the orders and runs any schema upgrade; doctor then checks the whole file. */
export function journalCheck(dataDir: string): Check {
  const file = join(dataDir, 'journal.sqlite');
  let journal: Journal;
  try {
    journal = Journal.open(file);
  } catch (error) {
    return { name: 'journal', verdict: 'fail', detail: (error as Error).message };
  }
  try {
    const problem = journal.verify();
    if (problem !== 'ok') {
      return { name: 'journal', verdict: 'fail', detail: `${file} failed its whole-file check: ${problem}` };
    }
    const open = journal.openOrders().length;
    const advice = open > 0 ? ` (run "kiosk recover" to follow them)` : '';
    return {
      name: 'journal',
      verdict: 'pass',
      detail: `${file} opens intact: ${journal.countOrders()} order(s), ${open} unfinished${advice}`,
    };
  } finally {
    journal.close();
  }
}

export function gatewayClient(config: KioskConfig): MidtransClient {
  return new MidtransClient({
    serverKey: config.serverKey ?? '',
    ...(config.apiUrl !== undefined
      ? { baseUrl: config.apiUrl }
      : { environment: config.mode === 'production' ? 'production' : 'sandbox' }),
  });
}

/** A status call for an order that cannot exist: 404 proves both the route and the key. */
export async function gatewayCheck(client: MidtransClient, label: string): Promise<Check> {
  const where = `${label} ${client.baseUrl}`;
  try {
    await client.findStatus(`KIOSK-DOCTOR-${randomUUID()}`);
    return {
      name: 'gateway',
      verdict: 'pass',
      detail: `${where} is reachable and accepted the server key (404 for a made-up order)`,
    };
  } catch (error) {
    if (!(error instanceof MidtransError)) throw error;
    return { name: 'gateway', ...gatewayFailure(error), detail: `${where}: ${gatewayFailure(error).detail}` };
  }
}

function gatewayFailure(error: MidtransError): { verdict: Verdict; detail: string } {
  switch (error.code) {
    case 'unauthorized':
      return {
        verdict: 'fail',
        detail:
          '401, the server key was refused: check MIDTRANS_SERVER_KEY is the server key of this environment (sandbox vs production)',
      };
    case 'network':
      return { verdict: 'fail', detail: `unreachable, could not connect (${error.message})` };
    case 'timeout':
      return { verdict: 'fail', detail: `unreachable, no answer in time (${error.message})` };
    case 'connection-lost':
      return { verdict: 'fail', detail: `unreachable, the connection broke (${error.message})` };
    case 'server-error':
      return { verdict: 'fail', detail: `reachable but failing, server error (${error.message})` };
    case 'rate-limited':
      return { verdict: 'warn', detail: `reachable, but rate limiting this key (429): ${error.message}` };
    case 'malformed-response':
    case 'unexpected-status':
      return {
        verdict: 'fail',
        detail: `answered, but not like the Midtrans API: is the URL right? (${error.message})`,
      };
    default:
      return { verdict: 'fail', detail: `${error.code}: ${error.message}` };
  }
}
