/**
 * `kiosk recover`: what the kiosk does at start-up, headless. Every unfinished order of this
 * environment is followed until it ends (or the timeout), its events printed as they happen; so is
 * every refund whose gateway answer was not known (looked up by its refund_key).
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
    const { engine, refunds } = services;
    const off = engine.on((event) => out.json(event));
    const offRefunds = refunds.on((event) => out.json({ type: 'refund', ...event }));
    try {
      const summary = engine.start();
      // A sale whose last charge settled just before a crash is closed as paid now.
      services.till.recover();
      const refundRecovery = refunds.start();
      out.json({ type: 'recovery', ...summary, refunds: refundRecovery });
      if (summary.otherEnvironment.length > 0) {
        out.note(
          `${summary.otherEnvironment.length} unfinished order(s) belong to another gateway environment and were left alone: ${summary.otherEnvironment.join(', ')}`,
        );
      }
      const started = Date.now();
      const result = await waitUntilFinal(engine, summary.resumed, timeoutMs, out.signal);
      if (result === 'interrupted') out.note('interrupted: stopping the engine');
      const doubtful =
        result === 'interrupted'
          ? []
          : (
              await refunds.waitForOutcome(
                refundRecovery.resumed,
                Math.max(0, timeoutMs - (Date.now() - started)),
              )
            ).filter((view) => view.state === 'requested');
      if (doubtful.length > 0) {
        out.note(
          `${doubtful.length} refund(s) still being confirmed with the gateway; the next "kiosk recover" looks them up again: ${doubtful.map((v) => v.refundKey).join(', ')}`,
        );
      }
      const open: string[] = [];
      for (const orderId of summary.resumed) {
        const order = engine.get(orderId);
        if (order === undefined) continue;
        out.note(describeOrder(order));
        if (exitForState(order.state) === EXIT.stillOpen) open.push(orderId);
      }
      if (open.length === 0) return doubtful.length === 0 ? EXIT.ok : EXIT.stillOpen;
      out.note(
        `${open.length} order(s) still open; the journal keeps them for the next "kiosk recover": ${open.join(', ')}`,
      );
      return EXIT.stillOpen;
    } finally {
      off();
      offRefunds();
    }
  });
}
