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
  charge [<amount>] [--type gopay|qris] [--item id:name:price:qty ...] [--sku SKU[:QTY] ...]
         [--discount 10%|5000] [--cash AMOUNT] [--wait] [--timeout <s>] [--simulate pay|deny|expire]
      Rings up a sale on the till, priced with the kiosk's own settings (tax, service charge,
      cash rounding: read from settings.json in KIOSK_DATA_DIR; none when there is no such file),
      and prints one JSON line per event:
        {"type":"sale",...}   when the sale is journaled, when it is paid or voided, and last as
                              it stands on return: its breakdown (subtotal, lineDiscounts,
                              orderDiscount, discounts, service, tax, total, cashTotal, lines),
                              its tenders (cash: amount, received, change; gateway: orderId,
                              amount, state), paid, due and change;
        {"type":"order",...}  each event of its QRIS/GoPay charge, from "created" on (the pending
                              event carries order.qr.path, the QR image on disk);
        {"type":"health",...} the gateway's health.
      Paid by QRIS/GoPay, it returns when the QR is ready (or the charge has ended); the order
      stays open for "kiosk status" or "kiosk recover". A cash sale is paid at once.
      <amount>  a free amount line ("Jumlah"): whole rupiah, 44000, or grouped by thousands as
                44.000 or 44,000. No decimals: 44000.50 and 12.5 are refused. With --item lines
                it is instead their sum, checked and optional; and refused as unclear when
                --sku, --discount or --cash is given too.
      --type    default qris: every Indonesian wallet and bank app can scan it (GoPay included),
                and it is what a till shows first. Use gopay for amounts above Rp 10.000.000 or
                for the GoPay deeplink. If KIOSK_PAYMENT_TYPES leaves out qris, the first one
                listed there. With --cash: the type of the rest of a split sale.
      --item    a line item; repeatable. The name may contain ":".
      --sku     a catalogue item by its SKU, QTY of it (default 1); repeatable. An unknown SKU or
                an inactive item is refused. "kiosk catalogue list" shows the SKUs.
      --discount  an order discount: a percentage (10%, 12,5%; at most 100%) or whole rupiah
                (5000; at most the subtotal). A discount above the manager's threshold needs the
                manager PIN, which only the till's screen takes: the CLI refuses it.
      --cash    the cash received, whole rupiah. Without --type a cash sale: at least the total
                (the cash total, when the kiosk rounds cash), the change is given back, and the
                sale is journaled paid with no gateway call. With --type a split sale: this much
                in cash now (less than the total), the rest by QRIS/GoPay; if that part ends
                unpaid the sale stays open with the cash recorded, for the till to settle.
      --wait    wait until the QRIS/GoPay charge has ended (paid, expired, cancelled, denied,
                failed).
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
      The day's totals by final state, payment type and issuer (default: today, shop-local),
      and the refunds made that day: by tender and how the payment was made, the ones found
      at the gateway (dashboard, chargeback) included, and the settled total less them.
  catalogue import FILE.csv
      Imports the catalogue from a CSV file (UTF-8, a header row; as "catalogue export" writes
      it, or from a spreadsheet). All or nothing: any bad row refuses the whole file, every
      problem printed on stderr with its line number in both languages (exit 2). Rows update the
      item with their id, else with their SKU, else add one; items not in the file stay.
      Prints {"type":"catalogue-import","rows":…,"added":…,"updated":…,"categoriesAdded":…}.
  catalogue export [FILE.csv]
      The whole catalogue, inactive items included, as CSV (UTF-8 with BOM, ";" between
      columns, opens in a spreadsheet as is): on stdout, or written to FILE.csv atomically.
  catalogue list [--json]
      The catalogue as a table (inactive items marked); --json: one item per line.
  refund <order_id|sale_id> [<amount>] --reason <text> [--timeout <s>] [--json]
      Gives money back, behind the manager PIN: a paid QRIS/GoPay order through the gateway,
      a paid sale's cash from the drawer first, then its QRIS/GoPay payment. Without <amount>,
      everything that is left. The request is journaled before the gateway is asked; an answer
      in doubt is looked up by its refund_key until --timeout (default 60), then by "recover".
      Refused with nothing done: more than is left, an unpaid order, past the refund window.
  reconcile [--date YYYY-MM-DD] [--csv FILE.csv] [--rate N] [--json]
      Asks the gateway for the status of every order of the day (default today, shop-local)
      that reached it, at most N requests a second (default 2; a 429 waits as asked), and
      prints each difference: paid at the gateway but not here, refunded or charged back there,
      amount differs, unknown there, other state contradictions. A pending order settled there
      and refunds made on the dashboard are adopted into the journal; a final order never moves.
      A run stopped midway is resumed by the next reconcile of that day (no order asked twice).
      --csv writes the findings (UTF-8 with BOM, ";" between columns) atomically.
  pin set
      Creates the manager PIN on a till that has none yet (refused if one exists: change it in
      the app's Settings). Run it with the app closed: the app keeps its settings in memory.
  doctor [--json]
      Checks the configuration, the data folder, the journal and the gateway (a status call
      for an order that cannot exist: 404 means reachable and the key accepted).
  help   This text. "kiosk <command> --help" too.

Environment:
  KIOSK_MODE             training (default; the built-in emulator, no key), sandbox, production
  MIDTRANS_SERVER_KEY    the server key of that environment (sandbox and production); never printed
  MIDTRANS_API_URL       a custom gateway base URL (another emulator); not in training mode
  KIOSK_DATA_DIR         journal (with the catalogue), QR images, the training ledger and the
                         app's settings.json (read for pricing, never written); default: the
                         app's data folder
  KIOSK_TIMEOUT_SECONDS  how long a QR waits for payment before the kiosk expires it (default 900)
  KIOSK_PAYMENT_TYPES    comma-separated list of enabled types: gopay,qris
  KIOSK_MANAGER_PIN      the manager PIN for refund and pin set (else it is asked, unechoed)

Exit codes:
  0  settled, or a cash sale paid; without --wait, QR ready; every doctor check passed;
     the catalogue command did its work
  1  unexpected error
  2  bad input, usage or configuration (nothing was journaled, sent or imported)
  3  the order ended unpaid (expire, cancel, deny, failed) or is unknown to the gateway
  4  the outcome is still open or unknown at the timeout; the journal keeps the order (or the
     refund) for "recover"
  5  a doctor check failed
  6  no refund was made: refused by the shop's rules or the gateway, or the gateway could not be asked
  7  reconcile found money at risk or a security contradiction (the findings are printed);
     reconcile exits 4 when the run could not finish (it resumes next time)

Ctrl+C stops waiting, stops the engine cleanly and keeps open orders in the journal.
Training mode keeps its emulator's ledger in the data folder: run one training kiosk at a time.
`;
