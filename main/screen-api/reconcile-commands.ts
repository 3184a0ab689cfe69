/**
 * Reconciliation's commands on the cashier's contract (no PIN: see common/reconcile-contract.ts).
 * A kiosk without a server key has a reconciler but nothing to ask: starting is refused as
 * 'reconcile-unavailable', while the findings of earlier runs stay readable.
 */
import type { z } from 'zod';
import type { ReconcileCashierCommands } from '../../common/reconcile-contract.ts';
import type { RECONCILE_SCHEMAS } from '../../common/reconcile-schemas.ts';
import { findingsCsv, type Reconciler } from '../reconcile/index.ts';
import { UNAVAILABLE_WORDS } from '../reconcile/reconcile-errors.ts';
import { CommandRefusal, contractError } from './errors.ts';

export type ReconcileHandlers = {
  [N in keyof ReconcileCashierCommands]: (
    payload: z.output<(typeof RECONCILE_SCHEMAS)[N]>,
  ) => ReconcileCashierCommands[N][1];
};

export interface ReconcileAccess {
  reconciler: Reconciler;
  /** False without a server key: nothing can be asked. */
  available: boolean;
  /** The shop's UTC offset, for the CSV's times. */
  utcOffsetMinutes: number;
}

export function reconcileHandlers(access: ReconcileAccess | undefined): ReconcileHandlers {
  const need = (): ReconcileAccess => {
    // A kiosk api built without a reconciler (an old embedding) refuses, as for an unknown command.
    if (access === undefined) throw new CommandRefusal(contractError('unknown-command'));
    return access;
  };
  return {
    'reconcile.start': ({ date }) => {
      const { reconciler, available } = need();
      if (!available)
        throw new CommandRefusal(contractError('reconcile-unavailable', { message: UNAVAILABLE_WORDS }));
      return reconciler.start(date);
    },
    'reconcile.status': () => need().reconciler.status(),
    'reconcile.findings': ({ date }) => need().reconciler.findings(date),
    'reconcile.csv': ({ date }) => {
      const { reconciler, utcOffsetMinutes } = need();
      const { findings } = reconciler.findings(date);
      return { csv: findingsCsv(findings, utcOffsetMinutes), fileName: `rekonsiliasi-${date}.csv` };
    },
  };
}
