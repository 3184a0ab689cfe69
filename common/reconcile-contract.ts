/**
 * Reconciliation's slice of the contract: for one business day, the kiosk asks the gateway about
 * every order that reached it, at a bounded rate, and records each difference as a finding. The
 * gateway's truth is adopted as new journal events where a safe path exists; the rest is reported
 * for a manager, never silently "fixed".
 */

/**
 * paid-at-gateway: settled there, not paid here — money taken, goods maybe not given (the loudest).
 * refunded-at-gateway: a refund or chargeback there that the journal did not (fully) know.
 * amount-differs: the gateway's gross_amount is not the journal's.
 * unknown-at-gateway: a 404 for an order the journal believes reached the gateway.
 * state-differs: any other contradiction (paid here, expired or denied there; open here, ended there).
 * untrusted-answer: the answer failed its signature or its settlement checks: never adopted.
 */
export const FINDING_KINDS = [
  'paid-at-gateway',
  'refunded-at-gateway',
  'amount-differs',
  'unknown-at-gateway',
  'state-differs',
  'untrusted-answer',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** money-at-risk: money may be owed either way; security: an answer or a contradiction to investigate. */
export const FINDING_SEVERITIES = ['money-at-risk', 'security', 'notice'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const RUN_STATES = ['running', 'done', 'abandoned'] as const;
/** running (also after a restart, until it is resumed), done, abandoned (its environment changed). */
export type RunState = (typeof RUN_STATES)[number];

export interface FindingView {
  id: number;
  runId: number;
  orderId: string;
  kind: FindingKind;
  severity: FindingSeverity;
  /** What the journal said, and what the gateway said (short, readable: "expire Rp 25000"). */
  here: string;
  gateway: string;
  /** The gateway's truth is now in the journal (a state moved by the status flow, refunds adopted). */
  adopted: boolean;
  /** What was done, or why nothing could be. */
  action: string;
  at: number;
}

export interface RunView {
  runId: number;
  businessDate: string;
  state: RunState;
  /** Requests per second this run keeps to. */
  rate: number;
  /** Orders of the day that reached the gateway, and how many were asked about so far. */
  total: number;
  checked: number;
  findings: number;
  /** Findings of severity money-at-risk. */
  moneyAtRisk: number;
  startedAt: number;
  finishedAt: number | undefined;
  /** Set while the gateway asked the run to slow down (429), until when. */
  backingOffUntil: number | undefined;
  /**
   * A run still 'running' in the journal but not going on now: why (the gateway unreachable or
   * refusing the key, stopped, or left by an earlier start of the kiosk). Starting it again resumes it.
   */
  paused: RunPause | undefined;
  /** Picked up again after a restart or a pause, where it had stopped (no order asked twice). */
  resumed: boolean;
}

export const PAUSE_REASONS = ['stopped', 'gateway-unreachable', 'gateway-unauthorized', 'left'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface RunPause {
  reason: PauseReason;
  message: string;
}

export interface ReconcileStatus {
  /** The run under way in this kiosk, if any. */
  running: RunView | undefined;
}

/** How a reconciliation command can be refused, beyond the contract's general codes. */
export const RECONCILE_ERROR_CODES = [
  /** The date is not a real calendar date written YYYY-MM-DD, or lies in the future. */
  'reconcile-bad-date',
  /** A run is already going (for this or another day). */
  'reconcile-busy',
  /** The gateway is not configured (no server key, or another environment): nothing to ask. */
  'reconcile-unavailable',
] as const;
export type ReconcileErrorCode = (typeof RECONCILE_ERROR_CODES)[number];

/**
 * On the cashier's contract, no PIN: a run only asks the gateway and adopts what is already true
 * there, through the same status flow and refund desk that 'sale.checkNow' and the refunds use (it
 * sends no money and cancels nothing), at a bounded rate, one run at a time. The cashier closing
 * the day runs it before the manager's Z; the Z itself stays behind the manager PIN.
 */
export interface ReconcileCashierCommands {
  'reconcile.start': [{ date: string }, RunView];
  'reconcile.status': [Record<string, never>, ReconcileStatus];
  'reconcile.findings': [{ date: string }, ReconcileDay];
  'reconcile.csv': [{ date: string }, { csv: string; fileName: string }];
}

/** The latest run of a day and its findings (no run: never reconciled). */
export interface ReconcileDay {
  run: RunView | undefined;
  findings: FindingView[];
}

/** To the cashier window as a run goes: each order checked, each finding, a pause, the end. */
export interface ReconcileEvent {
  run: RunView;
  /** Findings recorded by this step (often none). */
  findings: FindingView[];
  at: number;
}

/** The cashier screen's reconciliation functions (`api.reconcile`). */
export interface ReconcileApi {
  start(date: string): Promise<RunView>;
  status(): Promise<ReconcileStatus>;
  findings(date: string): Promise<ReconcileDay>;
  csv(date: string): Promise<{ csv: string; fileName: string }>;
}

/** Both transports map the api the same way: one command per call. */
export function reconcileApiOver(
  send: (name: keyof ReconcileCashierCommands, payload: unknown) => Promise<unknown>,
): ReconcileApi {
  const call = <K extends keyof ReconcileCashierCommands>(name: K, payload: ReconcileCashierCommands[K][0]) =>
    send(name, payload) as Promise<ReconcileCashierCommands[K][1]>;
  return {
    start: (date) => call('reconcile.start', { date }),
    status: () => call('reconcile.status', {}),
    findings: (date) => call('reconcile.findings', { date }),
    csv: (date) => call('reconcile.csv', { date }),
  };
}
