/**
 * The CLI as a function: argv and the environment in, lines on the given streams, an exit code
 * out. kiosk.ts wires it to the process; tests call it in-process too.
 */
import { SaleInputError } from '../checkout/engine.ts';
import { MidtransError } from '../midtrans/errors.ts';
import { ConfigError, configFromEnv, type KioskConfig } from '../host/env-config.ts';
import { storedShopTime } from '../host/stored-shop-time.ts';
import { cancelCommand } from './commands/cancel.ts';
import { catalogueCommand } from './commands/catalogue.ts';
import { chargeCommand } from './commands/charge.ts';
import { doctorCommand } from './commands/doctor.ts';
import { listCommand } from './commands/list.ts';
import { pinCommand } from './commands/pin.ts';
import { logCommand } from './commands/log.ts';
import { printCommand } from './commands/print.ts';
import { receiptCommand } from './commands/receipt.ts';
import { reconcileCommand } from './commands/reconcile.ts';
import { recoverCommand } from './commands/recover.ts';
import { refundCommand } from './commands/refund.ts';
import { reportCommand } from './commands/report.ts';
import { shiftCommand } from './commands/shift.ts';
import { DayError } from '../shifts/errors.ts';
import { statusCommand } from './commands/status.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { Output, type CliIo } from './io.ts';
import { reportSaleProblems } from './sale-problems.ts';
import { USAGE, UsageError } from './usage.ts';

export type { CliIo } from './io.ts';
export { EXIT } from './exit-codes.ts';

type Command = (argv: readonly string[], out: Output, config: KioskConfig) => Promise<ExitCode>;

const COMMANDS: Readonly<Record<string, Command>> = {
  charge: chargeCommand,
  status: statusCommand,
  cancel: cancelCommand,
  recover: recoverCommand,
  list: listCommand,
  log: logCommand,
  report: reportCommand,
  catalogue: catalogueCommand,
  refund: refundCommand,
  pin: pinCommand,
  receipt: receiptCommand,
  print: printCommand,
  reconcile: reconcileCommand,
};

const HELP = new Set(['help', '--help', '-h']);

export async function runKiosk(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const out = new Output(io, [io.env.MIDTRANS_SERVER_KEY]);
  const [name, ...rest] = argv;
  try {
    if (name === undefined) throw new UsageError('no command given', 'Tidak ada perintah.');
    if (HELP.has(name) || rest.some((arg) => HELP.has(arg))) {
      io.stdout.write(USAGE);
      return EXIT.ok;
    }
    // doctor reports a bad configuration as one of its findings rather than refusing to start.
    if (name === 'doctor') return await doctorCommand(rest, out, io.env);
    // The cashier's PIN comes from the environment, like the server key.
    if (name === 'shift') return await shiftCommand(rest, out, configFromEnv(io.env), io.env);
    const command = COMMANDS[name];
    if (command === undefined)
      throw new UsageError(`unknown command "${name}"`, `Perintah "${name}" tidak dikenal.`);
    const config = configFromEnv(io.env);
    // The app's own zone and cut-off, so the CLI files and prints days exactly as the app does.
    return await command(rest, out, { ...config, shopTime: storedShopTime(config.dataDir) });
  } catch (error) {
    return reportFailure(out, error);
  }
}

function reportFailure(out: Output, error: unknown): ExitCode {
  if (error instanceof UsageError) {
    out.refusal('usage', error.words);
    out.note('run "kiosk help" for usage (petunjuk: "kiosk help")');
    return EXIT.usage;
  }
  if (error instanceof ConfigError) {
    out.refusal(`configuration: ${error.variable}`, {
      id: `Konfigurasi tidak valid: periksa variabel ${error.variable}.`,
      en: error.message,
    });
    return EXIT.usage;
  }
  if (error instanceof DayError) {
    out.refusal(`refused (${error.code}), nothing was written`, error.words);
    for (const problem of error.problems.slice(1)) out.refusal(problem.field, problem.message);
    return EXIT.usage;
  }
  if (error instanceof SaleInputError) {
    reportSaleProblems(out, error.problems, {});
    return EXIT.usage;
  }
  if (error instanceof MidtransError && error.operation === 'configure') {
    out.refusal('configuration: MIDTRANS_SERVER_KEY or MIDTRANS_API_URL', {
      id: 'Konfigurasi tidak valid: periksa MIDTRANS_SERVER_KEY atau MIDTRANS_API_URL.',
      en: error.message,
    });
    return EXIT.usage;
  }
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  out.note(`unexpected error: ${what}`);
  out.note('"kiosk doctor" checks the configuration, the data folder, the journal and the gateway');
  return EXIT.unexpected;
}
