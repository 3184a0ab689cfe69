/**
 * Refunds in a sale's (or bare order's) detail: what was paid, what went back already (here, on the
 * Midtrans dashboard, or by a chargeback), what is left, and the Refund button behind the manager's
 * PIN. The one face of renderer/cashier/refunds/; the history detail mounts it.
 */
import { useMemo, useState } from 'react';
import type { CashierApi } from '../../../common/contract.ts';
import type { HistoryDetail } from '../../../common/history-contract.ts';
import type { RefundOutcome, RefundView } from '../../../common/refund-contract.ts';
import { ApprovalPrompt } from '../approval/ApprovalPrompt.tsx';
import { BilingualText, NoticeBox } from '../../shared/Bilingual.tsx';
import { formatRupiah } from '../../shared/format.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import {
  cashHandedOver,
  EMPTY_REFUND_FORM,
  paidOfDetail,
  refundBlocked,
  refundTargetOf,
  type RefundForm as Form,
} from './refund-form.ts';
import { RefundForm } from './RefundForm.tsx';
import { RefundList } from './RefundList.tsx';
import { useRefunds } from './use-refunds.ts';

interface RefundPanelProps {
  api: CashierApi;
  detail: HistoryDetail;
  online: boolean;
  /** A refund was made or resolved: the detail (its timeline) should be read again. */
  onChanged(): void;
}

function Outcome({ outcome, settled }: { outcome: RefundOutcome; settled: readonly RefundView[] }) {
  const t = useT();
  const made = outcome.refunds.reduce((sum, r) => sum + r.amount, 0);
  const cash = cashHandedOver(outcome.refunds);
  return (
    <div
      className="refund-outcome"
      data-testid="refund-outcome"
      data-complete={outcome.complete}
      role="status"
      aria-live="polite"
    >
      <p className="refund-outcome-head">
        {outcome.complete
          ? t('refunds.outcome.refunded', { amount: formatRupiah(made) })
          : t('refunds.outcome.pending', { amount: formatRupiah(made) })}
      </p>
      {cash > 0 && (
        <p className="refund-hand-over" data-testid="refund-hand-over">
          {t('refunds.outcome.handOver', { amount: formatRupiah(cash) })}
        </p>
      )}
      {/* Main's own words: a part still in doubt, a cash part not paid out, a refusal after cash. */}
      {outcome.message !== undefined && !(outcome.complete && cash > 0) && (
        <p className="refund-main-words" data-testid="refund-message">
          <BilingualText text={outcome.message} />
        </p>
      )}
      {settled.map((r) => (
        <p key={r.refundKey} data-testid="refund-settled" data-state={r.state}>
          {r.state === 'refunded'
            ? t('refunds.outcome.confirmed', { amount: formatRupiah(r.amount) })
            : t('refunds.outcome.refusedLater', { amount: formatRupiah(r.amount) })}
          {r.refusal !== undefined && (
            <>
              {' '}
              <BilingualText text={r.refusal.message} />
            </>
          )}
        </p>
      ))}
    </div>
  );
}

export function RefundPanel({ api, detail, online, onChanged }: RefundPanelProps) {
  const t = useT();
  const bilingual = useBilingual();
  const unexpected = useMemo(() => bilingual('common.unexpectedError'), [bilingual]);
  const target = refundTargetOf(detail);
  const refunds = useRefunds(api, target, unexpected, onChanged);
  const { state } = refunds;
  const [form, setForm] = useState<Form>(EMPTY_REFUND_FORM);
  const known = paidOfDetail(detail);
  const { summary } = state;
  const paid = detail.row.state === 'paid';
  const blocked = refundBlocked({ paid, online, pinSet: state.pinSet, summary });
  const formOpen = summary !== undefined && (state.step === 'form' || state.step === 'sending');
  const asking = state.step === 'pin' || state.step === 'pin-checking';

  return (
    <section
      className="history-section refund-panel"
      data-testid="refund-panel"
      data-left={summary?.left ?? ''}
      aria-labelledby="refund-panel-title"
    >
      <h4 id="refund-panel-title">{t('refunds.title')}</h4>
      <dl className="refund-figures" data-testid="refund-figures">
        <dt>{t('refunds.paid')}</dt>
        <dd data-testid="refund-paid">{formatRupiah(summary?.paid ?? known.paid)}</dd>
        {summary !== undefined && (
          <>
            <dt>{t('refunds.refunded')}</dt>
            <dd data-testid="refund-refunded">{formatRupiah(summary.refunded)}</dd>
            {summary.inDoubt > 0 && (
              <>
                <dt>{t('refunds.inDoubt')}</dt>
                <dd data-testid="refund-in-doubt">{formatRupiah(summary.inDoubt)}</dd>
              </>
            )}
            <dt>{t('refunds.left')}</dt>
            <dd data-testid="refund-left">
              {formatRupiah(summary.left)}
              {summary.cashLeft > 0 && summary.cashLeft < summary.left && (
                <span className="refund-cash-left">
                  {' '}
                  ({t('refunds.cashLeft', { amount: formatRupiah(summary.cashLeft) })})
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      {summary === undefined && paid && <p className="refund-unknown">{t('refunds.unknownYet')}</p>}
      {state.outcome !== undefined && <Outcome outcome={state.outcome} settled={state.settled} />}
      {state.failure !== undefined && !formOpen && (
        <NoticeBox notice={state.failure.notice} testId="refund-error" />
      )}
      {!formOpen && (
        <div className="refund-open">
          <button
            type="button"
            className="primary-button"
            data-testid="refund-open"
            disabled={blocked !== undefined || asking}
            aria-describedby={blocked === undefined ? undefined : 'refund-blocked'}
            onClick={() => {
              setForm({ ...EMPTY_REFUND_FORM });
              refunds.open();
            }}
          >
            {t('refunds.open')}
          </button>
          {blocked !== undefined && (
            <p className="refund-blocked" id="refund-blocked" data-testid="refund-blocked">
              {t(blocked)}
            </p>
          )}
        </div>
      )}
      {formOpen && (
        <RefundForm
          summary={summary}
          form={form}
          busy={state.step === 'sending'}
          failure={state.failure}
          onEdit={(changes) => setForm((f) => ({ ...f, ...changes }))}
          onSend={refunds.send}
          onCancel={refunds.close}
        />
      )}
      {summary !== undefined && <RefundList refunds={summary.refunds} />}
      {asking && (
        <ApprovalPrompt
          notice={state.pinNotice}
          busy={state.step === 'pin-checking'}
          words={{
            title: t('refunds.pin.title'),
            hint: bilingual('refunds.pin.hint'),
            submit: t('refunds.pin.submit'),
          }}
          onPin={refunds.givePin}
          onCancel={refunds.close}
        />
      )}
    </section>
  );
}
