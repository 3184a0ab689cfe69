/**
 * Tax, service charge, rounding and the discount threshold as the manager edits them, and what
 * they become for `manager.update`. Numbers stay text while typed (so "12," is not lost), and
 * every problem comes from the same checks the main process runs (common/pricing/validate.ts,
 * common/settings-input.ts), placed next to the field it concerns.
 */
import {
  DEFAULT_PRICING_SETTINGS,
  settingsProblems,
  type CashRoundingUnit,
  type PricingSettings,
  type RoundingMode,
  type TaxKind,
  type TaxScope,
  type TaxSettings,
} from '../../../../common/pricing/index.ts';
import { checkSettingsPatch } from '../../../../common/settings-input.ts';
import type { DiscountApproval } from '../../../../common/till-contract.ts';
import type { Bilingual } from '../../../shared/errors.ts';
import { parsePercentText, parseRupiahText, parseWholeText } from '../number-text.ts';

export interface PricingDraft {
  taxKind: TaxKind;
  rateText: string;
  inclusive: boolean;
  /** PPN only: "DPP nilai lain", the tax charged on numerator/denominator of the amount. */
  dppOn: boolean;
  dppNumeratorText: string;
  dppDenominatorText: string;
  scope: TaxScope;
  /** Empty: no service charge. */
  serviceText: string;
  serviceTaxed: boolean;
  taxRounding: RoundingMode;
  fractionRounding: RoundingMode;
  cashUnit: CashRoundingUnit;
  cashMode: RoundingMode;
  /** Off: no discount needs the manager's PIN. */
  approvalOn: boolean;
  approvalPercentText: string;
  approvalAmountText: string;
}

/** Where a pricing problem is shown; 'pricing' is the section as a whole. */
export const PRICING_SLOTS = [
  'pricing',
  'taxKind',
  'taxRate',
  'taxInclusive',
  'taxScope',
  'dpp',
  'service',
  'serviceTaxed',
  'taxRounding',
  'fractionRounding',
  'cashUnit',
  'cashMode',
  'approvalPercent',
  'approvalAmount',
] as const;
export type PricingSlot = (typeof PRICING_SLOTS)[number];

export interface PricingProblemAt {
  code: string;
  slot: PricingSlot;
  message: Bilingual;
}

// The pricing checks name their fields this way (common/pricing/validate.ts).
const SLOT_OF_CHECK: Readonly<Record<string, PricingSlot>> = {
  settings: 'pricing',
  'settings.tax.kind': 'taxKind',
  'settings.tax.ratePercent': 'taxRate',
  'settings.tax.inclusive': 'taxInclusive',
  'settings.tax.scope': 'taxScope',
  'settings.tax.dpp': 'dpp',
  'settings.servicePercent': 'service',
  'settings.serviceTaxed': 'serviceTaxed',
  'settings.taxRounding': 'taxRounding',
  'settings.fractionRounding': 'fractionRounding',
  'settings.cashRounding.unit': 'cashUnit',
  'settings.cashRounding.mode': 'cashMode',
};

/** PMK 131/2024: PPN 12 % on 11/12 of the price, 11 % in effect (shop-operations.md §1.2). */
export const PPN_DEFAULT = { ratePercent: 12, numerator: 11, denominator: 12 } as const;
/** PBJT (PB1) is capped at 10 % and usually charged at that (§1.1). */
export const PB1_DEFAULT_RATE = 10;

export function pricingDraftFrom(pricing: PricingSettings, approval: DiscountApproval | null): PricingDraft {
  const { tax } = pricing;
  return {
    taxKind: tax.kind,
    rateText: tax.kind === 'none' ? '' : String(tax.ratePercent),
    inclusive: tax.inclusive,
    dppOn: tax.dpp !== undefined,
    dppNumeratorText: String(tax.dpp?.numerator ?? PPN_DEFAULT.numerator),
    dppDenominatorText: String(tax.dpp?.denominator ?? PPN_DEFAULT.denominator),
    scope: tax.scope ?? 'bill',
    serviceText: pricing.servicePercent === undefined ? '' : String(pricing.servicePercent),
    serviceTaxed: pricing.serviceTaxed,
    taxRounding: pricing.taxRounding,
    fractionRounding: pricing.fractionRounding,
    cashUnit: pricing.cashRounding.unit,
    cashMode: pricing.cashRounding.mode,
    approvalOn: approval !== null,
    approvalPercentText: approval === null ? '' : String(approval.percent),
    approvalAmountText: approval === null ? '' : String(approval.amount),
  };
}

export const DEFAULT_PRICING_DRAFT: PricingDraft = pricingDraftFrom(DEFAULT_PRICING_SETTINGS, null);

/**
 * Choosing a tax kind fills in its usual rate when none was typed for it yet: 10 % for PB1, and
 * 12 % on a DPP of 11/12 for PPN. A rate the manager typed is kept.
 */
export function withTaxKind(draft: PricingDraft, taxKind: TaxKind): PricingDraft {
  if (taxKind === draft.taxKind) return draft;
  const typed = draft.rateText.trim();
  const untouched =
    typed === '' ||
    typed === '0' ||
    (draft.taxKind === 'pb1' && typed === String(PB1_DEFAULT_RATE)) ||
    (draft.taxKind === 'ppn' && typed === String(PPN_DEFAULT.ratePercent));
  if (taxKind === 'none') return { ...draft, taxKind };
  if (taxKind === 'pb1') {
    return { ...draft, taxKind, rateText: untouched ? String(PB1_DEFAULT_RATE) : draft.rateText };
  }
  return {
    ...draft,
    taxKind,
    rateText: untouched ? String(PPN_DEFAULT.ratePercent) : draft.rateText,
    dppOn: untouched ? true : draft.dppOn,
  };
}

export interface PricingRead {
  /** What would be stored: always complete, even when it has problems (then it is not sent). */
  pricing: PricingSettings;
  approval: DiscountApproval | null;
  problems: PricingProblemAt[];
}

function taxOf(draft: PricingDraft): TaxSettings {
  if (draft.taxKind === 'none') return { kind: 'none', ratePercent: 0, inclusive: draft.inclusive };
  const tax: TaxSettings = {
    kind: draft.taxKind,
    ratePercent: parsePercentText(draft.rateText),
    inclusive: draft.inclusive,
    scope: draft.scope,
  };
  // "DPP nilai lain" is a PPN rule; PBJT is charged on the whole amount.
  if (draft.taxKind === 'ppn' && draft.dppOn) {
    tax.dpp = {
      numerator: parseWholeText(draft.dppNumeratorText),
      denominator: parseWholeText(draft.dppDenominatorText),
    };
  }
  return tax;
}

export function readPricingDraft(draft: PricingDraft): PricingRead {
  const pricing: PricingSettings = {
    tax: taxOf(draft),
    serviceTaxed: draft.serviceTaxed,
    taxRounding: draft.taxRounding,
    fractionRounding: draft.fractionRounding,
    cashRounding: { unit: draft.cashUnit, mode: draft.cashMode },
  };
  if (draft.serviceText.trim() !== '') pricing.servicePercent = parsePercentText(draft.serviceText);
  const problems: PricingProblemAt[] = settingsProblems(pricing).map((found) => ({
    code: found.code,
    slot: SLOT_OF_CHECK[found.field] ?? 'pricing',
    message: found.message,
  }));

  let approval: DiscountApproval | null = null;
  if (draft.approvalOn) {
    approval = {
      percent: parsePercentText(draft.approvalPercentText),
      amount: parseRupiahText(draft.approvalAmountText),
    };
    // The shared check judges both limits under one field; asked one at a time, each problem
    // lands next to its own input.
    const judged: [PricingSlot, DiscountApproval][] = [
      ['approvalPercent', { percent: approval.percent, amount: 0 }],
      ['approvalAmount', { percent: 0, amount: approval.amount }],
    ];
    for (const [slot, value] of judged) {
      for (const found of checkSettingsPatch({ discountApproval: value })) {
        problems.push({ code: found.code, slot, message: found.message });
      }
    }
  }
  return { pricing, approval, problems };
}

/** The same settings, however they were written (key order, a default left out). */
export function samePricing(a: PricingRead, b: PricingRead): boolean {
  return (
    JSON.stringify(a.pricing) === JSON.stringify(b.pricing) &&
    JSON.stringify(a.approval) === JSON.stringify(b.approval)
  );
}

/** Problems grouped by where they are shown, each message once. */
export function pricingProblemsBySlot(
  problems: readonly PricingProblemAt[],
): Partial<Record<PricingSlot, Bilingual[]>> {
  const out: Partial<Record<PricingSlot, Bilingual[]>> = {};
  for (const problem of problems) {
    const list = out[problem.slot] ?? [];
    if (!list.some((m) => m.id === problem.message.id)) list.push(problem.message);
    out[problem.slot] = list;
  }
  return out;
}
