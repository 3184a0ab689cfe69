import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DayApi, DayStatus } from '../../../common/day-contract.ts';
import { useT } from '../../shared/language.ts';
import { shopClock } from './day-model.ts';
import { DayScreen } from './DayScreen.tsx';
import type { ReconcileLink } from '../reconcile/reconcile-link.ts';

interface DayPanelProps {
  api: DayApi;
  /** Reconciliation with Midtrans, on the reports tab before the Z. */
  reconcile: ReconcileLink;
  /** Connected to the kiosk. */
  online: boolean;
  /** A sale is starting or live: the day's screen waits (it would cover the live order). */
  saleBusy: boolean;
}

/** How often the strip re-reads the shift when nothing here changed it (another window, the CLI). */
const REFRESH_MS = 30_000;

/**
 * The strip under the top bar (who has the shift, since when) and the way into the day's screen,
 * which covers the sale view while it is open. Keys pressed inside it stay inside it: the sale
 * view's window-wide keyboard (digits type the amount, Enter charges) must not see them.
 */
export function DayPanel({ api, reconcile, online, saleBusy }: DayPanelProps) {
  const t = useT();
  const [status, setStatus] = useState<DayStatus | undefined>();
  const [open, setOpen] = useState(false);
  const returnFocus = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(() => {
    // Through a promise, so even a call that throws at once (an older preload) only leaves the strip empty.
    Promise.resolve()
      .then(() => api.status())
      .then(setStatus, () => undefined);
  }, [api]);

  useEffect(() => {
    if (!online) return;
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [online, refresh]);

  const close = useCallback(() => {
    setOpen(false);
    refresh();
    returnFocus.current?.focus();
  }, [refresh]);

  useEffect(() => {
    if (open && (saleBusy || !online)) close();
  }, [open, saleBusy, online, close]);

  let reason: string | undefined;
  if (!online) reason = t('day.openReason.offline');
  else if (saleBusy) reason = t('day.openReason.live');

  const shift = status?.shift ?? null;
  const text =
    shift !== null
      ? t('day.bar.shiftOpen', {
          cashier: shift.cashier?.name ?? t('day.noCashier'),
          time: shopClock(shift.openedAt, status?.utcOffsetMinutes ?? 420),
        })
      : status?.policy.salesWithoutShift === false
        ? t('day.bar.noShiftRequired')
        : t('day.bar.noShift');

  const keepKeys = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') close();
  };

  return (
    <>
      <div className="day-bar" data-testid="day-bar" data-shift={shift === null ? 'none' : 'open'}>
        <span className="day-bar-text" data-testid="day-bar-text">
          {status === undefined ? '' : text}
        </span>
        <button
          ref={returnFocus}
          type="button"
          className="settings-button"
          data-testid="day-button"
          disabled={reason !== undefined}
          aria-describedby={reason === undefined ? undefined : 'day-reason'}
          onClick={() => {
            refresh();
            setOpen(true);
          }}
        >
          {t('day.open')}
        </button>
        {reason !== undefined && (
          <span id="day-reason" className="settings-reason">
            {reason}
          </span>
        )}
      </div>
      {open && status !== undefined && (
        <div
          className="day-overlay"
          role="dialog"
          aria-modal="true"
          aria-labelledby="day-title"
          onKeyDown={keepKeys}
        >
          <DayScreen api={api} reconcile={reconcile} status={status} onChanged={refresh} onClose={close} />
        </div>
      )}
    </>
  );
}
