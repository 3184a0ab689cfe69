/**
 * The cashier's side of printing: the printer's condition and the last receipt (kept in step with
 * main after every reconnection), the page to print when the printer is the browser, and the
 * chime. Nothing here touches the sale: every call is about a receipt.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CashierApi, CashierSnapshot } from '../../../common/contract.ts';
import type { PrintingSnapshot, PrintPageRequest, SoundSettings } from '../../../common/printing-contract.ts';
import type { Session } from '../../shared/session.ts';
import { orderCue, saleCue } from '../../shared/sound/cues.ts';
import { playTone } from '../../shared/sound/tones.ts';

export interface Printing {
  snapshot: PrintingSnapshot | undefined;
  /** A receipt the browser is to print (printer kind "browser"). */
  page: PrintPageRequest | undefined;
  pageDone(ok: boolean): void;
  reprint(saleId: string): Promise<void>;
  answer(saleId: string, print: boolean): Promise<void>;
  retry(): Promise<void>;
}

export function usePrinting(
  session: Session<CashierApi, CashierSnapshot>,
  sound: SoundSettings | undefined,
  onError: (error: unknown) => void,
): Printing {
  const { api, connection } = session;
  const [snapshot, setSnapshot] = useState<PrintingSnapshot>();
  const [page, setPage] = useState<PrintPageRequest>();
  const soundRef = useRef(sound);
  soundRef.current = sound;

  useEffect(() => {
    const paidHeard = new Set<string>();
    const refresh = () => api.printingSnapshot().then(setSnapshot, () => undefined);
    const offs = [
      // After every (re)connection: events missed meanwhile are not replayed.
      connection.onSnapshot(() => void refresh()),
      api.onPrinting(setSnapshot),
      api.onPrintPage(setPage),
      api.onSale(({ sale }) => {
        const tone = saleCue(sale, paidHeard);
        if (tone !== undefined) playTone(tone, soundRef.current);
      }),
      api.onOrder((event) => {
        const tone = orderCue(event);
        if (tone !== undefined) playTone(tone, soundRef.current);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [api, connection]);

  const pageDone = useCallback(
    (ok: boolean) => {
      setPage((current) => {
        if (current !== undefined) api.printPageDone(current.requestId, ok).catch(() => undefined);
        return undefined;
      });
    },
    [api],
  );

  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        onError(error);
      }
    },
    [onError],
  );

  return {
    snapshot,
    page,
    pageDone,
    reprint: (saleId) => run(() => api.reprint(saleId)),
    answer: (saleId, print) => run(() => api.answerReceipt(saleId, print)),
    retry: () => run(async () => setSnapshot(await api.retryPrinting())),
  };
}
