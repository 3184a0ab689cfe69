/**
 * Printing's commands. The cashier's (status, reprint, the "print the receipt?" answer, retry,
 * the browser's print page done) need only the print service; the manager's (test print, open
 * drawer, preview) need the unlocked session, and the drawer the PIN once more, which counts
 * towards the lockout like any other. A kiosk without printing refuses them all alike.
 */
import type { PrintingCashierCommands, PrintingManagerCommands } from '../../common/printing-contract.ts';
import { receiptOptionsProblems } from '../../common/printing-settings.ts';
import type { PrintService } from '../printing/print-service.ts';
import type { ManagerAuthority } from '../settings/manager-authority.ts';
import type { HandlerTable } from './commands.ts';
import { CommandRefusal, contractError } from './errors.ts';

export type PrintingCashierHandlers = HandlerTable<keyof PrintingCashierCommands>;
export type PrintingManagerHandlers = HandlerTable<keyof PrintingManagerCommands>;

function service(printing: PrintService | undefined): PrintService {
  if (printing === undefined) throw new CommandRefusal(contractError('unknown-command'));
  return printing;
}

export function printingCashierHandlers(printing: PrintService | undefined): PrintingCashierHandlers {
  return {
    'printing.snapshot': () => service(printing).snapshot(),
    'printing.reprint': ({ saleId }) => service(printing).reprint(saleId),
    'printing.answer': ({ saleId, print }) => service(printing).answer(saleId, print),
    'printing.retry': () => service(printing).retry(),
    'printing.pageDone': ({ requestId, ok }) => {
      service(printing).pageDone(requestId, ok);
      return null;
    },
  };
}

export function printingManagerHandlers(
  printing: PrintService | undefined,
  authority: ManagerAuthority | undefined,
): PrintingManagerHandlers {
  const unlocked = () => {
    if (authority?.touch() !== true) throw new CommandRefusal(contractError('manager-locked'));
    return service(printing);
  };
  return {
    'printing.test': ({ printerId }) => unlocked().testPrint(printerId),
    'printing.openDrawer': async ({ printerId, pin }) => {
      const printer = unlocked();
      const outcome = await (authority as ManagerAuthority).checkPin(pin);
      return printer.openDrawer(printerId, outcome);
    },
    'printing.preview': ({ width, receipt }) => {
      const printer = unlocked();
      if (receipt !== undefined) {
        const problems = receiptOptionsProblems(receipt);
        if (problems.length > 0) throw new CommandRefusal(contractError('settings-invalid', { problems }));
      }
      return printer.preview(width, receipt);
    },
  };
}
