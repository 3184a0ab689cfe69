/**
 * The day's commands on the cashier's contract: shifts, cash in/out, the X, Z and range reports,
 * the cashier list. The manager's acts (the Z, the list, the policy) carry the manager PIN in
 * their payload and are checked by the day's services, not by the settings session, so a manager
 * can close the day at the till without opening the settings screen.
 */
import type { z } from 'zod';
import type { DayCashierCommands } from '../../common/day-contract.ts';
import type { DAY_SCHEMAS } from '../../common/day-schemas.ts';
import type { PrintService } from '../printing/print-service.ts';
import { PrintingRefusal } from '../printing/refusal.ts';
import type { DayServices } from '../reports/day-services.ts';
import { periodSlip } from '../reports/slip.ts';
import { CommandRefusal, contractError } from './errors.ts';

/** commands.ts's HandlerTable for this slice (spelled out here: commands.ts imports this file). */
export type DayHandlers = {
  [N in keyof DayCashierCommands]: (
    payload: z.output<(typeof DAY_SCHEMAS)[N]>,
  ) => DayCashierCommands[N][1] | Promise<DayCashierCommands[N][1]>;
};

export function dayHandlers(day: DayServices | undefined, printing?: PrintService): DayHandlers {
  const need = (): DayServices => {
    // A kiosk api built without the day's services (an old embedding) refuses, as for an unknown command.
    if (day === undefined) throw new CommandRefusal(contractError('unknown-command'));
    return day;
  };
  return {
    'day.status': async () => {
      const { shifts, reports } = need();
      return {
        ...reports.today(),
        shift: shifts.current(),
        cashiers: shifts.roster.active(),
        policy: shifts.policy(),
        lastZ: reports.zList(1)[0] ?? null,
        managerPinSet: await shifts.managerPinSet(),
      };
    },
    'shift.open': (request) => need().shifts.open(request),
    'shift.cash': ({ kind, amount, reason }) => need().shifts.cash(kind, amount, reason),
    'shift.close': (request) => need().shifts.close(request),
    'report.x': () => need().reports.x(),
    'report.z': ({ managerPin, date }) => need().reports.z({ managerPin, date }),
    'report.zList': ({ limit }) => need().reports.zList(limit),
    'report.zGet': ({ number }) => need().reports.zGet(number),
    'report.range': ({ from, to }) => need().reports.range(from, to),
    'report.csv': (request) => need().reports.csv(request),
    'report.print': (request) => {
      const { reports } = need();
      // A kiosk without printing (the bare CLI's services) has no receipt printer either.
      if (printing === undefined) throw new PrintingRefusal('no-receipt-printer');
      const report = request.kind === 'x' ? reports.x() : reports.zGet(request.number);
      const slip = periodSlip(report, printing.slipHeader());
      const z =
        report.number === null ? undefined : { environment: report.environment, number: report.number };
      return printing.printReport(slip, z);
    },
    'cashier.list': ({ managerPin }) => need().shifts.cashiers(managerPin),
    'cashier.save': (save) => need().shifts.saveCashier(save),
    'shift.setPolicy': ({ managerPin, salesWithoutShift }) =>
      need().shifts.setPolicy(salesWithoutShift, managerPin),
  };
}
