import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { NoSession } from '../shared/ConnectionLost.tsx';
import { openDisplaySession } from '../shared/connect-display.ts';
import { createI18n } from '../shared/i18n/index.ts';
import { common as enCommon, display as enDisplay } from '../shared/i18n/en.ts';
import { common as idCommon, display as idDisplay } from '../shared/i18n/id.ts';
import { DisplayApp } from './App.tsx';
import '../shared/base.css';
import './display.css';
import './paid-motion.css';

const i18n = createI18n({
  id: { common: idCommon, display: idDisplay },
  en: { common: enCommon, display: enDisplay },
});

const root = document.getElementById('root');
if (root === null) throw new Error('display/index.html has no #root');
const session = openDisplaySession();

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {session === undefined ? <NoSession /> : <DisplayApp session={session} />}
    </I18nextProvider>
  </StrictMode>,
);
