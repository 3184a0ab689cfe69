/**
 * The settings screen's ten commands (ManagerCommands). Every one but status, createPin and unlock
 * needs the unlocked session. They run one at a time: parallel unlock attempts must not slip past
 * the wrong-PIN count, and no change may be built on a document another command is replacing.
 */
import {
  GATEWAY_ENVIRONMENTS,
  type DisplayInfo,
  type GatewayEnvironment,
  type KeyStatus,
  type KeyStorageStatus,
  type KeyTestResult,
  type ManagerSettings,
  type ManagerStatus,
} from '../../common/contract.ts';
import { checkSettingsPatch, pinProblems, serverKeyProblems } from '../../common/settings-input.ts';
import { receiptPrinterProblems } from '../../common/printing-settings.ts';
import type { ManagerHandlers } from '../screen-api/commands.ts';
import { testServerKey } from './key-tester.ts';
import { checkManagerPin } from './manager-authority.ts';
import { KeyStorageUnavailableError } from './key-vault.ts';
import {
  afterRightPin,
  afterWrongPin,
  attemptsLeft,
  hashPin,
  lockedUntil,
  verifyPin,
} from './manager-pin.ts';
import type { ManagerSession } from './manager-session.ts';
import { lockedOutWords, wrongPinWords } from './pin-words.ts';
import { keyInUse, keyMissing, noPinYet, refuse, refuseSettings } from './refusals.ts';
import { describeChange } from './settings-change.ts';
import { storedValues, type SettingsCore } from './settings-core.ts';
import { applyPatch, definedPatch } from './settings-patch.ts';

/** The monitors the settings screen can offer for the customer display (none in browser mode). */
export interface DisplaySource {
  list(): DisplayInfo[];
}

export interface ManagerDeps {
  core: SettingsCore;
  session: ManagerSession;
  displays: DisplaySource;
  gatewayUrl: (environment: GatewayEnvironment) => string | undefined;
}

function serial(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function managerHandlers(deps: ManagerDeps): ManagerHandlers {
  const { core, session } = deps;
  const oneAtATime = serial();

  const status = (): ManagerStatus => ({
    pinSet: core.document.manager.pin !== null,
    unlocked: session.unlocked,
    lockedUntil: lockedUntil(core.document.manager, core.clock.now()),
  });

  const displays = () => {
    try {
      return deps.displays.list().map((display) => ({ ...display }));
    } catch (error) {
      core.log(`settings: the displays could not be listed (${(error as Error).message}).`);
      return [];
    }
  };

  const read = (): ManagerSettings => {
    const keys = Object.fromEntries(
      GATEWAY_ENVIRONMENTS.map((environment) => [environment, core.keyStatus(environment)]),
    ) as Record<GatewayEnvironment, KeyStatus>;
    return {
      ...storedValues(core),
      keys,
      keyStorage: keyStorage(),
      displays: displays(),
      environmentFixed: core.fixed !== undefined,
    };
  };

  const keyStorage = (): KeyStorageStatus => {
    if (core.fixed !== undefined) {
      return { available: false, weak: false, backend: 'environment', riskAcceptedAt: null };
    }
    const probe = core.vault.storage();
    const risk = core.document.keyStorageRisk;
    // An acceptance holds for the backend it was given for: another weak one asks again.
    const accepted = risk !== null && risk.backend === probe.backend ? risk.acceptedAt : null;
    return { ...probe, riskAcceptedAt: accepted };
  };

  /** Wraps a command that needs the unlocked session; each one counts as activity. */
  const unlocked =
    <P, R>(command: (payload: P) => R | Promise<R>) =>
    (payload: P): Promise<R> =>
      oneAtATime(
        () =>
          new Promise<R>((resolve) => {
            if (!session.touch()) throw refuse('manager-locked');
            resolve(command(payload));
          }),
      );

  const checkPin = (pin: string) => {
    const problems = pinProblems(pin);
    if (problems.length > 0) throw refuseSettings(problems);
  };

  const unlock = async (pin: string): Promise<ManagerSettings> => {
    const record = core.document.manager.pin;
    if (record === null) throw noPinYet();
    const until = lockedUntil(core.document.manager, core.clock.now());
    if (until !== null) throw refuse('pin-locked-out', lockedOutWords(until, core.document.shopTime));
    const right = await verifyPin(pin, record);
    const next = core.draft();
    if (right) {
      const before = next.manager;
      next.manager = afterRightPin(before);
      if (before.failedAttempts !== 0 || before.lockouts !== 0 || before.lockedUntil !== null)
        core.state.record(next);
      session.unlock();
      return read();
    }
    next.manager = afterWrongPin(next.manager, core.clock.now());
    try {
      core.state.record(next);
    } catch (error) {
      core.log(`settings: the wrong-PIN count could not be stored (${(error as Error).message}).`);
    }
    const now = lockedUntil(next.manager, core.clock.now());
    if (now !== null) throw refuse('pin-locked-out', lockedOutWords(now, core.document.shopTime));
    throw refuse('pin-wrong', wrongPinWords(attemptsLeft(next.manager)));
  };

  const setKey = async (environment: GatewayEnvironment, typed: string): Promise<ManagerSettings> => {
    if (core.fixed !== undefined) core.refuseFixed();
    const problems = serverKeyProblems(environment, typed);
    if (problems.length > 0) throw refuseSettings(problems);
    core.assertWritable();
    if (!core.vault.storage().available && !(await core.vault.refreshStorage()).available) {
      throw refuse('key-storage-unavailable');
    }
    // Without a keyring the key is only obscured with a password built into Chromium: anyone who
    // copies the settings file can read it. For production money that needs a manager's yes.
    const storage = keyStorage();
    if (environment === 'production' && storage.weak && storage.riskAcceptedAt === null) {
      throw refuse('key-storage-weak');
    }
    let ciphertext: string;
    try {
      ciphertext = await core.vault.encrypt(typed.trim());
    } catch (error) {
      if (error instanceof KeyStorageUnavailableError) throw refuse('key-storage-unavailable');
      core.log(`settings: the ${environment} server key could not be encrypted (${(error as Error).name}).`);
      throw refuse('key-storage-unavailable');
    }
    const next = core.draft();
    next.keys[environment] = core.vault.slot(ciphertext);
    await core.store(next, describeChange(['key'], environment === core.mode()));
    return read();
  };

  const acceptWeakStorage = async (pin: string): Promise<ManagerSettings> => {
    if (core.fixed !== undefined) core.refuseFixed();
    checkPin(pin);
    core.assertWritable();
    // The PIN once more, so an unlocked screen left alone cannot accept the risk for the owner;
    // a wrong one counts towards the lockout like any other.
    const outcome = await checkManagerPin(core, pin);
    if (outcome === 'no-pin') throw noPinYet();
    if (outcome !== 'ok') {
      const until = lockedUntil(core.document.manager, core.clock.now());
      if (until !== null) throw refuse('pin-locked-out', lockedOutWords(until, core.document.shopTime));
      throw refuse('pin-wrong', wrongPinWords(attemptsLeft(core.document.manager)));
    }
    const backend = core.vault.storage().backend;
    const next = core.draft();
    next.keyStorageRisk = { acceptedAt: core.clock.now(), backend };
    core.state.commit(next);
    core.log(
      `settings: the manager accepted keeping the production key on the ${backend} key storage (no keyring).`,
    );
    return read();
  };

  const clearKey = async (environment: GatewayEnvironment): Promise<ManagerSettings> => {
    if (core.fixed !== undefined) core.refuseFixed();
    if (core.document.keys[environment] === null) return read();
    if (environment === core.mode()) throw keyInUse(environment);
    const next = core.draft();
    next.keys[environment] = null;
    await core.store(next, describeChange(['key']));
    return read();
  };

  const testKey = async (
    environment: GatewayEnvironment,
    typed: string | undefined,
  ): Promise<KeyTestResult> => {
    const base = { environment, baseUrl: deps.gatewayUrl(environment), clock: core.clock };
    if (typed !== undefined) {
      const problems = serverKeyProblems(environment, typed);
      if (problems.length > 0) throw refuseSettings(problems);
      return testServerKey({ ...base, key: typed.trim(), stored: false });
    }
    const ciphertext = core.document.keys[environment]?.ciphertext;
    const key = await core.serverKey(environment);
    if (key === undefined) throw keyMissing(environment);
    const result = await testServerKey({ ...base, key, stored: true });
    if (core.fixed !== undefined) {
      core.fixedLastTest = result;
      return result;
    }
    const next = core.draft();
    const slot = next.keys[environment];
    // Only onto the key that was tested: one set meanwhile has not been tested yet.
    if (slot !== null && slot.ciphertext === ciphertext) {
      slot.lastTest = result;
      try {
        core.state.record(next);
      } catch (error) {
        core.log(`settings: the key test result could not be stored (${(error as Error).message}).`);
      }
    }
    return result;
  };

  return {
    'manager.status': () => status(),
    'manager.createPin': ({ pin }) =>
      oneAtATime(async () => {
        if (core.document.manager.pin !== null) throw refuse('pin-exists');
        checkPin(pin);
        core.assertWritable();
        const next = core.draft();
        next.manager = { ...afterRightPin(next.manager), pin: await hashPin(pin) };
        core.state.commit(next);
        session.unlock();
        return status();
      }),
    'manager.unlock': ({ pin }) => oneAtATime(() => unlock(pin)),
    'manager.lock': unlocked(() => {
      session.lock();
      return status();
    }),
    'manager.changePin': unlocked(async ({ pin }: { pin: string }) => {
      checkPin(pin);
      core.assertWritable();
      const record = await hashPin(pin);
      const next = core.draft();
      next.manager = { ...afterRightPin(next.manager), pin: record };
      core.state.commit(next);
      return status();
    }),
    'settings.read': unlocked(() => read()),
    'settings.update': unlocked(async ({ patch: loose }: { patch: Parameters<typeof definedPatch>[0] }) => {
      const patch = definedPatch(loose);
      const problems = checkSettingsPatch(patch);
      if (problems.length > 0) throw refuseSettings(problems);
      if (core.fixed !== undefined && patch.mode !== undefined && patch.mode !== core.mode())
        core.refuseFixed();
      const { next, fields } = applyPatch(core.draft(), patch);
      if (fields.length === 0) return read();
      // The receipt printer must still be among the printers, whichever of the two changed.
      const printing = receiptPrinterProblems(next.printers, next.receipt);
      if (printing.length > 0) throw refuseSettings(printing);
      if (fields.includes('mode') && next.mode !== 'training' && !core.hasKey(next.mode))
        throw keyMissing(next.mode);
      await core.store(next, describeChange(fields));
      return read();
    }),
    'key.set': unlocked(({ environment, key }: { environment: GatewayEnvironment; key: string }) =>
      setKey(environment, key),
    ),
    'key.acceptWeakStorage': unlocked(({ pin }: { pin: string }) => acceptWeakStorage(pin)),
    'key.clear': unlocked(({ environment }: { environment: GatewayEnvironment }) => clearKey(environment)),
    'key.test': unlocked(
      ({ environment, key }: { environment: GatewayEnvironment; key?: string | undefined }) =>
        testKey(environment, key),
    ),
  };
}
