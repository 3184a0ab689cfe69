import type { reconcile as id } from '../id/reconcile.ts';
import type { SameKeys } from '../shape.ts';

export const reconcile: SameKeys<typeof id> = {
  title: 'Reconcile with Midtrans',
  hint: 'Asks Midtrans for the status of every QRIS/GoPay order of that day, slowly ({{rate}} per second), and records every difference. Nothing already recorded is ever changed.',
  date: 'Business day',
  start: 'Reconcile with Midtrans',
  resume: 'Resume reconciling',
  again: 'Reconcile again',
  never: 'This day has not been reconciled with Midtrans yet.',
  progress: '{{checked}} of {{total}} orders checked · {{rate}} per second',
  running: 'Reconciling…',
  done: 'Finished at {{time}}.',
  resumed: 'Resumed where it stopped (no order asked twice).',
  backingOff: 'Midtrans asked the kiosk to slow down: waiting until {{time}}.',
  paused: {
    title: 'Paused',
    stopped: 'Stopped (the kiosk closed or restarted).',
    'gateway-unreachable': 'Midtrans cannot be reached.',
    'gateway-unauthorized': "Midtrans refuses this kiosk's server key.",
    left: 'Left by the kiosk before it restarted.',
    action: 'Press "Resume reconciling" to go on from where it stopped.',
  },
  summary: {
    none: 'No differences: the kiosk and Midtrans agree.',
    findings: '{{count}} difference(s)',
    moneyAtRisk: '{{count}} with money at risk',
    adopted: '{{count}} taken from Midtrans into the journal',
    decide: '{{count}} for a manager to decide',
  },
  severity: {
    'money-at-risk': 'Money at risk',
    security: 'To investigate (security)',
    notice: 'For information',
  },
  kind: {
    'paid-at-gateway': 'Paid at the gateway, not here: money taken, goods maybe not given',
    'refunded-at-gateway': 'Refunded at the gateway (e.g. from the dashboard)',
    'amount-differs': 'Amount differs',
    'unknown-at-gateway': 'Unknown at the gateway',
    'state-differs': 'State differs',
    'untrusted-answer': "The gateway's answer cannot be trusted (not adopted)",
  },
  here: 'Here: {{value}}',
  gateway: 'At Midtrans: {{value}}',
  adopted: 'Adopted into the journal',
  decide: 'A manager decides',
  csv: 'Download the differences as CSV',
  zWarning:
    '{{count}} difference(s) with Midtrans on {{date}} are not decided yet. The Z can still be made; they are on the report.',
  zNotReconciled: '{{date}} has not been reconciled with Midtrans.',
};
