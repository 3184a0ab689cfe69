import type { ScreenOrder } from '../../../common/contract.ts';
import type { PaymentType } from '../../../common/midtrans-limits.ts';
import { isFinalState } from '../../../common/order.ts';
import type { SaleView } from '../../../common/till-contract.ts';
import type { Notice } from '../../shared/errors.ts';
import { useT } from '../../shared/language.ts';
import type { SaleStage } from '../cashier-state.ts';
import { LiveOrder, type OrderCommand } from './LiveOrder.tsx';
import { OpenSaleActions } from './OpenSaleActions.tsx';
import { saleMoney } from './sale-money.ts';
import { SaleResult } from './SaleResult.tsx';

export interface SaleAreaProps {
  stage: SaleStage;
  order: ScreenOrder | undefined;
  sale: SaleView | undefined;
  training: boolean;
  clockOffset: number;
  orderNotice: Notice | undefined;
  enabled: readonly PaymentType[];
  paymentType: PaymentType | undefined;
  cash: number | undefined;
  acting: boolean;
  online: boolean;
  on: {
    command(command: OrderCommand): Promise<void>;
    newSale(): void;
    paymentType(type: PaymentType): void;
    cashFocus(): void;
    cashText(text: string): void;
    chargeAgain(): void;
    payRest(): void;
    void(): void;
    later(): void;
  };
}

/**
 * The sale on screen once it has left the cart: its live QR, what to do when its QR ended unpaid,
 * or how it ended. A QR's own result (paid, expired, …) is shown by the live order; a sale settled
 * in cash or voided has no QR result, so its own.
 */
export function SaleArea(props: SaleAreaProps) {
  const t = useT();
  const { stage, order, sale, on } = props;
  const liveOrder = (allowNewSale: boolean) =>
    order === undefined ? null : (
      <LiveOrder
        order={order}
        training={props.training}
        clockOffset={props.clockOffset}
        notice={stage === 'decide' ? undefined : props.orderNotice}
        onCommand={on.command}
        onNewSale={on.newSale}
        allowNewSale={allowNewSale}
      />
    );

  if (stage === 'live') {
    return order !== undefined && !isFinalState(order.state) ? (
      liveOrder(true)
    ) : (
      <p className="panel preparing-note" role="status" data-testid="sale-preparing">
        {t('cashier.order.state.charging')}
      </p>
    );
  }
  if (stage === 'decide' && sale !== undefined) {
    return (
      <>
        {liveOrder(saleMoney(sale).cashTaken === 0)}
        <OpenSaleActions
          sale={sale}
          enabled={props.enabled}
          paymentType={props.paymentType}
          cash={props.cash}
          busy={props.acting}
          online={props.online}
          notice={props.orderNotice}
          onPaymentType={on.paymentType}
          onCashFocus={on.cashFocus}
          onCashText={on.cashText}
          onChargeAgain={on.chargeAgain}
          onPayRest={on.payRest}
          onVoid={on.void}
          onLater={on.later}
        />
      </>
    );
  }
  if (stage === 'ended') {
    const settledByQr = order?.state === 'settlement' && order.saleId === sale?.saleId;
    if (sale !== undefined && sale.state !== 'open' && !settledByQr) {
      return <SaleResult sale={sale} onNewSale={on.newSale} />;
    }
    return liveOrder(true);
  }
  return null;
}
