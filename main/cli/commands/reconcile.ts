/**
 * `kiosk reconcile`: asks the gateway about every order of a business day that reached it, at a
 * bounded rate, and prints what differs. A run left unfinished (Ctrl+C, a crash, the gateway
 * unreachable) is resumed by the next `kiosk reconcile` of the same day, or by the app.
 */
import { resolve } from 'node:path';
import { formatRupiah } from '../../../common/rupiah.ts';
import { writeFileAtomic } from '../../fs/atomic-file.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import { businessDateOf } from '../../journal/business-date.ts';
import { findingsCsv, ReconcileError } from '../../reconcile/index.ts';
import { dateOption, parseCommand } from '../args.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { table } from '../format.ts';
import type { Output } from '../io.ts';
import { withKiosk } from '../services.ts';
import { UsageError } from '../usage.ts';

const OPTIONS = {
  date: { type: 'string' },
  csv: { type: 'string' },
  rate: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function rateOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const rate = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(rate > 0) || rate > 50) {
    throw new UsageError(
      `--rate must be requests per second above 0 and at most 50, not "${text}"`,
      `--rate harus jumlah permintaan per detik di atas 0 dan paling banyak 50, bukan "${text}".`,
    );
  }
  return rate;
}

export async function reconcileCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values } = parseCommand('reconcile', argv, OPTIONS, []);
  const given = dateOption(values.date);
  const rate = rateOption(values.rate);
  return withKiosk(
    config,
    async ({ reconciler, engine }) => {
      const offset = engine.settings.utcOffsetMinutes;
      const date = given ?? businessDateOf(Date.now(), offset);
      let started;
      try {
        started = reconciler.start(date);
      } catch (error) {
        if (error instanceof ReconcileError) {
          out.refusal(`reconcile refused (${error.code})`, error.words);
          return EXIT.usage;
        }
        throw error;
      }
      out.note(
        `reconciling ${date}: ${started.total} order(s) reached the gateway, ${started.checked} already checked; ` +
          `at most ${started.rate} request(s)/s, about ${Math.ceil((started.total - started.checked) / started.rate / 60)} min`,
      );
      let lastTenth = -1;
      const off = reconciler.on((event) => {
        const tenth = event.run.total === 0 ? 10 : Math.floor((event.run.checked * 10) / event.run.total);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          out.note(`checked ${event.run.checked}/${event.run.total}, ${event.run.findings} finding(s)`);
        }
        for (const f of event.findings) out.note(`${f.severity}: ${f.kind} ${f.orderId} (${f.gateway})`);
      });
      const halt = await reconciler.settled();
      off();
      const { run, findings } = reconciler.findings(date);
      if (values.json === true) {
        for (const f of findings) out.json(f);
        out.json({ type: 'reconcile-run', ...run, halted: halt });
      } else if (findings.length === 0) {
        out.line(`No differences between the journal and the gateway for ${date}.`);
      } else {
        const rows = findings.map((f) => [
          f.severity,
          f.kind,
          f.orderId,
          f.here,
          f.gateway,
          f.adopted ? 'yes' : 'no',
        ]);
        for (const line of table(['SEVERITY', 'KIND', 'ORDER', 'HERE', 'GATEWAY', 'ADOPTED'], rows))
          out.line(line);
        for (const f of findings) out.line(`${f.orderId}: ${f.action}`);
      }
      if (values.csv !== undefined) {
        try {
          await writeFileAtomic(resolve(values.csv), findingsCsv(findings, offset));
          out.note(`wrote ${findings.length} finding(s) to ${values.csv}`);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'error';
          out.refusal('reconcile CSV not written', {
            id: `Berkas ${values.csv} tidak bisa ditulis (${code}).`,
            en: `Cannot write ${values.csv} (${code}).`,
          });
        }
      }
      if (halt !== undefined) {
        out.note(
          `the run is not finished (${halt.reason}: ${halt.message}); "kiosk reconcile --date ${date}" resumes it`,
        );
        return EXIT.stillOpen;
      }
      const risk = findings.filter((f) => f.severity !== 'notice');
      if (risk.length > 0) {
        const amount = findings.filter((f) => f.kind === 'paid-at-gateway').length;
        out.note(
          `${risk.length} finding(s) of money at risk or security (${amount} paid at the gateway, not here); ` +
            `totals of the day: ${formatRupiah(engine.report(date).settledAmount, ' ')} settled in the journal`,
        );
        return EXIT.reconcileFindings;
      }
      return EXIT.ok;
    },
    rate === undefined ? {} : { reconcile: { rate } },
  );
}
