import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_SETTINGS, type PricingSettings } from '../../../../common/pricing/index.ts';
import {
  parsePercentText,
  parseRupiahText,
  parseWholeText,
} from '../../../../renderer/cashier/settings/number-text.ts';
import { effectiveRate, exampleBill } from '../../../../renderer/cashier/settings/pricing/example-bill.ts';
import {
  DEFAULT_PRICING_DRAFT,
  pricingDraftFrom,
  pricingProblemsBySlot,
  readPricingDraft,
  withTaxKind,
  type PricingDraft,
} from '../../../../renderer/cashier/settings/pricing/pricing-draft.ts';
import {
  buildPatch,
  draftFromSettings,
  problemsBySlot,
  problemSlot,
} from '../../../../renderer/cashier/settings/settings-draft.ts';
import { managerSettings } from '../../fixtures.ts';

const draft = (changes: Partial<PricingDraft>): PricingDraft => ({ ...DEFAULT_PRICING_DRAFT, ...changes });

describe('numbers as typed', () => {
  it('reads percentages with a decimal comma or point, and rupiah with thousands dots', () => {
    expect(parsePercentText('12,5')).toBe(12.5);
    expect(parsePercentText(' 11.25 % ')).toBe(11.25);
    expect(parsePercentText('-5')).toBe(-5);
    expect(parsePercentText('')).toBeNaN();
    expect(parsePercentText('10 persen')).toBeNaN();
    expect(parseRupiahText('Rp 18.000')).toBe(18_000);
    expect(parseRupiahText('18000')).toBe(18_000);
    expect(parseRupiahText('18.5')).toBeNaN();
    expect(parseRupiahText('18,000')).toBeNaN();
    expect(parseWholeText('12')).toBe(12);
    expect(parseWholeText('1.5')).toBeNaN();
  });
});

describe('pricing draft', () => {
  it('reads back the stored settings unchanged, so an untouched form sends nothing', () => {
    const stored: PricingSettings = {
      tax: {
        kind: 'ppn',
        ratePercent: 12,
        inclusive: true,
        dpp: { numerator: 11, denominator: 12 },
        scope: 'line',
      },
      servicePercent: 5,
      serviceTaxed: false,
      taxRounding: 'down',
      fractionRounding: 'up',
      cashRounding: { unit: 500, mode: 'down' },
    };
    const read = readPricingDraft(pricingDraftFrom(stored, { percent: 10, amount: 50_000 }));
    expect(read.problems).toEqual([]);
    expect(read.pricing).toEqual(stored);
    expect(read.approval).toEqual({ percent: 10, amount: 50_000 });
    const settings = managerSettings({ pricing: stored, discountApproval: { percent: 10, amount: 50_000 } });
    expect(buildPatch(settings, draftFromSettings(settings)).patch).toEqual({});
  });

  it('fills in the usual rate when a tax kind is chosen, and keeps a rate the manager typed', () => {
    const pb1 = withTaxKind(DEFAULT_PRICING_DRAFT, 'pb1');
    expect(pb1.rateText).toBe('10');
    const ppn = withTaxKind(pb1, 'ppn');
    expect(ppn).toMatchObject({
      rateText: '12',
      dppOn: true,
      dppNumeratorText: '11',
      dppDenominatorText: '12',
    });
    expect(withTaxKind(ppn, 'pb1').rateText).toBe('10');
    expect(withTaxKind({ ...pb1, rateText: '5' }, 'ppn').rateText).toBe('5');
    expect(withTaxKind({ ...pb1, rateText: '5', dppOn: false }, 'ppn').dppOn).toBe(false);
  });

  it('sends the DPP fraction for PPN only, and no rate without a tax', () => {
    const ppn = readPricingDraft(draft({ taxKind: 'ppn', rateText: '12', dppOn: true }));
    expect(ppn.pricing.tax).toEqual({
      kind: 'ppn',
      ratePercent: 12,
      inclusive: false,
      scope: 'bill',
      dpp: { numerator: 11, denominator: 12 },
    });
    expect(
      readPricingDraft(draft({ taxKind: 'pb1', rateText: '10', dppOn: true })).pricing.tax.dpp,
    ).toBeUndefined();
    expect(readPricingDraft(draft({ taxKind: 'none', rateText: '150' })).pricing.tax).toEqual({
      kind: 'none',
      ratePercent: 0,
      inclusive: false,
    });
    expect(readPricingDraft(draft({ serviceText: '' })).pricing.servicePercent).toBeUndefined();
    expect(readPricingDraft(draft({ serviceText: '7,5' })).pricing.servicePercent).toBe(7.5);
  });

  it('puts each problem at its field, in the shared checks’ words', () => {
    const read = readPricingDraft(
      draft({
        taxKind: 'pb1',
        rateText: '150',
        serviceText: 'lima',
        approvalOn: true,
        approvalPercentText: '120',
        approvalAmountText: '12,5',
      }),
    );
    const bySlot = pricingProblemsBySlot(read.problems);
    expect(bySlot.taxRate?.[0]).toEqual({
      id: 'Tarif pajak harus antara 0 dan 100 %.',
      en: 'The tax rate must be between 0 and 100%.',
    });
    expect(bySlot.service?.[0]?.en).toBe('The service charge must be a number.');
    expect(bySlot.approvalPercent?.[0]?.en).toMatch(/0–100/);
    expect(bySlot.approvalAmount?.[0]?.en).toMatch(/whole rupiah/);
    expect(Object.keys(bySlot).sort()).toEqual(['approvalAmount', 'approvalPercent', 'service', 'taxRate']);
  });

  it('refuses a DPP fraction above one, at the fraction', () => {
    const read = readPricingDraft(
      draft({
        taxKind: 'ppn',
        rateText: '12',
        dppOn: true,
        dppNumeratorText: '13',
        dppDenominatorText: '12',
      }),
    );
    expect(read.problems.map((p) => p.slot)).toEqual(['dpp']);
  });
});

describe('the settings patch with pricing', () => {
  const base = managerSettings();
  it('carries pricing and the discount threshold only when they changed', () => {
    const form = draftFromSettings(base);
    const check = buildPatch(base, {
      ...form,
      pricing: {
        ...withTaxKind(form.pricing, 'pb1'),
        serviceText: '5',
        approvalOn: true,
        approvalPercentText: '10',
        approvalAmountText: '50.000',
      },
    });
    expect(check.problems).toEqual([]);
    expect(check.patch).toEqual({
      pricing: {
        ...DEFAULT_PRICING_SETTINGS,
        tax: { kind: 'pb1', ratePercent: 10, inclusive: false, scope: 'bill' },
        servicePercent: 5,
      },
      discountApproval: { percent: 10, amount: 50_000 },
    });
    const approvalOnly = buildPatch(base, {
      ...form,
      pricing: { ...form.pricing, approvalOn: true, approvalPercentText: '0', approvalAmountText: '0' },
    });
    expect(approvalOnly.patch).toEqual({ discountApproval: { percent: 0, amount: 0 } });
  });

  it('marks the pricing field, not the top of the form, and keeps Save off', () => {
    const form = draftFromSettings(base);
    const check = buildPatch(base, {
      ...form,
      pricing: { ...withTaxKind(form.pricing, 'ppn'), rateText: '101' },
    });
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]?.field).toBe('pricing.taxRate');
    expect(problemsBySlot(check.problems).taxRate?.[0]?.id).toMatch(/antara 0 dan 100/);
    expect(problemsBySlot(check.problems).general).toBeUndefined();
  });

  it('shows a refusal of the main process at the pricing section', () => {
    expect(problemSlot('pricing')).toBe('pricing');
    expect(problemSlot('discountApproval')).toBe('pricing');
    expect(problemSlot('pricing.dpp')).toBe('dpp');
    expect(problemSlot('pricing.nonsense')).toBe('general');
  });
});

describe('example bill', () => {
  it('prices shop-operations.md §1.3’s worked example: PB1 10 %, service 5 %, Rp 100 cash rounding', () => {
    const read = readPricingDraft(draft({ taxKind: 'pb1', rateText: '10', serviceText: '5', cashUnit: 100 }));
    const bill = exampleBill(read);
    if (!bill.ok) throw new Error('the example should price');
    expect(bill.breakdown).toMatchObject({
      subtotal: 85_000,
      orderDiscount: 8_500,
      service: 3_825,
      total: 88_358,
      cashTotal: 88_400,
    });
    expect(bill.breakdown.tax.amount).toBe(8_033);
    expect(bill.discountNeedsPin).toBe(false);
  });

  it('shows tax contained in inclusive prices without adding it', () => {
    const bill = exampleBill(readPricingDraft(draft({ taxKind: 'pb1', rateText: '10', inclusive: true })));
    if (!bill.ok) throw new Error('the example should price');
    expect(bill.breakdown.total).toBe(76_500);
    // 76.500 × 10/110 = 6.954,5… → 6.955 (half up)
    expect(bill.breakdown.tax.amount).toBe(6_955);
  });

  it('says whether its 10 % discount (Rp 8.500) would need the manager PIN', () => {
    const needs = (percent: string, amount: string) => {
      const bill = exampleBill(
        readPricingDraft(
          draft({ approvalOn: true, approvalPercentText: percent, approvalAmountText: amount }),
        ),
      );
      return bill.ok && bill.discountNeedsPin;
    };
    expect(needs('10', '8500')).toBe(false);
    expect(needs('9.99', '100000')).toBe(true);
    expect(needs('50', '8499')).toBe(true);
  });

  it('is not priced while a field is refused', () => {
    expect(exampleBill(readPricingDraft(draft({ taxKind: 'pb1', rateText: '150' }))).ok).toBe(false);
  });

  it('states the DPP rule as the rate it comes to', () => {
    expect(effectiveRate(12, 11, 12)).toBe(11);
    expect(effectiveRate(12, 1, 3)).toBe(4);
    expect(effectiveRate(11, 2, 3)).toBe(7.33);
  });
});
