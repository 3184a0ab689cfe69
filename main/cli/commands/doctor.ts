/**
 * `kiosk doctor`: can this till take a payment? Configuration, key, data folder, journal and
 * gateway, each checked on its own so support staff see every problem at once. Exit 5 if any
 * check fails; warnings (an odd-looking key) do not fail.
 */
import { ConfigError, configFromEnv, defaultDataDir, type KioskConfig } from '../../host/env-config.ts';
import { parseCommand } from '../args.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { table } from '../format.ts';
import type { Output } from '../io.ts';
import { withKiosk } from '../services.ts';
import {
  dataDirCheck,
  gatewayCheck,
  gatewayClient,
  journalCheck,
  keyCheck,
  type Check,
} from './doctor-checks.ts';

const OPTIONS = { json: { type: 'boolean' } } as const;

export async function doctorCommand(
  argv: readonly string[],
  out: Output,
  env: NodeJS.ProcessEnv,
): Promise<ExitCode> {
  const { values } = parseCommand('doctor', argv, OPTIONS, []);
  const checks = await runChecks(env);
  const ok = checks.every((c) => c.verdict !== 'fail');
  if (values.json === true) {
    out.json({ ok, checks });
  } else {
    const rows = checks.map((c) => [c.verdict.toUpperCase(), c.name, c.detail]);
    for (const line of table(['', 'CHECK', 'DETAIL'], rows).slice(1)) out.line(line);
    out.line(ok ? 'All checks passed.' : 'Some checks failed.');
  }
  return ok ? EXIT.ok : EXIT.doctorFailed;
}

async function runChecks(env: NodeJS.ProcessEnv): Promise<Check[]> {
  const checks: Check[] = [];
  let config: KioskConfig | undefined;
  try {
    config = configFromEnv(env);
    const gateway =
      config.apiUrl ?? (config.mode === 'training' ? 'the built-in emulator' : `Midtrans ${config.mode}`);
    checks.push({ name: 'config', verdict: 'pass', detail: `${config.mode} mode, gateway: ${gateway}` });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    checks.push({ name: 'config', verdict: 'fail', detail: error.message });
  }
  const dataDir = config?.dataDir ?? (env.KIOSK_DATA_DIR?.trim() || defaultDataDir(env));
  if (config !== undefined) checks.push(keyCheck(config));
  const dir = dataDirCheck(dataDir);
  checks.push(dir);
  const journal =
    dir.verdict === 'pass' ? journalCheck(dataDir) : skip('journal', 'the data folder is not usable');
  checks.push(journal);
  checks.push(await probeGateway(config, journal));
  return checks;
}

async function probeGateway(config: KioskConfig | undefined, journal: Check): Promise<Check> {
  if (config === undefined) return skip('gateway', 'the configuration is not valid');
  if (config.mode === 'training') {
    // The built-in emulator lives inside the kiosk's services, which need the journal.
    if (journal.verdict !== 'pass')
      return skip('gateway', 'training mode starts its emulator with the journal');
    return withKiosk(config, (services) => gatewayCheck(services.client, 'built-in emulator at'));
  }
  let client;
  try {
    client = gatewayClient(config);
  } catch (error) {
    return {
      name: 'gateway',
      verdict: 'fail',
      detail: `MIDTRANS_SERVER_KEY or MIDTRANS_API_URL: ${(error as Error).message}`,
    };
  }
  try {
    return await gatewayCheck(
      client,
      config.apiUrl === undefined ? `Midtrans ${config.mode} at` : 'gateway at',
    );
  } finally {
    client.close();
  }
}

function skip(name: string, why: string): Check {
  return { name, verdict: 'skip', detail: `not checked: ${why}` };
}
