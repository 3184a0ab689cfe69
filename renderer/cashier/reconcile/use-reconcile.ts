/**
 * One business day's reconciliation as the panel sees it: read once, then kept current by the
 * cashier window's 'reconcile' events (progress, findings, a pause, the end).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ReconcileDay, ReconcileEvent } from '../../../common/reconcile-contract.ts';
import type { ReconcileLink } from './reconcile-link.ts';
import { withEvent } from './reconcile-model.ts';

const NOTHING: ReconcileDay = { run: undefined, findings: [] };

export function useReconcileDay(
  link: ReconcileLink,
  date: string,
): {
  day: ReconcileDay;
  loaded: boolean;
  reload(): void;
} {
  const [day, setDay] = useState<ReconcileDay>(NOTHING);
  const [loaded, setLoaded] = useState(false);
  const reload = useCallback(() => {
    Promise.resolve()
      .then(() => link.api.findings(date))
      .then(
        (next) => {
          setDay(next);
          setLoaded(true);
        },
        () => setLoaded(true),
      );
  }, [link, date]);
  useEffect(() => {
    setDay(NOTHING);
    setLoaded(false);
    reload();
    return link.onEvent((event: ReconcileEvent) => setDay((shown) => withEvent(shown, date, event)));
  }, [link, date, reload]);
  return { day, loaded, reload };
}
