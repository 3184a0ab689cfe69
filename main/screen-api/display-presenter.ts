/**
 * Decides what the customer display shows. The display only draws the state it is sent, so every
 * rule about what the customer sees lives here: which sale to follow, when the QR is ready, how
 * long "paid" stays up, and that nothing is re-sent when nothing on screen would change.
 */
import type { CartPreview, DisplayScene, DisplayState } from '../../common/contract.ts';
import { displayBill } from '../../common/display-bill.ts';
import type { OrderView } from '../../common/order.ts';
import type { DisplayBill, SaleView } from '../../common/till-contract.ts';
import { isFinalState } from '../../common/order.ts';
import type { Clock } from '../clock.ts';
import { sceneOf, type LoadedQr } from './display-scene.ts';
import { qrDataUrl, type ReadBytes } from './qr-image.ts';
import type { ScreenSettingsSource } from './screen-settings.ts';

export interface SceneTimings {
  /** How long "paid" stays up before the display goes back to idle. */
  paidMs: number;
  /** The same for expired, cancelled and failed. */
  resultMs: number;
}

export const DEFAULT_SCENE_TIMINGS: SceneTimings = { paidMs: 6000, resultMs: 8000 };

export interface DisplayPresenterDeps {
  settings: ScreenSettingsSource;
  clock: Clock;
  timings: SceneTimings;
  emit: (state: DisplayState) => void;
  /** An order still open at start-up: followed, so a restart mid-sale puts its QR back up. */
  resume?: OrderView | undefined;
  /** How the QR file is read; replaceable so a test can count the reads. */
  readQr?: ReadBytes;
}

export interface DisplayPresenter {
  /** The latest state, stamped with the time it is asked for. */
  current(): DisplayState;
  /** A sale the cashier has just started: it takes over the display. */
  follow(order: OrderView): void;
  /** Every order event; only the followed order's matter. */
  orderChanged(order: OrderView): void;
  /** A till sale moved: its bill goes beside its QR, and a sale paid in cash shows the change. */
  saleChanged(sale: SaleView): void;
  showCart(cart: CartPreview | null): void;
  /** The language (or another setting the display shows) has changed. */
  settingsChanged(): void;
  close(): void;
}

type Visible = Omit<DisplayState, 'serverNow' | 'seq'>;

export function createDisplayPresenter(deps: DisplayPresenterDeps): DisplayPresenter {
  const { settings, clock, timings } = deps;
  let followed: OrderView | undefined;
  let cart: CartPreview | null = null;
  /** A sale paid in cash alone: no order to follow, only its result (and change) to show. */
  let cashPaid: Extract<DisplayScene, { kind: 'paid' }> | undefined;
  /** The bills of the sales behind the orders shown, by sale id; only the latest few are kept. */
  const bills = new Map<string, DisplayBill>();
  /** The followed order's QR: read once per order, however many events arrive while it waits. */
  let qr: { orderId: string; loaded: LoadedQr | undefined } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  // Wall-clock seeded: a display left open across a kiosk restart ignores states whose seq is
  // lower than the last it drew, so a restarted kiosk must not count from zero again.
  let seq = Date.now();

  const sceneNow = (): DisplayScene => {
    if (cashPaid !== undefined) return cashPaid;
    if (followed !== undefined) {
      const scene = sceneOf(followed, qr?.orderId === followed.orderId ? qr.loaded : undefined);
      const bill = followed.saleId === undefined ? undefined : bills.get(followed.saleId);
      if (bill === undefined) return scene;
      if (scene.kind === 'preparing' || scene.kind === 'qr') return { ...scene, bill };
      // Settled: nothing is due, whichever of the sale's events reached the display first.
      if (scene.kind === 'paid') return { ...scene, bill: { ...bill, due: 0 } };
      return scene;
    }
    if (cart !== null) {
      return {
        kind: 'cart',
        amount: cart.amount,
        items: cart.items,
        ...(cart.bill === undefined ? {} : { bill: cart.bill }),
      };
    }
    return { kind: 'idle' };
  };

  const visible = (): Visible => {
    const { merchantName, language, mode, sound } = settings.get();
    return { scene: sceneNow(), merchantName, language, mode, ...(sound === undefined ? {} : { sound }) };
  };

  const stamp = (shown: Visible): DisplayState => ({ ...shown, serverNow: clock.now(), seq: ++seq });

  const update = (): void => {
    if (closed) return;
    const shown = visible();
    const key = JSON.stringify(shown);
    if (key === shownKey) return;
    shownKey = key;
    state = stamp(shown);
    deps.emit(state);
  };

  const clearTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const backToIdleAfter = (ms: number): void => {
    clearTimer();
    timer = setTimeout(() => {
      timer = undefined;
      followed = undefined;
      qr = undefined;
      cart = null;
      cashPaid = undefined;
      update();
    }, ms);
    // The display's idle return must never be what keeps a stopping process alive.
    timer.unref();
  };

  const loadQr = (order: OrderView): void => {
    const file = order.qr;
    if (file === undefined || qr?.orderId === order.orderId) return;
    const entry: { orderId: string; loaded: LoadedQr | undefined } = {
      orderId: order.orderId,
      loaded: undefined,
    };
    qr = entry;
    qrDataUrl(file.path, deps.readQr).then(
      (image) => {
        entry.loaded = { image, source: file.source };
        if (qr === entry) update();
      },
      (error: unknown) => {
        console.error(
          `customer display: the QR image of order ${order.orderId} could not be read ` +
            `(${error instanceof Error ? error.message : String(error)}); it stays on "preparing".`,
        );
      },
    );
  };

  const track = (order: OrderView, wasFinal: boolean): void => {
    if (isFinalState(order.state)) {
      if (!wasFinal) backToIdleAfter(order.state === 'settlement' ? timings.paidMs : timings.resultMs);
    } else if (order.state === 'pending') {
      loadQr(order);
    }
  };

  if (deps.resume !== undefined) {
    followed = deps.resume;
    track(deps.resume, false);
  }
  const first = visible();
  let shownKey = JSON.stringify(first);
  let state = stamp(first);

  return {
    current: () => ({ ...state, serverNow: clock.now() }),

    follow(order) {
      clearTimer();
      cashPaid = undefined;
      followed = order;
      qr = undefined;
      // The cart has become this sale.
      cart = null;
      track(order, false);
      update();
    },

    orderChanged(order) {
      if (followed === undefined || order.orderId !== followed.orderId) return;
      const wasFinal = isFinalState(followed.state);
      followed = order;
      track(order, wasFinal);
      update();
    },

    saleChanged(sale) {
      const cashGiven = sale.cash.filter((c) => c.state === 'taken');
      const bill = displayBill(sale.breakdown, {
        paid: cashGiven.reduce((sum, c) => sum + c.amount, 0),
        change: cashGiven.reduce((sum, c) => sum + c.change, 0),
      });
      bills.delete(sale.saleId);
      bills.set(sale.saleId, bill);
      while (bills.size > 8) bills.delete(bills.keys().next().value as string);
      // Paid in cash with no charge (or its last part in cash): the customer sees the change.
      const lastByCash = sale.state === 'paid' && !sale.charges.some((c) => c.state === 'settlement');
      if (lastByCash && cashPaid?.orderId !== sale.saleId) {
        clearTimer();
        followed = undefined;
        qr = undefined;
        cart = null;
        cashPaid = {
          kind: 'paid',
          orderId: sale.saleId,
          // What was taken: the cash total for a cash sale, the exact total once a QR was tried.
          amount: sale.paid,
          paidWith: 'cash',
          change: bill.change,
          // Paid: nothing is due, even where the cash total was rounded below the total.
          bill: { ...bill, due: 0 },
        };
        backToIdleAfter(timings.paidMs);
      }
      update();
    },

    showCart(next) {
      if (cashPaid !== undefined) {
        // The change stays up until a new cart is rung up.
        if (next === null) return;
        clearTimer();
        cashPaid = undefined;
      }
      if (followed !== undefined) {
        // During a live sale its screen stays: a cart sent now is the one being charged.
        if (!isFinalState(followed.state)) return;
        // After it, clearing the cart must not cut the result short; a new cart does.
        if (next === null) return;
        clearTimer();
        followed = undefined;
        qr = undefined;
      }
      cart =
        next === null
          ? null
          : {
              amount: next.amount,
              items: next.items.map((item) => ({ ...item })),
              ...(next.bill === undefined ? {} : { bill: structuredClone(next.bill) }),
            };
      update();
    },

    settingsChanged: update,

    close() {
      closed = true;
      clearTimer();
    },
  };
}
