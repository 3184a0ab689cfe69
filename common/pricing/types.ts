/**
 * The shapes of a priced cart: what the cashier rang up, the shop's pricing settings, and the
 * breakdown the sale keeps. Every amount is whole rupiah. Rates are percentages (11 = 11 %).
 */

export const ROUNDING_MODES = ['half-up', 'down', 'up'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export const TAX_KINDS = ['none', 'pb1', 'ppn'] as const;
/** none; PB1 (PBJT makanan/minuman, regional); PPN (VAT, national). Mutually exclusive per outlet. */
export type TaxKind = (typeof TAX_KINDS)[number];

/** Tax rounded once on the whole bill, or per line and then added up (reference §1.3: UNCONFIRMED which). */
export const TAX_SCOPES = ['bill', 'line'] as const;
export type TaxScope = (typeof TAX_SCOPES)[number];

export const CASH_ROUNDING_UNITS = [0, 100, 500, 1000] as const;
export type CashRoundingUnit = (typeof CASH_ROUNDING_UNITS)[number];

export type Discount = { kind: 'percent'; value: number } | { kind: 'amount'; value: number };

export interface CartLine {
  /** The catalogue's item id, when the line came from the catalogue. */
  itemId?: string;
  sku?: string;
  name: string;
  /** Whole rupiah per unit, as the price list shows it (tax included when tax is inclusive). */
  unitPrice: number;
  quantity: number;
  discount?: Discount;
}

export interface TaxSettings {
  kind: TaxKind;
  /** 0–100, up to four decimals: PB1 usually 10, PPN 12 (with dpp 11/12) or 11. */
  ratePercent: number;
  /** Prices already contain the tax (it is shown as the part they contain) or it is added on the bill. */
  inclusive: boolean;
  /**
   * "DPP nilai lain": the tax is charged on numerator/denominator of the taxable amount
   * (PMK 131/2024: PPN 12 % on 11/12 of the price = 11 % effective). Absent: the whole amount.
   */
  dpp?: { numerator: number; denominator: number };
  /** Default 'bill'. */
  scope?: TaxScope;
}

export interface PricingSettings {
  tax: TaxSettings;
  /** Service charge on the discounted subtotal, 0–100; absent or 0 = none. */
  servicePercent?: number;
  /** Whether the service charge is part of the tax base (Moka: always; Majoo: a switch). */
  serviceTaxed: boolean;
  /** How the tax's fraction of a rupiah rounds. */
  taxRounding: RoundingMode;
  /** How the other fractions round: percentage discounts and the service charge. */
  fractionRounding: RoundingMode;
  /** Cash payable rounded to a coin (0 = not rounded); QRIS is always charged the exact total. */
  cashRounding: { unit: CashRoundingUnit; mode: RoundingMode };
}

export interface CartInput {
  lines: readonly CartLine[];
  orderDiscount?: Discount;
  settings: PricingSettings;
}

/** No tax, no service, no cash rounding (change is the customer's right; reference §1.5). */
export const DEFAULT_PRICING_SETTINGS: PricingSettings = {
  tax: { kind: 'none', ratePercent: 0, inclusive: false },
  serviceTaxed: true,
  taxRounding: 'half-up',
  fractionRounding: 'half-up',
  cashRounding: { unit: 0, mode: 'half-up' },
};

export interface PricedLine {
  /** Position in the cart, from 0. */
  index: number;
  itemId?: string;
  sku?: string;
  /** NFC-normalised, trimmed, inner spaces collapsed. */
  name: string;
  unitPrice: number;
  quantity: number;
  /** unitPrice × quantity. */
  gross: number;
  lineDiscount: number;
  /** gross − lineDiscount. */
  net: number;
  /** This line's part of the order discount, of the service charge and of the tax (sums are exact). */
  orderDiscountShare: number;
  serviceShare: number;
  taxShare: number;
  /** What the line costs the customer: net − orderDiscountShare + serviceShare (+ taxShare when added). */
  total: number;
}

export interface TaxBreakdown {
  kind: TaxKind;
  ratePercent: number;
  inclusive: boolean;
  scope: TaxScope;
  /** What the tax is levied on, with the tax itself left out ("harga jual" / "penggantian"). */
  base: number;
  /** DPP: the base, or its numerator/denominator part under "DPP nilai lain". */
  dpp: number;
  /** The tax: added to the bill (exclusive) or contained in the prices (inclusive). */
  amount: number;
}

export interface PriceBreakdown {
  lines: PricedLine[];
  /** Σ unitPrice × quantity, before any discount. */
  subtotal: number;
  lineDiscounts: number;
  orderDiscount: number;
  /** subtotal − lineDiscounts − orderDiscount: what the service charge is a percentage of. */
  discountedSubtotal: number;
  service: number;
  servicePercent: number;
  tax: TaxBreakdown;
  /** What QRIS/GoPay is charged (gross_amount): discountedSubtotal + service (+ tax when exclusive). */
  total: number;
  /** What a cash-only sale asks for: total rounded to the cash unit. */
  cashTotal: number;
  /** cashTotal − total (negative when rounded down). */
  cashRounding: number;
  /** The order discount as given, for the receipt's wording ("Diskon 10 %"). */
  orderDiscountGiven?: Discount;
}
