/**
 * The Z's confirm step says when the day it closes still has reconciliation findings a manager
 * has not decided, or was never reconciled: a warning, not a block (the Z counts them either way).
 */
import { useT } from '../../shared/language.ts';
import type { ReconcileLink } from './reconcile-link.ts';
import { countFindings } from './reconcile-model.ts';
import { useReconcileDay } from './use-reconcile.ts';

export function ZReconcileWarning({ link, date }: { link: ReconcileLink; date: string }) {
  const t = useT();
  const { day, loaded } = useReconcileDay(link, date);
  if (!loaded) return null;
  if (day.run === undefined) {
    return (
      <p className="reconcile-warning" data-testid="z-not-reconciled">
        {t('reconcile.zNotReconciled', { date })}
      </p>
    );
  }
  const open = countFindings(day.findings).toDecide;
  if (open === 0) return null;
  return (
    <p className="reconcile-warning" role="alert" data-testid="z-reconcile-warning">
      {t('reconcile.zWarning', { count: open, date })}
    </p>
  );
}
