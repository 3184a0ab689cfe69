import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { NoSession } from '../shared/ConnectionLost.tsx';
import { openCashierSession } from '../shared/connect-cashier.ts';
import { createI18n } from '../shared/i18n/index.ts';
import { cashier as enCashier, common as enCommon, settings as enSettings } from '../shared/i18n/en.ts';
import { cashier as idCashier, common as idCommon, settings as idSettings } from '../shared/i18n/id.ts';
import { printing as enPrinting } from '../shared/i18n/en/printing.ts';
import { printing as idPrinting } from '../shared/i18n/id/printing.ts';
import { CashierApp } from './App.tsx';
import '../shared/base.css';
import './cashier.css';
import './settings/settings.css';

const i18n = createI18n({
  id: { common: idCommon, cashier: idCashier, settings: idSettings, printing: idPrinting },
  en: { common: enCommon, cashier: enCashier, settings: enSettings, printing: enPrinting },
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
