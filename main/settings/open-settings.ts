/**
 * The kiosk's settings, opened once at start by the Electron shell or by browser mode: the stored
 * document (migrated and repaired), the key vault, the manager PIN and the settings screen's
 * commands. Plain Node: Electron's safeStorage and screen are passed in, never imported.
 */
import type { GatewayEnvironment } from '../../common/contract.ts';
import { checkSettingsPatch, type SettingsPatch } from '../../common/settings-input.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { ManagerHandlers } from '../screen-api/commands.ts';
import type { ScreenSettingsSource } from '../screen-api/screen-settings.ts';
import type { DocumentStore } from './document-store.ts';
import type { KeyStorageProbe, SafeStorageLike } from './key-storage.ts';
import { managerAuthority, type ManagerAuthority } from './manager-authority.ts';
import { KeyVault } from './key-vault.ts';
import { loadDocument } from './load-document.ts';
import { managerHandlers, type DisplaySource } from './manager-handlers.ts';
import { ManagerSession } from './manager-session.ts';
import { screenSource } from './screen-source.ts';
import type { SettingsChange, SettingsGuard } from './settings-change.ts';
import { SettingsCore, storedValues, type FixedEnvironment, type StoredValues } from './settings-core.ts';
import { applyPatch } from './settings-patch.ts';
import type { SettingsState } from './document-store.ts';

export type { DocumentStore } from './document-store.ts';
export type { SafeStorageLike } from './key-storage.ts';
export type { DisplaySource } from './manager-handlers.ts';
export type { SettingsChange, SettingsGuard } from './settings-change.ts';
export type { FixedEnvironment } from './settings-core.ts';
export { jsonFileDocumentStore } from './json-file-store.ts';

export interface OpenSettingsOptions {
  store: DocumentStore;
  /** Undefined: browser mode, where no key can be stored. */
  safeStorage: SafeStorageLike | undefined;
  platform: NodeJS.Platform;
  displays: DisplaySource;
  clock?: Clock;
  /**
   * Browser mode: the environment decides mode and key; changing either answers
   * 'environment-fixed'. paymentTypes / kioskTimeoutSeconds / merchantName given here override the
   * stored ones at open (and are stored).
   */
  fixed?: FixedEnvironment;
  /** Issue 4's browser mode kept the language in <dataDir>/screen-settings.json; imported once. */
  legacyScreenSettingsFile?: string;
  /** Where key.test sends its status call; default Midtrans' own host for the environment. */
  gatewayUrl?: (environment: GatewayEnvironment) => string | undefined;
  /** Where the settings' log lines go (never a key, never a value of a key field); default stderr. */
  log?: (line: string) => void;
}

export interface SettingsService {
  /** createKioskApi's `settings`: PublicSettings, setLanguage, and a subscription to changes. */
  screen: ScreenSettingsSource;
  /** createKioskApi's `manager`: the ten ManagerCommands. */
  manager: ManagerHandlers;
  /** The stored values the host builds the kiosk from (no key). */
  current(): StoredValues;
  /** The decrypted key of an environment (browser mode: the env key), undefined when none is usable. */
  serverKey(environment: GatewayEnvironment): Promise<string | undefined>;
  onChange(listener: (change: SettingsChange) => void): () => void;
  /** Installed once by the host; before that, restart-needing changes are stored and nothing is applied. */
  setGuard(guard: SettingsGuard): void;
  /** What the OS offers for keeping keys (the manager's acceptance of a weak one is in ManagerSettings). */
  keyStorage(): KeyStorageProbe;
  /** The manager's PIN and session, for the till, the catalogue editor and what comes after. */
  authority: ManagerAuthority;
}

/** Browser mode's environment values win over the stored ones; a value the screen would refuse is ignored. */
function applyFixed(state: SettingsState, fixed: FixedEnvironment, log: (line: string) => void): void {
  const given: SettingsPatch = { mode: fixed.mode };
  if (fixed.paymentTypes !== undefined) given.paymentTypes = fixed.paymentTypes;
  if (fixed.kioskTimeoutSeconds !== undefined) given.kioskTimeoutSeconds = fixed.kioskTimeoutSeconds;
  if (fixed.merchantName !== undefined) given.merchantName = fixed.merchantName;
  const refused = new Set(checkSettingsPatch(given).map((problem) => problem.field));
  for (const field of refused) {
    log(`settings: the ${field} given by the environment is not valid; the stored one is kept.`);
    delete given[field as keyof SettingsPatch];
  }
  const { next, fields } = applyPatch(structuredClone(state.document), given);
  if (fields.length === 0) return;
  try {
    state.record(next);
  } catch (error) {
    log(`settings: the environment's settings could not be stored (${(error as Error).message}).`);
  }
}

export async function openSettings(options: OpenSettingsOptions): Promise<SettingsService> {
  const log = options.log ?? ((line: string) => console.error(line));
  const clock = options.clock ?? systemClock;
  const fixed = options.fixed;
  const state = loadDocument(options.store, {
    initialMode: fixed?.mode ?? 'training',
    legacyScreenSettingsFile: options.legacyScreenSettingsFile,
    log,
  });
  if (fixed !== undefined) applyFixed(state, fixed, log);

  const vault = new KeyVault({
    state,
    safeStorage: options.safeStorage,
    platform: options.platform,
    clock,
    log,
  });
  // Browser mode keeps no key; probing would only report what 'environment' already says.
  if (fixed === undefined) await vault.open();
  const core = new SettingsCore({ state, vault, clock, fixed, log });

  const screen = screenSource(core);
  screen.get();
  const session = new ManagerSession(clock);
  const manager = managerHandlers({
    core,
    session,
    displays: options.displays,
    gatewayUrl: options.gatewayUrl ?? (() => undefined),
  });

  return {
    screen,
    manager,
    current: () => storedValues(core),
    serverKey: (environment) => core.serverKey(environment),
    onChange: (listener) => core.onChange(listener),
    setGuard(guard) {
      core.guard = guard;
    },
    authority: managerAuthority(core, session),
    keyStorage: () =>
      fixed !== undefined ? { available: false, weak: false, backend: 'environment' } : vault.storage(),
  };
}
