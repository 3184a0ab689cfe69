/**
 * `kiosk shift open|close|cash|status`: the drawer from the command line, for support staff and
 * tests. The same services as the screens, so the same checks and the same bilingual refusals;
 * a refusal writes nothing (exit 2).
 */
import type { ShiftView } from '../../../common/day-contract.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import { DayError } from '../../shifts/errors.ts';
import { parseCommand } from '../args.ts';
import { shiftText } from '../day-text.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { withKiosk } from '../services.ts';
import { UsageError } from '../usage.ts';

const OPTIONS = {
  float: { type: 'string' },
  cashier: { type: 'string' },
  counted: { type: 'string' },
  note: { type: 'string' },
  amount: { type: 'string' },
  reason: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Action = 'open' | 'close' | 'cash' | 'status';
const ACTIONS: readonly Action[] = ['open', 'close', 'cash', 'status'];

export async function shiftCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
  env: NodeJS.ProcessEnv,
): Promise<ExitCode> {
  const { values, positionals } = parseCommand('shift', argv, OPTIONS, ['action', 'in|out']);
  const action = positionals[0] as Action | undefined;
  if (action === undefined || !ACTIONS.includes(action)) {
    throw new UsageError(
      `shift needs one of: ${ACTIONS.join(', ')}`,
      `"shift" memerlukan salah satu dari: ${ACTIONS.join(', ')}.`,
    );
  }
  const cashPin = env.KIOSK_CASHIER_PIN;
  return withKiosk(config, async ({ day, engine }) => {
    const { shifts } = day;
    const offset = engine.settings.utcOffsetMinutes;
    let shift: ShiftView | null;
    switch (action) {
      case 'open': {
        if (values.float === undefined) {
          throw new UsageError(
            'shift open needs --float N',
            '"shift open" memerlukan --float N (modal awal).',
          );
        }
        let cashierId: number | undefined;
        if (values.cashier !== undefined) {
          const wanted = values.cashier.trim().toLocaleLowerCase('id-ID');
          const found = shifts.roster.active().find((c) => c.name.toLocaleLowerCase('id-ID') === wanted);
          if (found === undefined) {
            throw new DayError('cashier-refused', {
              id: `Tidak ada kasir aktif bernama "${values.cashier}".`,
              en: `There is no active cashier named "${values.cashier}".`,
            });
          }
          if (cashPin === undefined) {
            throw new UsageError(
              'the cashier PIN goes in the KIOSK_CASHIER_PIN environment variable',
              'PIN kasir diberikan lewat variabel lingkungan KIOSK_CASHIER_PIN.',
            );
          }
          cashierId = found.id;
        }
        shift = await shifts.open({ float: values.float, cashierId, pin: cashPin });
        break;
      }
      case 'close':
        if (values.counted === undefined) {
          throw new UsageError(
            'shift close needs --counted N',
            '"shift close" memerlukan --counted N (uang yang dihitung).',
          );
        }
        shift = shifts.close({ counted: values.counted, note: values.note });
        break;
      case 'cash': {
        const kind = positionals[1];
        if ((kind !== 'in' && kind !== 'out') || values.amount === undefined) {
          throw new UsageError(
            'shift cash needs in|out, --amount N and --reason TEXT',
            '"shift cash" memerlukan in|out, --amount N dan --reason TEKS.',
          );
        }
        shift = shifts.cash(kind, values.amount, values.reason);
        break;
      }
      case 'status':
        shift = shifts.current();
        break;
    }
    if (values.json === true) {
      out.json(shift);
      return EXIT.ok;
    }
    if (shift === null) {
      out.line('No shift is open.');
      return EXIT.ok;
    }
    for (const line of shiftText(shift, offset)) out.line(line);
    return EXIT.ok;
  });
}
