/** `kiosk report`: the end-of-day count, by final state, payment type and issuer, and the day's refunds. */
import type { KioskConfig } from '../../host/env-config.ts';
import { dateOption, parseCommand } from '../args.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { alignRight, rupiah, table } from '../format.ts';
import type { Output } from '../io.ts';
import { withKiosk } from '../services.ts';
import { dayReportCommand, isDayReportKind } from './day-report.ts';

const OPTIONS = { date: { type: 'string' }, json: { type: 'boolean' } } as const;

export async function reportCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (isDayReportKind(first)) return dayReportCommand(first, rest, out, config);
  const { values } = parseCommand('report', argv, OPTIONS, []);
  const date = dateOption(values.date);
  return withKiosk(config, async ({ engine }) => {
    const report = engine.report(date);
    if (values.json === true) {
      out.json(report);
      return EXIT.ok;
    }
    out.line(`Sales of ${report.date} (shop-local day)`);
    if (report.lines.length === 0 && report.refunds.length === 0) {
      out.line('No sales.');
      return EXIT.ok;
    }
    const rows = alignRight(
      report.lines.map((l) => [
        l.state,
        l.paymentType,
        l.issuer === '' ? '-' : l.issuer,
        String(l.count),
        rupiah(l.amount),
      ]),
      4,
    );
    for (const line of table(['STATE', 'TYPE', 'ISSUER', 'COUNT', 'AMOUNT'], rows)) out.line(line);
    out.line(`Settled: ${report.settledCount} sale(s), ${rupiah(report.settledAmount)}`);
    if (report.openCount > 0) out.line(`Still open: ${report.openCount} sale(s); run "kiosk recover"`);
    if (report.refunds.length > 0) {
      out.line('');
      out.line('Refunds made that day (whatever day the sale was paid):');
      const refundRows = alignRight(
        report.refunds.map((l) => [
          l.state === 'requested' ? 'in doubt' : l.origin === 'kiosk' ? 'refunded' : l.origin,
          l.tender,
          l.paymentType,
          l.issuer === '' ? '-' : l.issuer,
          String(l.count),
          rupiah(l.amount),
        ]),
        5,
      );
      for (const line of table(['REFUND', 'TENDER', 'TYPE', 'ISSUER', 'COUNT', 'AMOUNT'], refundRows))
        out.line(line);
      out.line(`Refunded: ${report.refundedCount} refund(s), ${rupiah(report.refundedAmount)}`);
      out.line(`Settled less QRIS/GoPay refunds: ${rupiah(report.settledNetAmount)}`);
      if (report.refundsInDoubt > 0) {
        out.line(`Being confirmed: ${report.refundsInDoubt} refund(s); run "kiosk recover"`);
      }
    }
    return EXIT.ok;
  });
}
