/**
 * The refunds' commands: behind the manager's unlocked session (and counted as its activity), or
 * the manager PIN given with the command for this one act — a wrong one counts towards the same
 * lockout as the settings screen's. Who authorised it is journaled with the refund.
 */
import type { RefundDesk } from '../refunds/index.ts';
import type { ManagerAuthority } from '../settings/manager-authority.ts';
import type { RefundManagerHandlers } from './commands.ts';
import { CommandRefusal, contractError, fieldError } from './errors.ts';

const NO_PIN_YET = {
  id: 'Belum ada PIN manajer: buat PIN di Pengaturan dulu untuk mengembalikan dana.',
  en: 'No manager PIN yet: create one in Settings first to make refunds.',
};

export function refundManagerHandlers(
  refunds: RefundDesk | undefined,
  authority: ManagerAuthority | undefined,
): RefundManagerHandlers {
  /** Who authorised the act: the unlocked session, or the PIN typed for it. */
  const authorise = async (pin: string | undefined): Promise<string> => {
    if (authority?.touch() === true) return 'manager';
    if (authority === undefined || pin === undefined || pin === '') {
      throw new CommandRefusal(contractError('manager-locked'));
    }
    const outcome = await authority.checkPin(pin);
    switch (outcome) {
      case 'ok':
        return 'manager-pin';
      case 'wrong':
        throw new CommandRefusal(contractError('pin-wrong'));
      case 'locked':
        throw new CommandRefusal(contractError('pin-locked-out'));
      case 'no-pin':
        throw new CommandRefusal(contractError('manager-locked', { message: NO_PIN_YET }));
    }
  };
  const desk = (): RefundDesk => {
    if (refunds === undefined) throw new CommandRefusal(contractError('unknown-command'));
    return refunds;
  };
  return {
    'refund.create': async ({ managerPin, orderId, saleId, amount, reason }) => {
      const by = await authorise(managerPin);
      return desk().create(
        {
          ...(orderId === undefined ? {} : { orderId }),
          ...(saleId === undefined ? {} : { saleId }),
          ...(amount === undefined ? {} : { amount }),
          reason,
        },
        by,
      );
    },
    'refund.list': async ({ managerPin, orderId, saleId }) => {
      await authorise(managerPin);
      if ((orderId === undefined) === (saleId === undefined)) {
        throw new CommandRefusal(
          fieldError('orderId', {
            id: 'sebutkan tepat satu: orderId atau saleId.',
            en: 'give exactly one of orderId and saleId.',
          }),
        );
      }
      return desk().summary(orderId === undefined ? { saleId: saleId ?? '' } : { orderId });
    },
  };
}
