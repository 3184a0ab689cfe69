/**
 * `kiosk refund <order_id|sale_id> [AMOUNT] --reason TEXT`: gives money back for a paid order (its
 * QRIS/GoPay payment) or a paid sale (its cash first), behind the manager PIN. The refund desk
 * journals the request before it asks the gateway; an answer in doubt is looked up until --timeout,
 * and stays in the journal for the next "kiosk recover" after that.
 */
import type { RefundOutcome, RefundView } from '../../../common/refund-contract.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import { RefundError } from '../../refunds/index.ts';
import { orderIdArgument, parseCommand, secondsOption } from '../args.ts';
import { readAmount } from '../amount-text.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { rupiah } from '../format.ts';
import type { Output } from '../io.ts';
import { PinRefusedError, requireManagerPin } from '../manager-pin.ts';
import { withKiosk } from '../services.ts';
import { UsageError } from '../usage.ts';

const OPTIONS = {
  reason: { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
} as const;
/** A refund in doubt is settled after the gateway's settle window: wait a little past it. */
const DEFAULT_WAIT_MS = 60_000;

/** Refused before anything was journaled, or by the gateway: which exit says it. */
const EXIT_BY_CODE: Partial<Record<RefundError['code'], ExitCode>> = {
  'refund-invalid': EXIT.usage,
  'refund-not-allowed': EXIT.usage,
  'refund-too-large': EXIT.usage,
  'unknown-order': EXIT.usage,
  'other-environment': EXIT.usage,
  'refund-pending': EXIT.stillOpen,
};

function stateWord(view: RefundView): string {
  if (view.state === 'refunded') return 'REFUNDED';
  if (view.state === 'refused') return 'REFUSED';
  return 'IN DOUBT';
}

function describe(out: Output, outcome: RefundOutcome): void {
  const { summary } = outcome;
  const target = summary.orderId ?? summary.saleId ?? '';
  out.line(`Refund of ${target} (paid ${rupiah(summary.paid)}):`);
  for (const r of outcome.refunds) {
    const how = r.tender === 'cash' ? 'cash' : 'QRIS/GoPay';
    out.line(
      `  ${stateWord(r).padEnd(9)} ${rupiah(r.amount).padStart(12)}  ${how.padEnd(10)}  ${r.refundKey}`,
    );
  }
  out.line(`Refunded in all: ${rupiah(summary.refunded)}; left to refund: ${rupiah(summary.left)}`);
  if (summary.inDoubt > 0) out.line(`Being confirmed with the gateway: ${rupiah(summary.inDoubt)}`);
}

export async function refundCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values, positionals } = parseCommand('refund', argv, OPTIONS, ['order_id', 'amount']);
  const id = orderIdArgument('refund', positionals[0]);
  const amountText = positionals[1];
  const amount = amountText === undefined ? undefined : readAmount(amountText);
  if (typeof amount === 'string') {
    throw new UsageError(
      `the amount must be whole rupiah (44000, 44.000 or 44,000), not "${amount}"`,
      `Jumlah harus rupiah bulat (44000, 44.000 atau 44,000), bukan "${amount}".`,
    );
  }
  const reason = values.reason;
  if (reason === undefined || reason.trim() === '') {
    throw new UsageError(
      'refund needs --reason TEXT (the customer sees it in the GoPay history)',
      '"refund" memerlukan --reason TEKS (pelanggan melihatnya di riwayat GoPay).',
    );
  }
  const timeoutMs = secondsOption('timeout', values.timeout, DEFAULT_WAIT_MS);
  try {
    await requireManagerPin(out, config);
  } catch (error) {
    if (!(error instanceof PinRefusedError)) throw error;
    out.refusal('refund refused', error.words);
    return EXIT.usage;
  }
  return withKiosk(config, async (services) => {
    // Anything in doubt from an earlier run is looked up too while this one runs.
    services.refunds.start();
    const target =
      services.journal.get(id) === undefined && services.till.view(id) !== undefined
        ? { saleId: id }
        : { orderId: id };
    let outcome: RefundOutcome;
    try {
      outcome = await services.refunds.create(
        { ...target, ...(amount === undefined ? {} : { amount }), reason },
        'cli (manager PIN)',
      );
    } catch (error) {
      if (!(error instanceof RefundError)) throw error;
      out.refusal(`refund refused (${error.code})`, error.words);
      for (const problem of error.problems) out.refusal(`  ${problem.field}`, problem.message);
      return EXIT_BY_CODE[error.code] ?? EXIT.refundRefused;
    }
    if (!outcome.complete) {
      const doubtful = outcome.refunds.filter((r) => r.state === 'requested').map((r) => r.refundKey);
      const settled = await services.refunds.waitForOutcome(doubtful, timeoutMs);
      const byKey = new Map(settled.map((v) => [v.refundKey, v]));
      outcome = {
        ...outcome,
        refunds: outcome.refunds.map((r) => byKey.get(r.refundKey) ?? r),
        summary: services.refunds.summary(target),
      };
    }
    if (values.json === true) out.json({ type: 'refund', ...outcome });
    else describe(out, outcome);
    if (outcome.message !== undefined) out.refusal('note', outcome.message);
    if (outcome.refunds.some((r) => r.state === 'requested')) {
      out.note(
        'still being confirmed with the gateway; "kiosk recover" goes on looking it up. Do not refund it again.',
      );
      return EXIT.stillOpen;
    }
    return outcome.refunds.every((r) => r.state === 'refunded') ? EXIT.ok : EXIT.refundRefused;
  });
}
