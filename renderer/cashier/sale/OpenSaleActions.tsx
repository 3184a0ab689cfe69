import { useState } from 'react';
import type { PaymentType } from '../../../common/midtrans-limits.ts';
import { cashChange } from '../../../common/pricing/index.ts';
import type { SaleView } from '../../../common/till-contract.ts';
import { BilingualText, NoticeBox } from '../../shared/Bilingual.tsx';
import type { Notice } from '../../shared/errors.ts';
import { formatRupiah, paymentTypeName } from '../../shared/format.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import { gatewayProblems, quickCash } from '../tender/tender.ts';
import { CashEntry } from '../tender/CashEntry.tsx';
import { PaymentTypePicker } from '../tender/TenderChoice.tsx';
import { lastCharge, saleMoney } from './sale-money.ts';

interface OpenSaleActionsProps {
  sale: SaleView;
  enabled: readonly PaymentType[];
  paymentType: PaymentType | undefined;
  cash: number | undefined;
  busy: boolean;
  online: boolean;
  notice: Notice | undefined;
  onPaymentType(type: PaymentType): void;
  onCashFocus(): void;
  onCashText(text: string): void;
  onChargeAgain(): void;
  onPayRest(): void;
  onVoid(): void;
  onLater(): void;
}

/**
 * A sale whose QRIS/GoPay part ended unpaid: the cashier is told what was taken and what is
 * due, and settles it one of three ways: a new QR for what is due, the rest in cash, or void (any
 * cash taken is handed back; the till records it). "Later" leaves it open in the list.
 */
export function OpenSaleActions(props: OpenSaleActionsProps) {
  const t = useT();
  const bilingual = useBilingual();
  const { sale, enabled, paymentType, cash, busy, online } = props;
  const [confirmVoid, setConfirmVoid] = useState(false);
  const money = saleMoney(sale);
  const last = lastCharge(sale);
  const disabled = busy || !online;

  // The QR's end in each language, inside the sentence of that language.
  const ended = last === undefined ? { id: '', en: '' } : bilingual(`cashier.order.state.${last.state}`);
  const due = formatRupiah(money.dueByCharge);
  const title = {
    id: bilingual('cashier.open.title', { due, state: ended.id }).id,
    en: bilingual('cashier.open.title', { due, state: ended.en }).en,
  };

  const againProblems = gatewayProblems(paymentType, money.dueByCharge, enabled);
  const rest = cash === undefined ? undefined : cashChange(money.dueInCash, cash);
  const restProblem = rest !== undefined && !rest.ok ? rest.problems[0] : undefined;

  return (
    <section
      className="panel open-sale"
      data-testid="open-sale"
      data-sale-id={sale.saleId}
      aria-labelledby="open-sale-title"
    >
      <h2 id="open-sale-title" className="open-sale-title" role="alert">
        <BilingualText text={title} />
      </h2>
      {money.cashTaken > 0 && (
        <p className="open-sale-cash" data-testid="open-sale-cash">
          <BilingualText
            text={bilingual('cashier.open.cashTaken', { amount: formatRupiah(money.cashTaken) })}
          />
        </p>
      )}
      <div aria-live="assertive">
        {props.notice !== undefined && <NoticeBox notice={props.notice} testId="open-sale-error" />}
      </div>

      <div className="open-sale-ways">
        <div className="open-sale-way">
          <h3>{t('cashier.open.againTitle')}</h3>
          {enabled.length > 1 && (
            <PaymentTypePicker
              enabled={enabled}
              value={paymentType}
              disabled={disabled}
              label={t('cashier.open.againBy')}
              testIdPrefix="again-type"
              onChange={props.onPaymentType}
            />
          )}
          <button
            type="button"
            className="primary-button"
            data-testid="charge-again-button"
            disabled={disabled || againProblems.length > 0}
            onClick={props.onChargeAgain}
          >
            {t('cashier.open.again', {
              amount: formatRupiah(money.dueByCharge),
              type: paymentTypeName(paymentType ?? enabled[0] ?? 'qris'),
            })}
          </button>
        </div>

        <div className="open-sale-way">
          <h3>{t('cashier.open.cashTitle')}</h3>
          <CashEntry
            purpose="received"
            cash={cash}
            quick={quickCash('cash', money.dueInCash, money.dueInCash)}
            change={rest?.ok ? rest.value.change : undefined}
            remainder={undefined}
            remainderType={undefined}
            disabled={disabled}
            onFocus={props.onCashFocus}
            onText={props.onCashText}
            onQuick={(amount) => props.onCashText(String(amount))}
          />
          {restProblem !== undefined && (
            <p className="field-problem" data-testid="pay-rest-problem">
              <BilingualText text={restProblem.message} />
            </p>
          )}
          <button
            type="button"
            className="primary-button"
            data-testid="pay-rest-button"
            disabled={disabled || rest === undefined || !rest.ok}
            onClick={props.onPayRest}
          >
            {t('cashier.open.payRest', { amount: formatRupiah(money.dueInCash) })}
          </button>
        </div>
      </div>

      <div className="open-sale-way open-sale-end">
        {confirmVoid ? (
          <div className="void-confirm" role="alertdialog" aria-labelledby="void-confirm-text">
            <p id="void-confirm-text" className="void-warning" data-testid="void-warning">
              <BilingualText
                text={bilingual('cashier.open.voidConfirm', { amount: formatRupiah(money.cashTaken) })}
              />
            </p>
            <button
              type="button"
              className="danger-button"
              data-testid="void-confirm"
              disabled={disabled}
              onClick={props.onVoid}
            >
              {t('cashier.open.voidConfirmButton', { amount: formatRupiah(money.cashTaken) })}
            </button>
            <button
              type="button"
              className="secondary-button"
              data-testid="void-cancel"
              onClick={() => setConfirmVoid(false)}
            >
              {t('cashier.open.voidKeep')}
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="danger-button"
            data-testid="void-button"
            disabled={disabled}
            // Cash goes back to the customer: the cashier confirms having done so first.
            onClick={() => (money.cashTaken > 0 ? setConfirmVoid(true) : props.onVoid())}
          >
            {money.cashTaken > 0
              ? t('cashier.open.voidReturn', { amount: formatRupiah(money.cashTaken) })
              : t('cashier.open.void')}
          </button>
        )}
        <button
          type="button"
          className="secondary-button"
          data-testid="keep-open-button"
          onClick={props.onLater}
        >
          {t('cashier.open.later')}
        </button>
      </div>
    </section>
  );
}
