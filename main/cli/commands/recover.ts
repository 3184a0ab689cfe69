/**
 * `kiosk recover`: what the kiosk does at start-up, headless. Every unfinished order of this
 * environment is followed until it ends (or the timeout), its events printed as they happen.
 */
import type { KioskConfig } from '../../host/env-config.ts';
import { parseCommand, secondsOption } from '../args.ts';
import { EXIT, exitForState, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { describeOrder } from '../order-words.ts';
import { withKiosk } from '../services.ts';
import { waitUntilFinal } from '../wait.ts';

const OPTIONS = { timeout: { type: 'string' } } as const;
const DEFAULT_WAIT_MS = 120_000;

export async function recoverCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values } = parseCommand('recover', argv, OPTIONS, []);
  const timeoutMs = secondsOption('timeout', values.timeout, DEFAULT_WAIT_MS);
  return withKiosk(config, async (services) => {
    const { engine } = services;
    const off = engine.on((event) => out.json(event));
    try {
      const summary = engine.start();
      // A sale whose last charge settled just before a crash is closed as paid now.
      services.till.recover();
      out.json({ type: 'recovery', ...summary });
      if (summary.otherEnvironment.length > 0) {
        out.note(
          `${summary.otherEnvironment.length} unfinished order(s) belong to another gateway environment and were left alone: ${summary.otherEnvironment.join(', ')}`,
        );
      }
      const result = await waitUntilFinal(engine, summary.resumed, timeoutMs, out.signal);
      if (result === 'interrupted') out.note('interrupted: stopping the engine');
      const open: string[] = [];
      for (const orderId of summary.resumed) {
        const order = engine.get(orderId);
        if (order === undefined) continue;
        out.note(describeOrder(order));
        if (exitForState(order.state) === EXIT.stillOpen) open.push(orderId);
      }
      if (open.length === 0) return EXIT.ok;
      out.note(
        `${open.length} order(s) still open; the journal keeps them for the next "kiosk recover": ${open.join(', ')}`,
      );
      return EXIT.stillOpen;
    } finally {
      off();
    }
  });
}
