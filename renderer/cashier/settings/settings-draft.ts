/**
 * The settings form as the manager edits it, and the patch it becomes: only the fields that
 * differ from what the main process last said, checked with the same rules it applies
 * (common/settings-input.ts), so a refusal is shown while typing rather than after Save.
 */
import type {
  CustomerDisplayChoice,
  KioskMode,
  Language,
  ManagerSettings,
} from '../../../common/contract.ts';
import { PAYMENT_TYPES, type PaymentType } from '../../../common/midtrans-limits.ts';
import type { ShopZone } from '../../../common/shop-time.ts';
import { checkSettingsPatch, type SettingsPatch } from '../../../common/settings-input.ts';
import type { Bilingual } from '../../shared/errors.ts';
import {
  PRICING_SLOTS,
  pricingDraftFrom,
  readPricingDraft,
  samePricing,
  type PricingDraft,
  type PricingSlot,
} from './pricing/pricing-draft.ts';

/** What the form holds. The time limit stays text so that a half-typed number is not lost. */
export interface SettingsDraft {
  mode: KioskMode;
  merchantName: string;
  language: Language;
  paymentTypes: PaymentType[];
  timeoutText: string;
  customerDisplay: CustomerDisplayChoice;
  /** Tax, service charge, rounding and the discount threshold (saved as `pricing` and `discountApproval`). */
  pricing: PricingDraft;
  shopZone: ShopZone;
  cutoffHour: number;
}

export type DraftField = keyof SettingsDraft;

export const DRAFT_FIELDS = [
  'mode',
  'merchantName',
  'language',
  'paymentTypes',
  'timeoutText',
  'customerDisplay',
  'pricing',
  'shopZone',
  'cutoffHour',
] as const satisfies readonly DraftField[];

export function draftFromSettings(settings: ManagerSettings): SettingsDraft {
  return {
    mode: settings.mode,
    merchantName: settings.merchantName,
    language: settings.language,
    paymentTypes: orderedTypes(settings.paymentTypes),
    timeoutText: String(settings.kioskTimeoutSeconds),
    customerDisplay: settings.customerDisplay,
    pricing: pricingDraftFrom(settings.pricing, settings.discountApproval),
    shopZone: settings.shopTime.zone,
    cutoffHour: settings.shopTime.cutoffHour,
  };
}

/** Payment types in one fixed order, so that ticking and unticking compares as a set. */
export function orderedTypes(types: readonly PaymentType[]): PaymentType[] {
  return PAYMENT_TYPES.filter((type) => types.includes(type));
}

/** Whole seconds, or NaN for anything else (which the shared check reports as not whole). */
export function parseSeconds(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function sameDisplayChoice(a: CustomerDisplayChoice, b: CustomerDisplayChoice): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'display' || (b.kind === 'display' && a.displayId === b.displayId);
}

function sameField(field: DraftField, a: SettingsDraft, b: SettingsDraft): boolean {
  switch (field) {
    case 'paymentTypes':
      return orderedTypes(a.paymentTypes).join() === orderedTypes(b.paymentTypes).join();
    case 'customerDisplay':
      return sameDisplayChoice(a.customerDisplay, b.customerDisplay);
    case 'merchantName':
      return a.merchantName.trim() === b.merchantName.trim();
    case 'timeoutText':
      return parseSeconds(a.timeoutText) === parseSeconds(b.timeoutText);
    case 'pricing':
      return samePricing(readPricingDraft(a.pricing), readPricingDraft(b.pricing));
    default:
      return a[field] === b[field];
  }
}

/** A problem with the form: a shared check's code and words, and the field it is shown at. */
export interface DraftProblem {
  code: string;
  field: string;
  message: Bilingual;
}

export interface DraftCheck {
  /** Only the changed fields; empty when nothing changed. */
  patch: SettingsPatch;
  problems: DraftProblem[];
}

/** The patch Save would send, and why it may not be sent yet. */
export function buildPatch(settings: ManagerSettings, draft: SettingsDraft): DraftCheck {
  const base = draftFromSettings(settings);
  const patch: SettingsPatch = {};
  if (!sameField('mode', base, draft)) patch.mode = draft.mode;
  if (!sameField('merchantName', base, draft)) patch.merchantName = draft.merchantName.trim();
  if (!sameField('language', base, draft)) patch.language = draft.language;
  if (!sameField('paymentTypes', base, draft)) patch.paymentTypes = orderedTypes(draft.paymentTypes);
  if (!sameField('timeoutText', base, draft)) patch.kioskTimeoutSeconds = parseSeconds(draft.timeoutText);
  if (!sameField('customerDisplay', base, draft)) patch.customerDisplay = draft.customerDisplay;
  if (!sameField('shopZone', base, draft) || !sameField('cutoffHour', base, draft)) {
    patch.shopTime = { zone: draft.shopZone, cutoffHour: draft.cutoffHour };
  }
  const problems: DraftProblem[] = checkSettingsPatch(patch);
  // Pricing is judged by the same checks field by field, so each problem sits at its input.
  const pricing = readPricingDraft(draft.pricing);
  const before = readPricingDraft(base.pricing);
  if (JSON.stringify(pricing.pricing) !== JSON.stringify(before.pricing)) patch.pricing = pricing.pricing;
  if (JSON.stringify(pricing.approval) !== JSON.stringify(before.approval)) {
    patch.discountApproval = pricing.approval;
  }
  for (const found of pricing.problems) {
    problems.push({ code: found.code, field: `pricing.${found.slot}`, message: found.message });
  }
  return { patch, problems };
}

export function hasChanges(check: DraftCheck): boolean {
  return Object.keys(check.patch).length > 0;
}

/**
 * New settings from the main process (after a key was saved, or a new unlock after the session
 * timed out) under a form with unsaved edits: the edits stay, everything else follows the news.
 */
export function rebaseDraft(
  before: ManagerSettings,
  after: ManagerSettings,
  draft: SettingsDraft,
): SettingsDraft {
  const old = draftFromSettings(before);
  const next = draftFromSettings(after);
  const merged: SettingsDraft = { ...next };
  for (const field of DRAFT_FIELDS) {
    if (!sameField(field, old, draft)) Object.assign(merged, { [field]: draft[field] });
  }
  return merged;
}

export type ProblemSlot = DraftField | PricingSlot | 'pin' | 'key' | 'general';

const SLOTS: Record<string, ProblemSlot> = {
  mode: 'mode',
  merchantName: 'merchantName',
  language: 'language',
  paymentTypes: 'paymentTypes',
  kioskTimeoutSeconds: 'timeoutText',
  customerDisplay: 'customerDisplay',
  // The main process judges these whole: its words go to the top of the pricing section.
  pricing: 'pricing',
  discountApproval: 'pricing',
  shopTime: 'shopZone',
  pin: 'pin',
  key: 'key',
};

/** The form field a refused setting is shown next to; one this screen does not know goes on top. */
export function problemSlot(field: string): ProblemSlot {
  if (Object.hasOwn(SLOTS, field)) return SLOTS[field] ?? 'general';
  const pricingSlot = field.startsWith('pricing.') ? field.slice('pricing.'.length) : undefined;
  return (PRICING_SLOTS as readonly string[]).includes(pricingSlot ?? '')
    ? (pricingSlot as PricingSlot)
    : 'general';
}

export type ProblemsBySlot = Partial<Record<ProblemSlot, Bilingual[]>>;

/** Problems grouped by where they are shown, each message once. */
export function problemsBySlot(problems: readonly { field: string; message: Bilingual }[]): ProblemsBySlot {
  const out: ProblemsBySlot = {};
  for (const problem of problems) {
    const slot = problemSlot(problem.field);
    const list = out[slot] ?? [];
    if (!list.some((m) => m.id === problem.message.id)) list.push(problem.message);
    out[slot] = list;
  }
  return out;
}
