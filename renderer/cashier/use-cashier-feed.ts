/**
 * Keeps the cashier's state in step with main: snapshots after every (re)connection, order, sale,
 * catalogue, health and settings events, the recent-sales list, and the priced cart mirrored on
 * the customer display (debounced, never sent before the first snapshot).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { CartPreview, CashierApi, CashierSnapshot, PublicSettings } from '../../common/contract.ts';
import { coalesced } from '../shared/coalesce.ts';
import type { Session } from '../shared/session.ts';
import { PreviewSender } from './preview.ts';
import { modeChanged, type CashierAction } from './state.ts';

const HISTORY_PAGE = 20;

export function useCashierFeed(
  session: Session<CashierApi, CashierSnapshot>,
  dispatch: (action: CashierAction) => void,
  settings: PublicSettings | undefined,
  /** undefined = leave the display alone (nothing known yet, or a sale is live). */
  preview: CartPreview | null | undefined,
): void {
  const { api, connection } = session;
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const previewRef = useRef(preview);
  previewRef.current = preview;

  const refreshHistory = useMemo(
    () =>
      coalesced(async () => {
        const page = await api.history({ limit: HISTORY_PAGE });
        dispatch({ type: 'history', orders: page.orders });
      }),
    [api, dispatch],
  );

  const sender = useMemo(
    () =>
      new PreviewSender((next) => {
        api.showCart(next).catch((error: unknown) => console.warn('showCart failed', error));
      }),
    [api],
  );
  useEffect(() => () => sender.cancel(), [sender]);

  useEffect(() => {
    const unsubscribe = [
      connection.onSnapshot((snapshot) => {
        dispatch({ type: 'snapshot', snapshot, localNow: Date.now() });
        api.catalogue().then(
          (catalogue) => dispatch({ type: 'catalogue', catalogue }),
          (error: unknown) => console.warn('catalogue failed', error),
        );
        // The main process may have restarted and forgotten the cart: show it again.
        sender.forget();
        sender.update(previewRef.current);
        refreshHistory();
      }),
      api.onOrder((event) => {
        dispatch({ type: 'order', order: event.order });
        refreshHistory();
      }),
      api.onSale((event) => dispatch({ type: 'sale', sale: event.sale })),
      api.onCatalogue((catalogue) => dispatch({ type: 'catalogue', catalogue })),
      api.onHealth((event) => dispatch({ type: 'health', health: event.health, detail: event.detail })),
      api.onSettings((next) => {
        const changedMode = modeChanged(settingsRef.current, next);
        dispatch({ type: 'settings', settings: next });
        if (!changedMode) return;
        api.snapshot().then(
          (snapshot) => {
            dispatch({ type: 'snapshot', snapshot, localNow: Date.now() });
            refreshHistory();
          },
          // A drop is followed by a reconnect, which brings a fresh snapshot by itself.
          (error: unknown) => console.warn('snapshot after a change of environment failed', error),
        );
      }),
    ];
    return () => unsubscribe.forEach((off) => off());
  }, [api, connection, dispatch, refreshHistory, sender]);

  const previewKey = preview === undefined ? 'hold' : JSON.stringify(preview);
  useEffect(() => {
    // Keyed by content: the preview object itself is new on every render.
    sender.update(preview);
  }, [sender, previewKey]);
}
