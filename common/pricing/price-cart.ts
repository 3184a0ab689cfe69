/**
 * Prices a cart. Order of application (shop-operations.md §1.3, the vendors' common chain):
 *
 *   1. line discounts        each line: gross = unitPrice × quantity, less its own discount
 *                            (a percentage is rounded by `fractionRounding`);
 *   2. order discount        on the sum of the discounted lines (percentage rounded the same way);
 *                            → discountedSubtotal;
 *   3. service charge        servicePercent of discountedSubtotal, rounded by `fractionRounding`;
 *   4. tax                   TAX BASE = discountedSubtotal + service when `serviceTaxed`, else
 *                            discountedSubtotal. Tax is levied AFTER discounts: on what the guest
 *                            actually pays (the Kutai Timur rule quoted in §1.1 says "per bill on
 *                            the amount the guest pays"); taxing before discount is not offered.
 *                            - exclusive: tax = base × rate (× dpp numerator/denominator), added;
 *                            - inclusive: the prices (and a taxed service charge) already contain
 *                              it: tax = base × e / (1 + e) with e the effective rate, e.g. 11/111
 *                              at 11 %; nothing is added and the contained part is reported.
 *                            Rounded once by `taxRounding`, on the bill (scope 'bill') or on each
 *                            line's share of the base and then added up (scope 'line').
 *   5. rounding              total is whole rupiah by construction; a cash-only sale may round it
 *                            further to `cashRounding.unit` (never to 0: a positive total below
 *                            half a unit is one unit in cash). QRIS/GoPay is charged `total` exactly.
 *
 * Every figure is rounded once, from exact integers (exact.ts), and the total is the sum of those
 * rounded parts, so the parts always add up to it. Bill-level figures are also spread over the
 * lines (largest remainder, earlier line first on a tie) so each line's share is known for the
 * receipt and the journal and the shares add up exactly.
 */
import { allocate, PERCENT_SCALE, percentOf, roundDiv, roundToUnit, scaledPercent } from './exact.ts';
import { normaliseName } from './item-text.ts';
import type { Checked } from './problems.ts';
import type {
  CartInput,
  Discount,
  PricedLine,
  PriceBreakdown,
  PricingSettings,
  TaxBreakdown,
} from './types.ts';
import { cartProblems, orderDiscountTooLarge } from './validate.ts';

function discountAmount(discount: Discount | undefined, amount: number, settings: PricingSettings): number {
  if (discount === undefined) return 0;
  if (discount.kind === 'amount') return discount.value;
  return percentOf(amount, scaledPercent(discount.value) ?? 0n, settings.fractionRounding);
}

interface TaxRule {
  /** Effective rate as a fraction num/den of the amount (rate × dpp), both BigInt. */
  num: bigint;
  den: bigint;
  dppNum: bigint;
  dppDen: bigint;
}

function taxRule(settings: PricingSettings): TaxRule {
  const { tax } = settings;
  const rate = tax.kind === 'none' ? 0n : (scaledPercent(tax.ratePercent) ?? 0n);
  const dppNum = BigInt(tax.dpp?.numerator ?? 1);
  const dppDen = BigInt(tax.dpp?.denominator ?? 1);
  return { num: rate * dppNum, den: PERCENT_SCALE * dppDen, dppNum, dppDen };
}

/** The tax on (exclusive) or contained in (inclusive) an amount. */
function taxOn(amount: number, rule: TaxRule, settings: PricingSettings): number {
  if (rule.num === 0n || amount === 0) return 0;
  const den = settings.tax.inclusive ? rule.den + rule.num : rule.den;
  return Number(roundDiv(BigInt(amount) * rule.num, den, settings.taxRounding));
}

/** The priced cart, or every problem with it. Pure: the same input always gives the same answer. */
export function priceCart(input: CartInput): Checked<PriceBreakdown> {
  const problems = cartProblems(input);
  if (problems.length > 0) return { ok: false, problems };
  const { settings } = input;

  const lines = input.lines.map((line, index) => {
    const gross = line.unitPrice * line.quantity;
    const lineDiscount = discountAmount(line.discount, gross, settings);
    return { line, index, gross, lineDiscount, net: gross - lineDiscount };
  });
  const subtotal = sum(lines.map((l) => l.gross));
  const lineDiscounts = sum(lines.map((l) => l.lineDiscount));
  const itemsNet = subtotal - lineDiscounts;

  if (input.orderDiscount !== undefined) {
    const tooLarge = orderDiscountTooLarge(input.orderDiscount, itemsNet);
    if (tooLarge) return { ok: false, problems: [tooLarge] };
  }
  const orderDiscount = discountAmount(input.orderDiscount, itemsNet, settings);
  const discountedSubtotal = itemsNet - orderDiscount;

  const servicePercent = settings.servicePercent ?? 0;
  const service = percentOf(
    discountedSubtotal,
    scaledPercent(servicePercent) ?? 0n,
    settings.fractionRounding,
  );
  const taxBaseTotal = discountedSubtotal + (settings.serviceTaxed ? service : 0);

  const odShares = allocate(
    orderDiscount,
    lines.map((l) => l.net),
  );
  const afterOrder = lines.map((l, i) => l.net - (odShares[i] ?? 0));
  const serviceShares = allocate(service, afterOrder);
  const lineBases = afterOrder.map((v, i) => v + (settings.serviceTaxed ? (serviceShares[i] ?? 0) : 0));

  const rule = taxRule(settings);
  const scope = settings.tax.scope ?? 'bill';
  let taxShares: number[];
  let taxAmount: number;
  if (scope === 'line') {
    taxShares = lineBases.map((base) => taxOn(base, rule, settings));
    taxAmount = sum(taxShares);
  } else {
    taxAmount = taxOn(taxBaseTotal, rule, settings);
    taxShares = allocate(taxAmount, lineBases);
  }
  const base = settings.tax.inclusive ? taxBaseTotal - taxAmount : taxBaseTotal;
  const tax: TaxBreakdown = {
    kind: settings.tax.kind,
    ratePercent: settings.tax.kind === 'none' ? 0 : settings.tax.ratePercent,
    inclusive: settings.tax.inclusive,
    scope,
    base,
    dpp: Number(roundDiv(BigInt(base) * rule.dppNum, rule.dppDen, settings.taxRounding)),
    amount: taxAmount,
  };
  const added = settings.tax.inclusive ? 0 : taxAmount;
  const total = discountedSubtotal + service + added;
  // A positive total never rounds to nothing in cash (the goods would be free, and the journal
  // refuses a zero cash total): below one unit it rounds up to that unit.
  const rounded = roundToUnit(total, settings.cashRounding.unit, settings.cashRounding.mode);
  const cashTotal = rounded === 0 && total > 0 ? settings.cashRounding.unit : rounded;

  const priced: PricedLine[] = lines.map(({ line, index, gross, lineDiscount, net }) => {
    const orderDiscountShare = odShares[index] ?? 0;
    const serviceShare = serviceShares[index] ?? 0;
    const taxShare = taxShares[index] ?? 0;
    return {
      index,
      ...(line.itemId !== undefined ? { itemId: line.itemId } : {}),
      ...(line.sku !== undefined ? { sku: line.sku } : {}),
      name: normaliseName(line.name),
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      gross,
      lineDiscount,
      net,
      orderDiscountShare,
      serviceShare,
      taxShare,
      total: net - orderDiscountShare + serviceShare + (settings.tax.inclusive ? 0 : taxShare),
    };
  });

  return {
    ok: true,
    value: {
      lines: priced,
      subtotal,
      lineDiscounts,
      orderDiscount,
      discountedSubtotal,
      service,
      servicePercent,
      tax,
      total,
      cashTotal,
      cashRounding: cashTotal - total,
      ...(input.orderDiscount !== undefined ? { orderDiscountGiven: { ...input.orderDiscount } } : {}),
    },
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
