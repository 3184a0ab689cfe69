import { useEffect, useRef, useState } from 'react';
import type { DayApi, DayStatus } from '../../../common/day-contract.ts';
import { useT } from '../../shared/language.ts';
import { CashiersTab } from './CashiersTab.tsx';
import { ReportsTab } from './ReportsTab.tsx';
import { ShiftTab } from './ShiftTab.tsx';
import type { ReconcileLink } from '../reconcile/reconcile-link.ts';

type Tab = 'shift' | 'reports' | 'cashiers';
const TABS: readonly Tab[] = ['shift', 'reports', 'cashiers'];

interface DayScreenProps {
  api: DayApi;
  reconcile: ReconcileLink;
  status: DayStatus;
  onChanged(): void;
  onClose(): void;
}

export function DayScreen({ api, reconcile, status, onChanged, onClose }: DayScreenProps) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('shift');
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus inside the dialog from the start, so keys go to it and not to the sale view.
  useEffect(() => heading.current?.focus(), []);
  const label = (name: Tab) =>
    name === 'shift'
      ? t('day.tabs.shift')
      : name === 'reports'
        ? t('day.tabs.reports')
        : t('day.tabs.cashiers');
  return (
    <section className="day-screen settings-screen" data-testid="day-screen">
      <header className="settings-header">
        <h2 id="day-title" ref={heading} tabIndex={-1}>
          {t('day.title')}
        </h2>
        <span>{t('day.businessDate', { date: status.businessDate })}</span>
        <button type="button" data-testid="day-back" onClick={onClose}>
          {t('day.back')}
        </button>
      </header>
      <nav className="segmented day-tabs" aria-label={t('day.tabs.label')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            data-testid={`day-tab-${name}`}
            aria-pressed={tab === name}
            onClick={() => setTab(name)}
          >
            {label(name)}
          </button>
        ))}
      </nav>
      {tab === 'shift' && <ShiftTab api={api} status={status} onChanged={onChanged} />}
      {tab === 'reports' && (
        <ReportsTab api={api} reconcile={reconcile} status={status} onChanged={onChanged} />
      )}
      {tab === 'cashiers' && <CashiersTab api={api} status={status} onChanged={onChanged} />}
    </section>
  );
}
