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
      Sales, newest first (limit 1-200, default 20). A table by default, with times on the
      shop's clock (the zone set in the app's Settings; WIB when none is stored). --json: one
      order view per line, then {"nextCursor":<n>} when older sales exist; pass it to --before
      for the next page.
  log <order_id> [--json] [--pretty]
      Everything this till journaled about a sale: its lines and payments, then the timeline on
      the shop's clock: every gateway call (endpoint, HTTP status, status_code, latency), state
      changes, the QR written, cancel requests, security findings. An order that pays a till
      sale shows the whole sale; a sale id works too. Reads the journal only. --json: the same
      detail as one JSON document. Exit 3 when this till has no such sale or order.
  report [--date YYYY-MM-DD] [--json]
      The day's totals by final state, payment type and issuer (default: today's business day,
      on the shop's clock and with its cut-off hour), and the refunds made that day: by tender and
      how the payment was made, the ones found at the gateway (dashboard, chargeback) included,
      and the settled total less them.
  report x [--json] [--csv FILE] [--lang id|en]
      The X report: everything since the last Z (tenders, payment types and issuers, discounts,
      service, tax, refunds, counts, by hour, by item, each shift's drawer). Closes nothing.
  report z [--date YYYY-MM-DD] [--json] [--csv FILE] [--lang id|en]
      Closes the period since the last Z as the Z of today's business day (or --date, a late
      close): numbered Z-0001, Z-0002…, stored and never changed; later corrections go on the
      next Z. Refused while a shift is open, when nothing happened since the last Z, and for a
      day that already has its Z.
  report z --number N [--json] [--csv FILE]
      Shows (and exports) a stored Z again.
  report x|z … --print [--printer tcp://HOST:PORT|FILE] [--width 58|80]
      Also prints the report's slip on the kiosk's receipt printer (or the one given), sent by the
      CLI itself, never through a running kiosk's queue. A Z printed again says SALINAN / COPY.
      Refused before anything is closed when there is no printer to print on.
  report z --verify [--json]
      Checks every Z: numbers without gaps, each seal (sha256 chained to the Z before), and each
      one's figures recomputed from the journal for its period. Exit 5 when something is wrong.
  report range --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--csv FILE] [--lang id|en]
      Sales by business day and per-item totals over a date range (at most 366 days).
      --csv writes semicolon-separated UTF-8 with a BOM, which Excel set to Indonesian opens
      in columns; amounts are whole rupiah without grouping.
  shift open --float N [--cashier NAME]
      Opens a shift with the float counted into the drawer. With cashiers on the list, name one
      and give the cashier's PIN in KIOSK_CASHIER_PIN. Refused while a shift or a sale is open.
  shift cash in|out --amount N --reason TEXT
      Cash put into or taken out of the open shift's drawer, with why.
  shift close --counted N [--note TEXT]
      Closes the open shift with the cash counted; prints what the drawer should have held and
      the difference. Refused while one of its sales still has money due.
  shift status [--json]
      The open shift and its drawer, as the X shows it.
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
  receipt <order_id> [--width 58|80] [--format text|escpos|svg] [--out FILE]
      A paid sale's receipt as the kiosk printed it (a sale id works too): text is what the
      paper says, line by line; escpos the printer's bytes; svg a picture of the paper. To
      stdout, or to FILE. Width: the receipt printer's, else 58. Exit 3 if not paid or unknown.
  print <order_id> [--printer tcp://HOST:PORT|FILE] [--width 58|80]
      Sends that receipt to a printer: the receipt printer in the settings, or --printer (a
      network printer, port 9100 by default, or a device file such as /dev/usb/lp0). Recorded
      in the journal; says SALINAN / COPY when a receipt of the sale may already be on paper.
      Exit 7 when the printer does not take it (the message says why).
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
  KIOSK_CASHIER_PIN      the cashier's PIN for "shift open --cashier NAME"; never printed

Exit codes:
  0  settled, or a cash sale paid; without --wait, QR ready; every doctor check passed;
     the catalogue command did its work
  1  unexpected error
  2  bad input, usage or configuration, or a refused shift or report (nothing was journaled,
     sent or imported)
  3  the order ended unpaid (expire, cancel, deny, failed) or is unknown to the gateway
     (log: unknown to this till)
  4  the outcome is still open or unknown at the timeout; the journal keeps the order (or the
     refund) for "recover"
  5  a doctor check failed, or "report z --verify" found a problem
  6  no refund was made: refused by the shop's rules or the gateway, or the gateway could not be asked
  7  kiosk print: the printer did not take the receipt
  8  reconcile found money at risk or a security contradiction (the findings are printed);
     reconcile exits 4 when the run could not finish (it resumes next time)

Ctrl+C stops waiting, stops the engine cleanly and keeps open orders in the journal.
Training mode keeps its emulator's ledger in the data folder: run one training kiosk at a time.
`;
