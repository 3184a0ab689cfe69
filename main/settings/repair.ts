/**
 * A document that fails the schema must neither stop the till nor lose the server key. Every field
 * that still parses on its own is kept; only the others take their default, and the caller learns
 * which ones (by name: values are never reported, least of all a key slot's).
 */
import type { z } from 'zod';
import { GATEWAY_ENVIRONMENTS, type KioskMode } from '../../common/contract.ts';
import type { RawDocument } from './migrations.ts';
import {
  CURRENT_DOCUMENT_VERSION,
  defaultDocument,
  documentFields,
  keySlotSchema,
  keyTestResultSchema,
  managerBlockSchema,
  pinRecordSchema,
  settingsDocumentSchema,
  type DocumentField,
  type KeySlot,
  type ManagerBlock,
  type SettingsDocument,
} from './settings-document.ts';

export interface Repaired {
  document: SettingsDocument;
  /** Dotted names of the fields that took their default, e.g. "merchantName", "keys.sandbox.lastTest". */
  replaced: string[];
}

function isObject(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field<T>(schema: z.ZodType<T>, value: unknown, fallback: T, name: string, replaced: string[]): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  replaced.push(name);
  return fallback;
}

/** A slot whose test record or date is damaged keeps its ciphertext: the key is what matters. */
function repairSlot(value: unknown, name: string, replaced: string[]): KeySlot | null {
  if (value === null || value === undefined) return null;
  const whole = keySlotSchema.safeParse(value);
  if (whole.success) return whole.data;
  const shape = keySlotSchema.shape;
  if (!isObject(value) || !shape.ciphertext.safeParse(value.ciphertext).success) {
    replaced.push(name);
    return null;
  }
  return {
    ciphertext: value.ciphertext as string,
    backend: field(shape.backend, value.backend, 'unknown', `${name}.backend`, replaced),
    savedAt: field(shape.savedAt, value.savedAt, null, `${name}.savedAt`, replaced),
    lastTest: field(keyTestResultSchema.nullable(), value.lastTest, null, `${name}.lastTest`, replaced),
  };
}

function repairKeys(value: unknown, replaced: string[]): SettingsDocument['keys'] {
  const keys: SettingsDocument['keys'] = { sandbox: null, production: null };
  if (!isObject(value)) {
    replaced.push('keys');
    return keys;
  }
  for (const environment of GATEWAY_ENVIRONMENTS) {
    keys[environment] = repairSlot(value[environment], `keys.${environment}`, replaced);
  }
  return keys;
}

function repairManager(value: unknown, fallback: ManagerBlock, replaced: string[]): ManagerBlock {
  const whole = managerBlockSchema.safeParse(value);
  if (whole.success) return whole.data;
  if (!isObject(value)) {
    replaced.push('manager');
    return fallback;
  }
  const shape = managerBlockSchema.shape;
  return {
    pin: field(pinRecordSchema.nullable(), value.pin, null, 'manager.pin', replaced),
    failedAttempts: field(shape.failedAttempts, value.failedAttempts, 0, 'manager.failedAttempts', replaced),
    lockouts: field(shape.lockouts, value.lockouts, 0, 'manager.lockouts', replaced),
    lockedUntil: field(shape.lockedUntil, value.lockedUntil, null, 'manager.lockedUntil', replaced),
  };
}

/**
 * The document as this build reads it. `raw` has been migrated as far as this build can; a newer
 * version's extra fields are ignored and its known ones read the same way.
 */
export function repairDocument(raw: RawDocument, initialMode: KioskMode): Repaired {
  const whole = settingsDocumentSchema.safeParse({ ...raw, version: CURRENT_DOCUMENT_VERSION });
  if (whole.success) return { document: whole.data, replaced: [] };

  const fallback = defaultDocument(isModeLike(raw.mode) ? raw.mode : initialMode);
  const replaced: string[] = [];
  const simple = <F extends Exclude<DocumentField, 'keys' | 'manager'>>(name: F): SettingsDocument[F] =>
    field(
      documentFields[name] as unknown as z.ZodType<SettingsDocument[F]>,
      raw[name],
      fallback[name],
      name,
      replaced,
    );
  const document: SettingsDocument = {
    version: CURRENT_DOCUMENT_VERSION,
    mode: simple('mode'),
    merchantName: simple('merchantName'),
    language: simple('language'),
    paymentTypes: simple('paymentTypes'),
    kioskTimeoutSeconds: simple('kioskTimeoutSeconds'),
    customerDisplay: simple('customerDisplay'),
    keyStorageRisk: simple('keyStorageRisk'),
    pricing: simple('pricing'),
    discountApproval: simple('discountApproval'),
    shopTime: simple('shopTime'),
    printers: simple('printers'),
    receipt: simple('receipt'),
    sound: simple('sound'),
    keys: repairKeys(raw.keys, replaced),
    manager: repairManager(raw.manager, fallback.manager, replaced),
  };
  return { document, replaced };
}

function isModeLike(value: unknown): value is KioskMode {
  return documentFields.mode.safeParse(value).success;
}
