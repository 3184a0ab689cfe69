import { useState } from 'react';
import type { ScreenOrder, SimulatedOutcome } from '../../../common/contract.ts';
import { isFinalState } from '../../../common/order.ts';
import { NoticeBox } from '../../shared/Bilingual.tsx';
import { formatCountdown, remainingMs } from '../../shared/clock.ts';
import type { Notice } from '../../shared/errors.ts';
import { formatRupiah, paymentTypeName } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';
import { useNow } from '../../shared/use-now.ts';
import { orderActions, orderExpiresAt, orderTone, orderWarning } from './order-view.ts';

export type OrderCommand =
  { kind: 'cancel' } | { kind: 'checkNow' } | { kind: 'simulate'; outcome: SimulatedOutcome };

interface LiveOrderProps {
  order: ScreenOrder;
  training: boolean;
  clockOffset: number;
  notice: Notice | undefined;
  onCommand(command: OrderCommand): Promise<void>;
  onNewSale(): void;
  /** False while cash taken for the sale still has to be settled: no New sale until then. */
  allowNewSale?: boolean;
}

export function LiveOrder({
  order,
  training,
  clockOffset,
  notice,
  onCommand,
  onNewSale,
  allowNewSale = true,
}: LiveOrderProps) {
  const t = useT();
  const final = isFinalState(order.state);
  const now = useNow(!final);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const actions = orderActions(order, training);

  const run = (name: string, command: OrderCommand) => {
    if (busy !== undefined) return;
    setBusy(name);
    void onCommand(command).finally(() => setBusy(undefined));
  };

  const detail: string[] = [];
  if (order.state === 'settlement' && order.paidWith !== undefined) {
    const method = [paymentTypeName(order.paidWith), order.issuer].filter(Boolean).join(' · ');
    detail.push(t('cashier.order.paidWith', { method }));
  }
  if (order.endReason !== undefined) detail.push(t(`cashier.order.reason.${order.endReason}`));
  if (order.detail !== undefined && order.detail !== '') detail.push(order.detail);

  return (
    <section
      className="panel live-order"
      data-testid="live-order"
      data-state={order.state}
      data-order-id={order.orderId}
      data-tone={orderTone(order)}
      aria-labelledby="live-order-title"
    >
      <h2 id="live-order-title" className="visually-hidden">
        {t('cashier.order.title')}
      </h2>
      <div className="live-status">
        <p className="live-state">{t(`cashier.order.state.${order.state}`)}</p>
        <p className="live-amount" data-testid="live-amount">
          {formatRupiah(order.grossAmount)}
          <span className="live-type"> · {paymentTypeName(order.paymentType)}</span>
        </p>
      </div>
      {orderWarning(order) !== undefined && (
        <p
          className="live-warning"
          role="alert"
          data-testid="live-warning"
          data-warning={orderWarning(order)}
        >
          {t(`cashier.order.warning.${orderWarning(order)}`)}
        </p>
      )}
      {!final && order.state !== 'review' && (
        <p className="live-countdown-line">
          <span>{t('cashier.order.timeLeft')} </span>
          <span className="live-countdown" data-testid="live-countdown">
            {formatCountdown(remainingMs(orderExpiresAt(order), clockOffset, now))}
          </span>
        </p>
      )}
      {detail.length > 0 && (
        <p className="live-detail" data-testid="live-detail">
          {detail.join(' ')}
        </p>
      )}
      <p className="live-order-id">{order.orderId}</p>
      <div aria-live="assertive">
        {notice !== undefined && <NoticeBox notice={notice} testId="live-error" />}
      </div>
      <div className="live-actions">
        {actions.newSale && allowNewSale && (
          <button type="button" className="primary-button" data-testid="new-sale-button" onClick={onNewSale}>
            {t('cashier.order.newSale')}
            <span className="button-hint"> {t('cashier.order.newSaleHint')}</span>
          </button>
        )}
        {actions.checkNow && (
          <button
            type="button"
            data-testid="check-now-button"
            disabled={busy !== undefined}
            onClick={() => run('checkNow', { kind: 'checkNow' })}
          >
            {t('cashier.order.checkNow')}
          </button>
        )}
        {actions.cancel && (
          <button
            type="button"
            className="danger-button"
            data-testid="cancel-button"
            disabled={busy !== undefined}
            onClick={() => run('cancel', { kind: 'cancel' })}
          >
            {t('cashier.order.cancel')}
          </button>
        )}
      </div>
      {actions.simulate && (
        <div className="training-tools" role="group" aria-label={t('cashier.order.trainingTools')}>
          <button
            type="button"
            className="simulate-pay"
            data-testid="simulate-pay-button"
            disabled={busy !== undefined}
            onClick={() => run('pay', { kind: 'simulate', outcome: 'pay' })}
          >
            {t('cashier.order.simulatePay')}
          </button>
          <button
            type="button"
            className="small-button"
            data-testid="simulate-deny-button"
            disabled={busy !== undefined}
            onClick={() => run('deny', { kind: 'simulate', outcome: 'deny' })}
          >
            {t('cashier.order.simulateDeny')}
          </button>
          <button
            type="button"
            className="small-button"
            data-testid="simulate-expire-button"
            disabled={busy !== undefined}
            onClick={() => run('expire', { kind: 'simulate', outcome: 'expire' })}
          >
            {t('cashier.order.simulateExpire')}
          </button>
        </div>
      )}
    </section>
  );
}
