/**
 * The refund panel's conversation with main. The summary (what was paid, refunded, left) is the
 * manager's to read: it loads at once when the manager's session is unlocked, otherwise with the
 * PIN typed for the refund. That PIN is kept only while the form is open, sent with this one
 * refund (as managerPin), and forgotten when the form closes or the refund is answered.
 * Refund events keep the summary current, so a refund still being confirmed resolves on screen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CashierApi } from '../../../common/contract.ts';
import type {
  RefundOutcome,
  RefundRequest,
  RefundSummary,
  RefundTarget,
  RefundView,
} from '../../../common/refund-contract.ts';
import type { Bilingual, Notice } from '../../shared/errors.ts';
import { refundFailure, sameTarget, type RefundField } from './refund-form.ts';

/** pin-checking: the PIN typed is being checked; sending: the refund is being made. */
export type RefundStep = 'closed' | 'pin' | 'pin-checking' | 'form' | 'sending';

export interface RefundFailureShown {
  field: RefundField;
  notice: Notice;
}

export interface RefundsState {
  summary: RefundSummary | undefined;
  /** Undefined until main answers (or when it could not). */
  pinSet: boolean | undefined;
  step: RefundStep;
  /** A PIN refused (wrong, locked out), shown in the PIN prompt. */
  pinNotice: Notice | undefined;
  /** The last refusal of the form, beside its field. */
  failure: RefundFailureShown | undefined;
  /** The last refund made from this panel, with the events that followed it. */
  outcome: RefundOutcome | undefined;
  /** Refund keys whose outcome arrived by a 'refund' event after the outcome. */
  settled: RefundView[];
}

export function useRefunds(
  api: CashierApi,
  target: RefundTarget,
  unexpected: Bilingual,
  onChanged: () => void,
) {
  const [state, setState] = useState<RefundsState>({
    summary: undefined,
    pinSet: undefined,
    step: 'closed',
    pinNotice: undefined,
    failure: undefined,
    outcome: undefined,
    settled: [],
  });
  const pin = useRef<string | undefined>(undefined);
  const unlocked = useRef(false);
  const targetKey = 'saleId' in target ? `sale:${target.saleId}` : `order:${target.orderId}`;
  // The target as a stable value for the effects below (a new object every render otherwise).
  const targetRef = useRef(target);
  targetRef.current = target;
  const changed = useRef(onChanged);
  changed.current = onChanged;

  useEffect(() => {
    let live = true;
    const { manager } = api;
    manager.status().then(
      (status) => {
        if (!live) return;
        unlocked.current = status.unlocked;
        setState((s) => ({ ...s, pinSet: status.pinSet }));
        if (!status.unlocked) return;
        manager.refunds.list(targetRef.current).then(
          (summary) => live && setState((s) => ({ ...s, summary })),
          () => undefined,
        );
      },
      () => undefined,
    );
    const off = api.onRefund((event) => {
      if (!live || !sameTarget(targetRef.current, event.summary)) return;
      setState((s) => {
        const ours = s.outcome?.refunds.some((r) => r.refundKey === event.refund.refundKey) === true;
        const settled =
          ours && event.refund.state !== 'requested'
            ? [...s.settled.filter((r) => r.refundKey !== event.refund.refundKey), event.refund]
            : s.settled;
        return { ...s, summary: event.summary, settled };
      });
      changed.current();
    });
    return () => {
      live = false;
      off();
      pin.current = undefined;
    };
  }, [api, targetKey]);

  const open = useCallback(() => {
    setState((s) => ({
      ...s,
      // The unlocked session needs no PIN; otherwise the PIN comes first and loads the summary.
      step: unlocked.current && s.summary !== undefined ? 'form' : 'pin',
      pinNotice: undefined,
      failure: undefined,
      outcome: undefined,
      settled: [],
    }));
  }, []);

  const close = useCallback(() => {
    pin.current = undefined;
    setState((s) => ({ ...s, step: 'closed', pinNotice: undefined, failure: undefined }));
  }, []);

  const givePin = useCallback(
    (typed: string) => {
      setState((s) => ({ ...s, step: 'pin-checking', pinNotice: undefined }));
      // Reading the summary with the PIN checks it (a wrong one counts towards the lock-out) and
      // writes nothing.
      api.manager.refunds.list({ ...targetRef.current, managerPin: typed }).then(
        (summary) => {
          pin.current = typed;
          setState((s) => ({ ...s, summary, step: 'form' }));
        },
        (error: unknown) => {
          const { field, notice } = refundFailure(error, unexpected);
          setState((s) =>
            field === 'pin'
              ? { ...s, step: 'pin', pinNotice: notice }
              : { ...s, step: 'closed', failure: { field, notice } },
          );
        },
      );
    },
    [api, unexpected],
  );

  const send = useCallback(
    (request: Pick<RefundRequest, 'amount' | 'reason'>) => {
      const managerPin = pin.current;
      setState((s) => ({ ...s, step: 'sending', failure: undefined }));
      api.manager.refunds
        .create({ ...targetRef.current, ...request, ...(managerPin === undefined ? {} : { managerPin }) })
        .then(
          (outcome) => {
            pin.current = undefined;
            setState((s) => ({
              ...s,
              step: 'closed',
              summary: outcome.summary,
              outcome,
              settled: [],
            }));
            changed.current();
          },
          (error: unknown) => {
            const failure = refundFailure(error, unexpected);
            if (failure.field === 'pin') {
              // The PIN (or the session) no longer holds: ask it again, the form is kept.
              pin.current = undefined;
              unlocked.current = false;
              setState((s) => ({ ...s, step: 'pin', pinNotice: failure.notice }));
            } else setState((s) => ({ ...s, step: 'form', failure }));
          },
        );
    },
    [api, unexpected],
  );

  return { state, open, close, givePin, send };
}
