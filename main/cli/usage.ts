/** The help text, and the error every command throws for bad usage (exit 2). */
export interface Bilingual {
  id: string;
  en: string;
}

/** Worded in Bahasa Indonesia and English, like the sale check's problems. */
export class UsageError extends Error {
  readonly words: Bilingual;
  constructor(en: string, id: string) {
    super(en);
    this.name = 'UsageError';
    this.words = { id, en };
  }
}

export const USAGE = `kiosk: the headless face of the GoPay/QRIS kiosk's checkout engine, for support staff and tests.

Usage: kiosk <command> [options]

Commands:
  charge [<amount>] [--type gopay|qris] [--item id:name:price:qty ...] [--wait] [--timeout <s>]
         [--simulate pay|deny|expire]
      Starts a sale and prints one JSON line per event (this sale's order events, from
      "created" on, and gateway health events). The pending event carries order.qr.path, the
      QR image on disk. Returns when the QR is ready (or the sale has ended); the order stays
      open for "kiosk status" or "kiosk recover".
      <amount>  whole rupiah: 44000, or grouped by thousands as 44.000 or 44,000. No decimals:
                44000.50 and 12.5 are refused. Optional with --item (then the items' sum).
      --type    default qris: every Indonesian wallet and bank app can scan it (GoPay included),
                and it is what a till shows first. Use gopay for amounts above Rp 10.000.000 or
                for the GoPay deeplink. If KIOSK_PAYMENT_TYPES leaves out qris, the first one
                listed there.
      --item    a line item; repeatable. The name may contain ":".
      --wait    wait until the order has ended (paid, expired, cancelled, denied, failed).
      --timeout with --wait: seconds to wait; default the kiosk timeout + 60.
      --simulate  training mode only: about 1 s after the QR is ready, the built-in emulator
                pays, denies or expires the order, so a whole sale runs headless. Implies --wait.
  status <order_id> [--pretty]
      An order of this till: asks the gateway now if it is still open, then prints its view
      (one JSON line). An order unknown here: prints what the gateway says, marked
      "inJournal": false; exit 3 when the gateway does not know it either.
  cancel <order_id> [--timeout <s>]
      The cashier's Cancel. Waits up to --timeout (default 15) for the gateway to confirm.
      A payment that beat the cancel stands (exit 3, said on stderr).
  recover [--timeout <s>]
      Start-up recovery: follows every unfinished order of this environment to its end.
      Prints {"type":"recovery",...} and then one JSON line per event; default timeout 120.
  list [--json] [--limit <n>] [--before <cursor>]
      Sales, newest first (limit 1-200, default 20). A table by default, with shop-local
      times (WIB). --json: one order view per line, then {"nextCursor":<n>} when older
      sales exist; pass it to --before for the next page.
  report [--date YYYY-MM-DD] [--json]
      The day's totals by final state, payment type and issuer (default: today, shop-local).
  receipt <order_id> [--width 58|80] [--format text|escpos|svg] [--out FILE]
      A paid sale's receipt as the kiosk printed it (a sale id works too): text is what the
      paper says, line by line; escpos the printer's bytes; svg a picture of the paper. To
      stdout, or to FILE. Width: the receipt printer's, else 58. Exit 3 if not paid or unknown.
  print <order_id> [--printer tcp://HOST:PORT|FILE] [--width 58|80]
      Sends that receipt to a printer: the receipt printer in the settings, or --printer (a
      network printer, port 9100 by default, or a device file such as /dev/usb/lp0). Recorded
      in the journal; says SALINAN / COPY when a receipt of the sale may already be on paper.
      Exit 6 when the printer does not take it (the message says why).
  doctor [--json]
      Checks the configuration, the data folder, the journal and the gateway (a status call
      for an order that cannot exist: 404 means reachable and the key accepted).
  help   This text. "kiosk <command> --help" too.

Environment:
  KIOSK_MODE             training (default; the built-in emulator, no key), sandbox, production
  MIDTRANS_SERVER_KEY    the server key of that environment (sandbox and production); never printed
  MIDTRANS_API_URL       a custom gateway base URL (another emulator); not in training mode
  KIOSK_DATA_DIR         journal, QR images and the training ledger; default the app's data folder
  KIOSK_TIMEOUT_SECONDS  how long a QR waits for payment before the kiosk expires it (default 900)
  KIOSK_PAYMENT_TYPES    comma-separated list of enabled types: gopay,qris

Exit codes:
  0  settled; without --wait, QR ready; every doctor check passed
  1  unexpected error
  2  bad input, usage or configuration (nothing was journaled or sent)
  3  the order ended unpaid (expire, cancel, deny, failed) or is unknown to the gateway
  4  the outcome is still open or unknown at the timeout; the journal keeps the order for "recover"
  5  a doctor check failed
  6  kiosk print: the printer did not take the receipt

Ctrl+C stops waiting, stops the engine cleanly and keeps open orders in the journal.
Training mode keeps its emulator's ledger in the data folder: run one training kiosk at a time.
`;
