/** What a stored change is, and whether the kiosk's services must reopen for it. */
import type { SettingsPatch } from '../../common/settings-input.ts';

export type ChangedField = keyof SettingsPatch | 'key';

export interface SettingsChange {
  fields: ChangedField[];
  /** The kiosk services must reopen: mode, the ACTIVE environment's key, paymentTypes, kioskTimeoutSeconds or shopTime changed. */
  restart: boolean;
}

export interface SettingsGuard {
  /** Throws (a CommandRefusal with code 'sale-in-progress') when an order is open. */
  assertIdle(): void;
  /** Called after a restart-needing change is stored; resolves when the kiosk runs with it. */
  apply(change: SettingsChange): Promise<void>;
}

/**
 * The engine, the gateway client and the emulator are built from these (the engine writes order
 * ids and business dates on the shop's clock).
 */
const RESTART_FIELDS: ReadonlySet<ChangedField> = new Set([
  'mode',
  'paymentTypes',
  'kioskTimeoutSeconds',
  'shopTime',
]);
/** The screens show these (PublicSettings). */
const PUBLIC_FIELDS: ReadonlySet<ChangedField> = new Set([
  'mode',
  'merchantName',
  'language',
  'paymentTypes',
  'kioskTimeoutSeconds',
  'shopTime',
  'sound',
]);

/** `activeKeyChanged`: the key that changed is the one of the environment the kiosk runs in. */
export function describeChange(fields: ChangedField[], activeKeyChanged = false): SettingsChange {
  return { fields, restart: activeKeyChanged || fields.some((field) => RESTART_FIELDS.has(field)) };
}

export function changesPublicSettings(change: SettingsChange): boolean {
  return change.fields.some((field) => PUBLIC_FIELDS.has(field));
}
