import { useState } from 'react';
import type { DayApi, DayStatus, ShiftView } from '../../../common/day-contract.ts';
import { NoticeBox } from '../../shared/Bilingual.tsx';
import { formatRupiah } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';
import { CashCountForm } from './CashCountForm.tsx';
import { differenceKind, readCount, shopClock, type CountDraft } from './day-model.ts';
import { useDayAction } from './use-day-action.ts';

interface ShiftTabProps {
  api: DayApi;
  status: DayStatus;
  onChanged(): void;
}

/** Open a shift, move cash in or out, close it with the count (the expected figure comes after). */
export function ShiftTab({ api, status, onChanged }: ShiftTabProps) {
  const [closed, setClosed] = useState<ShiftView | undefined>();
  if (closed !== undefined) {
    return <ClosedShift shift={closed} onDone={() => setClosed(undefined)} />;
  }
  if (status.shift === null) return <OpenShift api={api} status={status} onChanged={onChanged} />;
  return (
    <OpenedShift
      api={api}
      shift={status.shift}
      offset={status.utcOffsetMinutes}
      onChanged={onChanged}
      onClosed={(shift) => {
        setClosed(shift);
        onChanged();
      }}
    />
  );
}

function OpenShift({ api, status, onChanged }: ShiftTabProps) {
  const t = useT();
  const action = useDayAction();
  const [draft, setDraft] = useState<CountDraft>({});
  const [cashierId, setCashierId] = useState<number | undefined>(undefined);
  const [pin, setPin] = useState('');
  const { count, bad } = readCount(draft);
  const submit = async () => {
    const opened = await action.run(() =>
      api.openShift({ count, ...(cashierId === undefined ? {} : { cashierId, pin }) }),
    );
    if (opened !== undefined) onChanged();
  };
  return (
    <section className="day-card" data-testid="shift-open-form">
      <h3>{t('day.shift.openTitle')}</h3>
      <p className="day-hint">{t('day.shift.openHint')}</p>
      {status.cashiers.length > 0 && (
        <div className="day-row">
          <label htmlFor="shift-cashier">{t('day.shift.cashier')}</label>
          <select
            id="shift-cashier"
            data-testid="shift-cashier"
            value={cashierId ?? ''}
            onChange={(event) =>
              setCashierId(event.target.value === '' ? undefined : Number(event.target.value))
            }
          >
            <option value="">{t('day.shift.chooseCashier')}</option>
            {status.cashiers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <label htmlFor="shift-pin">{t('day.shift.pin')}</label>
          <input
            id="shift-pin"
            data-testid="shift-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={pin}
            onChange={(event) => setPin(event.target.value)}
          />
        </div>
      )}
      <CashCountForm draft={draft} onChange={setDraft} testId="float-count" disabled={action.busy} />
      {action.notice !== undefined && <NoticeBox notice={action.notice} testId="shift-error" />}
      <button
        type="button"
        className="primary-button"
        data-testid="shift-open"
        disabled={action.busy || bad.length > 0}
        onClick={() => void submit()}
      >
        {action.busy ? t('day.shift.opening') : t('day.shift.openButton')}
      </button>
    </section>
  );
}

interface OpenedProps {
  api: DayApi;
  shift: ShiftView;
  offset: number;
  onChanged(): void;
  onClosed(shift: ShiftView): void;
}

function OpenedShift({ api, shift, offset, onChanged, onClosed }: OpenedProps) {
  const t = useT();
  const move = useDayAction();
  const close = useDayAction();
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [draft, setDraft] = useState<CountDraft>({});
  const [note, setNote] = useState('');
  const [recorded, setRecorded] = useState(false);
  const { count, bad } = readCount(draft);
  const cashier = shift.cashier?.name ?? t('day.noCashier');
  const record = async () => {
    setRecorded(false);
    const done = await move.run(() => api.cash(kind, amount, reason));
    if (done === undefined) return;
    setAmount('');
    setReason('');
    setRecorded(true);
    onChanged();
  };
  const submitClose = async () => {
    const done = await close.run(() => api.closeShift({ count, ...(note.trim() === '' ? {} : { note }) }));
    if (done !== undefined) onClosed(done);
  };
  return (
    <>
      <section className="day-card" data-testid="shift-summary" data-shift-id={shift.shiftId}>
        <h3>{t('day.shift.openedBy', { cashier, time: shopClock(shift.openedAt, offset) })}</h3>
        <p>
          {t('day.shift.float')}: <strong data-testid="shift-float">{formatRupiah(shift.float)}</strong>
        </p>
        <p>
          {t('day.shift.sales')}:{' '}
          {t('day.shift.salesValue', { count: shift.sales.count, amount: formatRupiah(shift.sales.amount) })}
        </p>
        <h4>{t('day.shift.movements')}</h4>
        {shift.movements.length === 0 ? (
          <p className="day-hint">{t('day.shift.noMovements')}</p>
        ) : (
          <ul data-testid="shift-movements">
            {shift.movements.map((m, i) => (
              <li key={`${m.at}-${i}`}>
                {shopClock(m.at, offset)}{' '}
                {t(m.kind === 'in' ? 'day.shift.movementIn' : 'day.shift.movementOut', {
                  amount: formatRupiah(m.amount),
                  reason: m.reason,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="day-card" data-testid="cash-move-form">
        <h3>{t('day.shift.cashTitle')}</h3>
        <div className="segmented" role="group" aria-label={t('day.shift.cashTitle')}>
          <button
            type="button"
            aria-pressed={kind === 'in'}
            data-testid="cash-in"
            onClick={() => setKind('in')}
          >
            {t('day.shift.cashIn')}
          </button>
          <button
            type="button"
            aria-pressed={kind === 'out'}
            data-testid="cash-out"
            onClick={() => setKind('out')}
          >
            {t('day.shift.cashOut')}
          </button>
        </div>
        <div className="day-row">
          <label htmlFor="cash-amount">{t('day.shift.amount')}</label>
          <input
            id="cash-amount"
            data-testid="cash-amount"
            inputMode="numeric"
            autoComplete="off"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          />
          <label htmlFor="cash-reason">{t('day.shift.reason')}</label>
          <input
            id="cash-reason"
            data-testid="cash-reason"
            autoComplete="off"
            maxLength={200}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <button type="button" data-testid="cash-record" disabled={move.busy} onClick={() => void record()}>
            {t('day.shift.record')}
          </button>
        </div>
        {move.notice !== undefined && <NoticeBox notice={move.notice} testId="cash-error" />}
        {recorded && move.notice === undefined && (
          <p className="day-done" role="status">
            {t('day.shift.recorded')}
          </p>
        )}
      </section>
      <section className="day-card" data-testid="shift-close-form">
        <h3>{t('day.shift.closeTitle')}</h3>
        <p className="day-hint">{t('day.shift.closeHint')}</p>
        <CashCountForm draft={draft} onChange={setDraft} testId="close-count" disabled={close.busy} />
        <div className="day-row">
          <label htmlFor="close-note">{t('day.shift.note')}</label>
          <input
            id="close-note"
            data-testid="close-note"
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        {close.notice !== undefined && <NoticeBox notice={close.notice} testId="close-error" />}
        <button
          type="button"
          className="primary-button"
          data-testid="shift-close"
          disabled={close.busy || bad.length > 0}
          onClick={() => void submitClose()}
        >
          {close.busy ? t('day.shift.closing') : t('day.shift.closeButton')}
        </button>
      </section>
    </>
  );
}

function ClosedShift({ shift, onDone }: { shift: ShiftView; onDone(): void }) {
  const t = useT();
  const difference = shift.difference ?? 0;
  const kind = differenceKind(difference);
  return (
    <section className="day-card" data-testid="shift-closed" data-difference={difference}>
      <h3>{t('day.shift.closedTitle')}</h3>
      <table className="closed-figures">
        <tbody>
          <tr>
            <th scope="row">{t('day.shift.expected')}</th>
            <td data-testid="closed-expected">{formatRupiah(shift.drawer.expected)}</td>
          </tr>
          <tr>
            <th scope="row">{t('day.shift.counted')}</th>
            <td data-testid="closed-counted">{formatRupiah(shift.counted ?? 0)}</td>
          </tr>
          <tr className={`difference difference-${kind}`}>
            <th scope="row">{t('day.shift.difference')}</th>
            <td data-testid="closed-difference">
              {formatRupiah(difference)} (
              {t(
                kind === 'over' ? 'day.shift.over' : kind === 'short' ? 'day.shift.short' : 'day.shift.even',
              )}
              )
            </td>
          </tr>
        </tbody>
      </table>
      <button type="button" className="primary-button" data-testid="shift-closed-done" onClick={onDone}>
        {t('day.shift.done')}
      </button>
    </section>
  );
}
