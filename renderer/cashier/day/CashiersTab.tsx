import { useState } from 'react';
import type { CashierView, DayApi, DayStatus } from '../../../common/day-contract.ts';
import { NoticeBox } from '../../shared/Bilingual.tsx';
import { useT } from '../../shared/language.ts';
import { useDayAction } from './use-day-action.ts';

interface CashiersTabProps {
  api: DayApi;
  status: DayStatus;
  onChanged(): void;
}

/**
 * The manager's list of cashiers and the shift policy. Once a manager PIN exists it is asked for
 * first, and kept only in this component's state while the tab is open.
 */
export function CashiersTab({ api, status, onChanged }: CashiersTabProps) {
  const t = useT();
  const action = useDayAction();
  const [pin, setPin] = useState('');
  const [list, setList] = useState<CashierView[] | undefined>();
  const [name, setName] = useState('');
  const [newPin, setNewPin] = useState('');
  const [saved, setSaved] = useState(false);
  const managerPin = status.managerPinSet ? pin : undefined;

  const unlock = async () => {
    const cashiers = await action.run(() => api.cashiers(managerPin));
    if (cashiers !== undefined) setList(cashiers);
  };
  const save = async (draft: { id?: number; name: string; pin?: string; active: boolean }) => {
    setSaved(false);
    const cashiers = await action.run(() =>
      api.saveCashier({ ...draft, ...(managerPin === undefined ? {} : { managerPin }) }),
    );
    if (cashiers === undefined) return false;
    setList(cashiers);
    setSaved(true);
    onChanged();
    return true;
  };
  const add = async () => {
    if (await save({ name, pin: newPin, active: true })) {
      setName('');
      setNewPin('');
    }
  };
  const policy = async (required: boolean) => {
    if ((await action.run(() => api.setPolicy(!required, managerPin))) !== undefined) onChanged();
  };

  if (list === undefined) {
    return (
      <section className="day-card" data-testid="cashiers-locked">
        <h3>{t('day.cashiers.title')}</h3>
        <p className="day-hint">{t('day.cashiers.hint')}</p>
        <div className="day-row">
          {status.managerPinSet && (
            <>
              <label htmlFor="cashiers-pin">{t('day.cashiers.managerPin')}</label>
              <input
                id="cashiers-pin"
                data-testid="cashiers-pin"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                value={pin}
                onChange={(event) => setPin(event.target.value)}
              />
            </>
          )}
          <button
            type="button"
            data-testid="cashiers-unlock"
            disabled={action.busy}
            onClick={() => void unlock()}
          >
            {t('day.cashiers.unlock')}
          </button>
        </div>
        {action.notice !== undefined && <NoticeBox notice={action.notice} testId="cashiers-error" />}
      </section>
    );
  }

  return (
    <section className="day-card" data-testid="cashiers">
      <h3>{t('day.cashiers.title')}</h3>
      <p className="day-hint">{t('day.cashiers.hint')}</p>
      <label className="day-check">
        <input
          type="checkbox"
          data-testid="policy-required"
          checked={!status.policy.salesWithoutShift}
          disabled={action.busy}
          onChange={(event) => void policy(event.target.checked)}
        />
        {t('day.cashiers.policy')}
      </label>
      <p className="day-hint">{t('day.cashiers.policyHint')}</p>
      {list.length === 0 ? (
        <p className="day-hint">{t('day.cashiers.none')}</p>
      ) : (
        <ul className="cashier-list" data-testid="cashier-list">
          {list.map((c) => (
            <li key={c.id} data-active={c.active}>
              <span>
                {c.name}
                {!c.active && ` (${t('day.cashiers.inactive')})`}
              </span>
              <button
                type="button"
                disabled={action.busy}
                onClick={() => void save({ id: c.id, name: c.name, active: !c.active })}
              >
                {c.active ? t('day.cashiers.deactivate') : t('day.cashiers.activate')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="day-row">
        <label htmlFor="cashier-name">{t('day.cashiers.name')}</label>
        <input
          id="cashier-name"
          data-testid="cashier-name"
          maxLength={40}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor="cashier-pin">{t('day.cashiers.pin')}</label>
        <input
          id="cashier-pin"
          data-testid="cashier-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={newPin}
          onChange={(e) => setNewPin(e.target.value)}
        />
        <button type="button" data-testid="cashier-add" disabled={action.busy} onClick={() => void add()}>
          {t('day.cashiers.add')}
        </button>
      </div>
      {action.notice !== undefined && <NoticeBox notice={action.notice} testId="cashiers-error" />}
      {saved && action.notice === undefined && (
        <p className="day-done" role="status">
          {t('day.cashiers.saved')}
        </p>
      )}
    </section>
  );
}
