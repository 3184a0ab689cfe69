import { describe, expect, it } from 'vitest';
import type { FindingView, ReconcileDay, RunView } from '../../../common/reconcile-contract.ts';
import {
  countFindings,
  groupBySeverity,
  startWord,
  withEvent,
} from '../../../renderer/cashier/reconcile/reconcile-model.ts';

const RUN: RunView = {
  runId: 1,
  businessDate: '2026-12-07',
  state: 'running',
  rate: 2,
  total: 4,
  checked: 1,
  findings: 0,
  moneyAtRisk: 0,
  startedAt: 1,
  finishedAt: undefined,
  backingOffUntil: undefined,
  paused: undefined,
  resumed: false,
};

function finding(id: number, kind: FindingView['kind'], severity: FindingView['severity'], adopted = false) {
  return {
    id,
    runId: 1,
    orderId: `o-${id}`,
    kind,
    severity,
    here: 'h',
    gateway: 'g',
    adopted,
    action: 'a',
    at: id,
  };
}

describe('the reconciliation panel model', () => {
  it('groups money at risk first, and within it the money taken without goods given first', () => {
    const groups = groupBySeverity([
      finding(1, 'state-differs', 'notice'),
      finding(2, 'refunded-at-gateway', 'money-at-risk', true),
      finding(3, 'untrusted-answer', 'security'),
      finding(4, 'paid-at-gateway', 'money-at-risk'),
    ]);
    expect(groups.map((g) => g.severity)).toEqual(['money-at-risk', 'security', 'notice']);
    expect(groups[0]?.findings.map((f) => f.kind)).toEqual(['paid-at-gateway', 'refunded-at-gateway']);
    expect(groupBySeverity([])).toEqual([]);
  });

  it('counts what was adopted and what a manager must decide', () => {
    expect(
      countFindings([
        finding(1, 'paid-at-gateway', 'money-at-risk'),
        finding(2, 'refunded-at-gateway', 'money-at-risk', true),
        finding(3, 'state-differs', 'notice'),
      ]),
    ).toEqual({ all: 3, moneyAtRisk: 2, adopted: 1, toDecide: 2 });
  });

  it('merges events once per finding, ignores other days, and starts over for a new run', () => {
    const empty: ReconcileDay = { run: undefined, findings: [] };
    const f = finding(1, 'refunded-at-gateway', 'money-at-risk', true);
    const one = withEvent(empty, '2026-12-07', { run: RUN, findings: [f], at: 1 });
    const again = withEvent(one, '2026-12-07', { run: { ...RUN, checked: 2 }, findings: [f], at: 2 });
    expect(again.findings).toHaveLength(1);
    expect(again.run?.checked).toBe(2);
    expect(withEvent(again, '2026-12-06', { run: RUN, findings: [], at: 3 })).toBe(again);
    const next = withEvent(again, '2026-12-07', { run: { ...RUN, runId: 2 }, findings: [], at: 4 });
    expect(next.findings).toEqual([]);
  });

  it('offers start, resume after a pause, again after the end, nothing while running', () => {
    expect(startWord({ run: undefined, findings: [] })).toBe('start');
    expect(startWord({ run: RUN, findings: [] })).toBe('running');
    expect(startWord({ run: { ...RUN, paused: { reason: 'left', message: '' } }, findings: [] })).toBe(
      'resume',
    );
    expect(startWord({ run: { ...RUN, state: 'done', finishedAt: 2 }, findings: [] })).toBe('again');
  });
});
