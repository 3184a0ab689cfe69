/**
 * The manager's authority as other services ask for it: the till (a discount above the threshold),
 * the catalogue editor, refunds (also from the CLI, see pin-file.ts), later the drawer and shift close. A PIN checked here counts
 * towards the same lockout as the settings screen's, so no second door to guess it through exists.
 */
import { afterRightPin, afterWrongPin, lockedUntil, verifyPin } from './manager-pin.ts';
import type { ManagerSession } from './manager-session.ts';
import type { SettingsCore } from './settings-core.ts';

export type PinOutcome = 'ok' | 'wrong' | 'locked' | 'no-pin';

export interface ManagerAuthority {
  /** True while the settings screen is unlocked; counts as the manager's activity. */
  touch(): boolean;
  /** The manager PIN, typed for one act; a wrong one counts towards the lockout. */
  checkPin(pin: string): Promise<PinOutcome>;
}

/** What a PIN check reads and writes: the stored document (its lockout counters) and the clock. */
export type PinKeeper = Pick<SettingsCore, 'document' | 'clock' | 'draft' | 'state'>;

export async function checkManagerPin(core: PinKeeper, pin: string): Promise<PinOutcome> {
  const record = core.document.manager.pin;
  if (record === null) return 'no-pin';
  if (lockedUntil(core.document.manager, core.clock.now()) !== null) return 'locked';
  const next = core.draft();
  if (await verifyPin(pin, record)) {
    const before = next.manager;
    if (before.failedAttempts !== 0 || before.lockouts !== 0) {
      next.manager = afterRightPin(before);
      core.state.record(next);
    }
    return 'ok';
  }
  next.manager = afterWrongPin(next.manager, core.clock.now());
  core.state.record(next);
  return lockedUntil(next.manager, core.clock.now()) === null ? 'wrong' : 'locked';
}

export function managerAuthority(core: SettingsCore, session: ManagerSession): ManagerAuthority {
  return {
    touch: () => session.touch(),
    checkPin: (pin) => checkManagerPin(core, pin),
  };
}
