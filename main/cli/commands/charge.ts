/**
 * `kiosk charge`: one sale through the till, priced with the kiosk's own settings, paid by
 * QRIS/GoPay, in cash, or both; its progress as JSON lines on stdout (sale-run.ts). Everything
 * typed is judged before anything is journaled.
 */
import { DEFAULT_KIOSK_TIMEOUT_MS } from '../../checkout/engine.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import { parseCommand, secondsOption } from '../args.ts';
import { OldFormRefusal, readChargeForm, type ChargeForm } from '../charge-request.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { reportSaleProblems } from '../sale-problems.ts';
import { runSale, SIMULATIONS, type Simulation } from '../sale-run.ts';
import { withKiosk } from '../services.ts';
import { cliTill, readTillSettings } from '../till-settings.ts';
import { UsageError } from '../usage.ts';

/** The engine expires an unpaid QR itself at the kiosk timeout; this margin lets that finish. */
const WAIT_MARGIN_MS = 60_000;

const OPTIONS = {
  type: { type: 'string' },
  item: { type: 'string', multiple: true },
  sku: { type: 'string', multiple: true },
  discount: { type: 'string' },
  cash: { type: 'string' },
  wait: { type: 'boolean' },
  timeout: { type: 'string' },
  simulate: { type: 'string' },
} as const;

function simulationOption(text: string | undefined): Simulation | undefined {
  if (text === undefined) return undefined;
  const found = SIMULATIONS.find((s) => s === text);
  if (found === undefined)
    throw new UsageError(
      `--simulate must be one of ${SIMULATIONS.join(', ')}, not "${text}"`,
      `--simulate harus salah satu dari ${SIMULATIONS.join(', ')}, bukan "${text}".`,
    );
  return found;
}

export async function chargeCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values, positionals } = parseCommand('charge', argv, OPTIONS, ['amount']);
  const simulate = simulationOption(values.simulate);
  if (simulate !== undefined && config.mode !== 'training') {
    throw new UsageError(
      `--simulate drives the built-in emulator, which only training mode has (KIOSK_MODE is ${config.mode})`,
      `--simulate memakai emulator bawaan, yang hanya ada di mode latihan (KIOSK_MODE sekarang ${config.mode}).`,
    );
  }
  const timeoutMs = secondsOption(
    'timeout',
    values.timeout,
    (config.kioskTimeoutMs ?? DEFAULT_KIOSK_TIMEOUT_MS) + WAIT_MARGIN_MS,
  );
  // Without --wait (or --simulate, which waits) the command returns at QR ready: a timeout would
  // silently mean nothing, and the order is followed by the engine's own deadline instead.
  if (values.timeout !== undefined && values.wait !== true && simulate === undefined) {
    throw new UsageError(
      '--timeout limits how long --wait waits; add --wait, or leave --timeout out (the kiosk timeout, KIOSK_TIMEOUT_SECONDS, ends an unpaid QR)',
      '--timeout membatasi lama --wait menunggu; tambahkan --wait, atau hapus --timeout (batas waktu kiosk, KIOSK_TIMEOUT_SECONDS, mengakhiri QR yang belum dibayar).',
    );
  }
  let form: ChargeForm;
  try {
    form = readChargeForm(values, positionals[0], config);
  } catch (error) {
    if (!(error instanceof OldFormRefusal)) throw error;
    reportSaleProblems(out, error.problems, error.typed);
    return EXIT.usage;
  }
  if (form.tender.kind === 'cash' && simulate !== undefined) {
    throw new UsageError(
      '--simulate plays the customer paying a QR, and a cash sale has none; for cash and QRIS together add --type',
      '--simulate memerankan pelanggan membayar QR, dan penjualan tunai tidak punya QR; untuk tunai dan QRIS sekaligus tambahkan --type.',
    );
  }
  const stored = readTillSettings(config.dataDir);
  for (const note of stored.notes) out.note(note);
  return withKiosk(
    config,
    (services) =>
      runSale(out, services, form, {
        simulate,
        wait: values.wait === true,
        timeoutMs,
        settings: stored.settings,
      }),
    { till: cliTill(stored) },
  );
}
