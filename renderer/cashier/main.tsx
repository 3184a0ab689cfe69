import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { NoSession } from '../shared/ConnectionLost.tsx';
import { openCashierSession } from '../shared/connect-cashier.ts';
import { createI18n } from '../shared/i18n/index.ts';
import {
  cashier as enCashier,
  common as enCommon,
  history as enHistory,
  settings as enSettings,
  shopTime as enShopTime,
} from '../shared/i18n/en.ts';
import {
  cashier as idCashier,
  common as idCommon,
  history as idHistory,
  settings as idSettings,
  shopTime as idShopTime,
} from '../shared/i18n/id.ts';
import { day as enDay } from '../shared/i18n/en/day.ts';
import { day as idDay } from '../shared/i18n/id/day.ts';
import { printing as enPrinting } from '../shared/i18n/en/printing.ts';
import { printing as idPrinting } from '../shared/i18n/id/printing.ts';
import { refunds as enRefunds } from '../shared/i18n/en/refunds.ts';
import { refunds as idRefunds } from '../shared/i18n/id/refunds.ts';
import { reconcile as enReconcile } from '../shared/i18n/en/reconcile.ts';
import { reconcile as idReconcile } from '../shared/i18n/id/reconcile.ts';
import { CashierApp } from './App.tsx';
import '../shared/base.css';
// The window's layout and shared controls first, then each part's own, in cascade order.
import './cashier.css';
import './catalogue/catalogue.css';
import './keypad/keypad.css';
import './cart/cart.css';
import './tender/tender.css';
import './sale/sale.css';
import './approval/approval.css';
import './history.css';
import './settings/settings.css';
import './day/day.css';
import './history/history.css';
import './refunds/refunds.css';
import './reconcile/reconcile.css';

const i18n = createI18n({
  id: {
    common: idCommon,
    cashier: idCashier,
    settings: idSettings,
    history: idHistory,
    shopTime: idShopTime,
    day: idDay,
    printing: idPrinting,
    refunds: idRefunds,
    reconcile: idReconcile,
  },
  en: {
    common: enCommon,
    cashier: enCashier,
    settings: enSettings,
    history: enHistory,
    shopTime: enShopTime,
    day: enDay,
    printing: enPrinting,
    refunds: enRefunds,
    reconcile: enReconcile,
  },
});

const root = document.getElementById('root');
if (root === null) throw new Error('cashier/index.html has no #root');
const session = openCashierSession();

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {session === undefined ? <NoSession /> : <CashierApp session={session} />}
    </I18nextProvider>
  </StrictMode>,
);
