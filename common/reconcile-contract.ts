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

/** Behind the manager's unlocked session, or the manager PIN given with the command. */
export interface ReconcileManagerCommands {
  'reconcile.start': [{ date: string; managerPin?: string }, RunView];
  'reconcile.status': [{ managerPin?: string }, ReconcileStatus];
  'reconcile.findings': [
    { date: string; managerPin?: string },
    { run: RunView | undefined; findings: FindingView[] },
  ];
}

/** To the cashier window (the manager's screen) as a run goes: each order checked, each finding. */
export interface ReconcileEvent {
  run: RunView;
  /** Findings recorded by this step (often none). */
  findings: FindingView[];
  at: number;
}

/** The manager screen's reconciliation functions (part of ManagerApi). */
export interface ReconcileManagerApi {
  start(request: { date: string; managerPin?: string }): Promise<RunView>;
  status(request?: { managerPin?: string }): Promise<ReconcileStatus>;
  findings(request: {
    date: string;
    managerPin?: string;
  }): Promise<{ run: RunView | undefined; findings: FindingView[] }>;
}
