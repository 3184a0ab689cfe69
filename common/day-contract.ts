/**
 * The shop's day in the contract: cashiers, shifts (float, cash in/out, the count at close) and
 * the X, Z and date-range reports. Money is whole rupiah; times are ms since epoch, shown in shop
 * time with `utcOffsetMinutes`.
 *
 * A Z never changes once closed: what happens after it (a late QR settling, a correction) counts on
 * the next one. Refunds are one input of the figures; until the kiosk records refunds it counts
 * none, and every report says so (`refunds.included: false`).
 */
import type { PrintJobView } from './printing.ts';
import type { FindingKind } from './reconcile-contract.ts';

/** The count form's rows, notes then coins (reference: shop-operations §2.1). */
export const DENOMINATIONS = [
  { key: 'note100000', value: 100_000, form: 'note' },
  { key: 'note50000', value: 50_000, form: 'note' },
  { key: 'note20000', value: 20_000, form: 'note' },
  { key: 'note10000', value: 10_000, form: 'note' },
  { key: 'note5000', value: 5_000, form: 'note' },
  { key: 'note2000', value: 2_000, form: 'note' },
  { key: 'note1000', value: 1_000, form: 'note' },
  { key: 'coin1000', value: 1_000, form: 'coin' },
  { key: 'coin500', value: 500, form: 'coin' },
  { key: 'coin200', value: 200, form: 'coin' },
  { key: 'coin100', value: 100, form: 'coin' },
] as const;
export type DenominationKey = (typeof DENOMINATIONS)[number]['key'];
/** How many of each note and coin were counted; a missing row is none. */
export type CashCount = { [K in DenominationKey]?: number | undefined };

export type Bilingual = { id: string; en: string };

export interface CashierSummary {
  id: number;
  name: string;
}

export interface CashierView extends CashierSummary {
  active: boolean;
  /** Too many wrong PINs: sign-in refused until then (ms since epoch). */
  lockedUntil: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface ShiftPolicy {
  /** A sale may start with no shift open (default true, so training works with no setup). */
  salesWithoutShift: boolean;
}

export interface CashMovementView {
  at: number;
  kind: 'in' | 'out';
  amount: number;
  reason: string;
}

/** What the drawer should hold: float + cash received − change − cash given back ± cash in/out. */
export interface DrawerFigures {
  float: number;
  /** Notes and coins handed over by customers, change not yet taken off. */
  cashReceived: number;
  changeGiven: number;
  /** Cash given back when a sale was voided. */
  cashReturned: number;
  /** Cash paid out for refunds (0 until refunds are recorded: see `refundsIncluded`). */
  cashRefunds: number;
  refundsIncluded: boolean;
  cashIn: number;
  cashOut: number;
  expected: number;
  /** Sales that took cash in this shift. */
  cashSales: number;
}

export interface ShiftView {
  shiftId: number;
  environment: string;
  /** null: opened with no cashier list set up. */
  cashier: CashierSummary | null;
  openedAt: number;
  closedAt: number | null;
  float: number;
  floatCount: CashCount | null;
  movements: CashMovementView[];
  /** Live while open (the X view of the drawer); frozen at close. */
  drawer: DrawerFigures;
  /** At close: the cash counted, its count by denomination, and counted − expected. */
  counted: number | null;
  count: CashCount | null;
  difference: number | null;
  note: string | null;
  /** Paid sales of this shift so far. */
  sales: { count: number; amount: number };
}

export type TenderKind = 'cash' | 'qris' | 'gopay';

export interface TenderTotal {
  tender: TenderKind;
  count: number;
  amount: number;
}

/** A settled QRIS/GoPay line by how the gateway says it was paid, and by whom. */
export interface PaymentTypeLine {
  paymentType: string;
  /** '' when the gateway named none (a GoPay app payment). */
  issuer: string;
  count: number;
  amount: number;
}

export interface HourLine {
  /** Shop-local hour, 0–23. */
  hour: number;
  count: number;
  amount: number;
}

export interface ItemLine {
  name: string;
  sku: string | null;
  quantity: number;
  /** What customers paid for these lines: discounts, service and added tax shares included. */
  amount: number;
}

export interface RefundFigures {
  /** False until the kiosk records refunds: then nothing is counted here, and this says so. */
  included: boolean;
  note: Bilingual;
  count: number;
  amount: number;
  byTender: TenderTotal[];
}

/** One reconciliation run's share of a report: the checks it made in the report's period. */
export interface ReconcileRunLine {
  runId: number;
  businessDate: string;
  checked: number;
}

/**
 * Reconciliation with Midtrans in a report: the checks and findings recorded in its period (a Z's
 * marks), by kind. `reconciled: false` says no run checked anything in the period ("not
 * reconciled"), rather than a row of zeros that looks like a clean day.
 */
export interface ReconciliationFigures {
  reconciled: boolean;
  runs: ReconcileRunLine[];
  checked: number;
  findings: number;
  byKind: { kind: FindingKind; count: number }[];
  /** Findings of severity money-at-risk. */
  moneyAtRisk: number;
  /** Findings not adopted into the journal: a manager must decide. */
  toDecide: number;
}

export interface ShiftCashLine {
  shiftId: number;
  cashier: string | null;
  openedAt: number;
  closedAt: number | null;
  drawer: DrawerFigures;
  counted: number | null;
  difference: number | null;
}

export interface ReportCounts {
  /** Till sales paid, plus QRIS/GoPay orders made without a till sale (CLI) that settled. */
  sales: number;
  voided: number;
  /** Gateway orders by how they ended. */
  settled: number;
  expired: number;
  cancelled: number;
  denied: number;
  failed: number;
  /** Open at the time of the report (sales with money due, QRs still payable): a later report counts them. */
  stillOpen: number;
}

export interface ReportFigures {
  /** What was taken for the sales counted: cash kept plus QRIS/GoPay settled. */
  salesAmount: number;
  tenders: TenderTotal[];
  paymentTypes: PaymentTypeLine[];
  counts: ReportCounts;
  /** Before any discount. */
  subtotal: number;
  discounts: { line: number; order: number };
  service: number;
  /** Tax added on bills, and tax contained in tax-inclusive prices. */
  tax: { added: number; included: number };
  /** Cash rounding: what was taken minus the exact totals (negative when rounded down). */
  rounding: number;
  refunds: RefundFigures;
  byHour: HourLine[];
  byItem: ItemLine[];
  shifts: ShiftCashLine[];
  /** Cash of sales made while no shift was open (allowed by the policy): in the drawer, in no count. */
  cashOutsideShifts: number;
  /** Absent on the Zs closed before reconciliation was counted (their figures never change). */
  reconciliation?: ReconciliationFigures;
}

export interface PeriodReport {
  kind: 'x' | 'z';
  /** Z-0001… for a Z; null for an X. */
  number: number | null;
  label: string;
  environment: string;
  training: boolean;
  /** When the period began (the last Z's close), null for the first; `to` is the report's time. */
  from: number | null;
  to: number;
  /** The business day a Z closes (for an X: today's). */
  businessDate: string;
  utcOffsetMinutes: number;
  figures: ReportFigures;
  /** A Z's seal: sha256 over its figures and the previous Z's hash. */
  hash: string | null;
  previousHash: string | null;
}

export interface ZSummary {
  number: number;
  label: string;
  businessDate: string;
  closedAt: number;
  salesAmount: number;
  sales: number;
}

export interface DayTotal {
  date: string;
  sales: number;
  amount: number;
}

export interface RangeReport {
  kind: 'range';
  environment: string;
  training: boolean;
  from: string;
  to: string;
  utcOffsetMinutes: number;
  days: DayTotal[];
  figures: ReportFigures;
}

export interface DayStatus {
  businessDate: string;
  utcOffsetMinutes: number;
  training: boolean;
  shift: ShiftView | null;
  /** Active cashiers, for signing in. */
  cashiers: CashierSummary[];
  policy: ShiftPolicy;
  lastZ: ZSummary | null;
  /** A manager PIN exists, so the Z and the cashier list ask for it. */
  managerPinSet: boolean;
}

export interface ShiftOpenRequest {
  /** Whole rupiah counted into the drawer; or give `count` and the float is its total. */
  float?: number | string | undefined;
  count?: CashCount | undefined;
  /** Required when active cashiers exist. */
  cashierId?: number | undefined;
  pin?: string | undefined;
}

export interface ShiftCloseRequest {
  counted?: number | string | undefined;
  count?: CashCount | undefined;
  note?: string | undefined;
}

/** An X (now) or a Z already closed, to print on the receipt printer. */
export type ReportPrintRequest = { kind: 'x' } | { kind: 'z'; number: number };

export type CsvRequest =
  { kind: 'x' } | { kind: 'z'; number: number } | { kind: 'range'; from: string; to: string };

export interface CashierSave {
  managerPin?: string | undefined;
  /** Absent: a new cashier. */
  id?: number | undefined;
  name: string;
  /** Required for a new cashier; absent keeps the PIN. */
  pin?: string | undefined;
  active: boolean;
}

export interface DayCashierCommands {
  'day.status': [Record<string, never>, DayStatus];
  'shift.open': [ShiftOpenRequest, ShiftView];
  'shift.cash': [{ kind: 'in' | 'out'; amount: number | string; reason: string }, ShiftView];
  'shift.close': [ShiftCloseRequest, ShiftView];
  'report.x': [Record<string, never>, PeriodReport];
  /** Closes the period since the last Z; the manager PIN when one exists. */
  'report.z': [{ managerPin?: string; date?: string }, PeriodReport];
  'report.zList': [{ limit?: number }, ZSummary[]];
  'report.zGet': [{ number: number }, PeriodReport];
  'report.range': [{ from: string; to: string }, RangeReport];
  'report.csv': [CsvRequest, { csv: string; fileName: string }];
  /** On the receipt printer; a Z printed again is "SALINAN / COPY". Refused with no receipt printer. */
  'report.print': [ReportPrintRequest, PrintJobView];
  /** The whole list, inactive cashiers included; the manager PIN when one exists. */
  'cashier.list': [{ managerPin?: string }, CashierView[]];
  'cashier.save': [CashierSave, CashierView[]];
  'shift.setPolicy': [{ managerPin?: string; salesWithoutShift: boolean }, ShiftPolicy];
}

/** The day's functions on the cashier screen's api (`api.day`). */
export interface DayApi {
  status(): Promise<DayStatus>;
  openShift(request: ShiftOpenRequest): Promise<ShiftView>;
  cash(kind: 'in' | 'out', amount: number | string, reason: string): Promise<ShiftView>;
  closeShift(request: ShiftCloseRequest): Promise<ShiftView>;
  x(): Promise<PeriodReport>;
  z(managerPin?: string, date?: string): Promise<PeriodReport>;
  zList(limit?: number): Promise<ZSummary[]>;
  zGet(number: number): Promise<PeriodReport>;
  range(from: string, to: string): Promise<RangeReport>;
  csv(request: CsvRequest): Promise<{ csv: string; fileName: string }>;
  print(request: ReportPrintRequest): Promise<PrintJobView>;
  cashiers(managerPin?: string): Promise<CashierView[]>;
  saveCashier(save: CashierSave): Promise<CashierView[]>;
  setPolicy(salesWithoutShift: boolean, managerPin?: string): Promise<ShiftPolicy>;
}

/** Both transports map the api the same way: one command per call, optional fields left out. */
export function dayApiOver(
  send: (name: keyof DayCashierCommands, payload: unknown) => Promise<unknown>,
): DayApi {
  const call = <K extends keyof DayCashierCommands>(name: K, payload: DayCashierCommands[K][0]) =>
    send(name, payload) as Promise<DayCashierCommands[K][1]>;
  // The schemas are strict about `undefined`: an absent value is sent as no key at all.
  const pin = (managerPin: string | undefined) => (managerPin === undefined ? {} : { managerPin });
  return {
    status: () => call('day.status', {}),
    openShift: (request) => call('shift.open', request),
    cash: (kind, amount, reason) => call('shift.cash', { kind, amount, reason }),
    closeShift: (request) => call('shift.close', request),
    x: () => call('report.x', {}),
    z: (managerPin, date) =>
      call('report.z', { ...pin(managerPin), ...(date === undefined ? {} : { date }) }),
    zList: (limit) => call('report.zList', limit === undefined ? {} : { limit }),
    zGet: (number) => call('report.zGet', { number }),
    range: (from, to) => call('report.range', { from, to }),
    csv: (request) => call('report.csv', request),
    print: (request) => call('report.print', request),
    cashiers: (managerPin) => call('cashier.list', pin(managerPin)),
    saveCashier: (save) => call('cashier.save', save),
    setPolicy: (salesWithoutShift, managerPin) =>
      call('shift.setPolicy', { ...pin(managerPin), salesWithoutShift }),
  };
}

/** "Z-0001": four digits at least, more when a till outlives them. */
export function zLabel(number: number): string {
  return `Z-${String(number).padStart(4, '0')}`;
}
