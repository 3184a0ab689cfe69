/**
 * What `kiosk charge` asks the till for, from what was typed. Every sale goes through the till,
 * as the cashier screen's do, so the kiosk's pricing settings apply and the sale is journaled
 * with its lines and tenders.
 *
 * The old form (an amount or --item lines, paid by QRIS/GoPay) is checked first exactly as it
 * always was (common/sale-input.ts), so scripts keep the refusals they know; it then becomes the
 * same cart the cashier screen makes of it: the items as lines, or one line "Jumlah". With
 * --sku, --discount or --cash the till's own pricing judges the cart.
 */
import { PAYMENT_TYPES } from '../../common/midtrans-limits.ts';
import type { CartLine, Discount } from '../../common/pricing/types.ts';
import { checkSale, ITEM_ID_PATTERN, type SaleProblem } from '../../common/sale-input.ts';
import type { TenderRequest, TillSaleRequest } from '../../common/till-contract.ts';
import type { CatalogueService } from '../catalogue/catalogue-service.ts';
import type { CatalogueProblem } from '../catalogue/types.ts';
import type { KioskConfig } from '../host/env-config.ts';
import { readItem } from './item-text.ts';
import { readDiscount, readPaymentType, readSku, rupiahOrNaN, type WantedSku } from './sale-options.ts';
import { defaultPaymentType } from './payment-type.ts';
import { UsageError } from './usage.ts';

/** The name the cashier screen gives a typed amount sold without a catalogue item. */
export const FREE_AMOUNT_NAME = 'Jumlah';

export interface ChargeValues {
  type?: string | undefined;
  item?: string[] | undefined;
  sku?: string[] | undefined;
  discount?: string | undefined;
  cash?: string | undefined;
}

export interface ChargeForm {
  /** Catalogue lines, looked up once the kiosk is open; they come first in the cart. */
  skus: WantedSku[];
  /** --item lines and the free amount, after the catalogue lines. */
  lines: CartLine[];
  orderDiscount: Discount | undefined;
  tender: TenderRequest;
  /** What was typed, by the field of the request it became (lines.0, orderDiscount, …). */
  typed: Record<string, string>;
}

/** The old form refused by the old check: nothing is opened, journaled or sent. */
export class OldFormRefusal extends Error {
  readonly problems: SaleProblem[];
  readonly typed: Record<string, string>;
  constructor(problems: SaleProblem[], typed: Record<string, string>) {
    super(problems.map((p) => p.message.en).join('; '));
    this.name = 'OldFormRefusal';
    this.problems = problems;
    this.typed = typed;
  }
}

function oldForm(values: ChargeValues, amountText: string | undefined, config: KioskConfig): ChargeForm {
  const typed: Record<string, string> = {};
  if (amountText !== undefined) typed.amount = amountText;
  if (values.type !== undefined) typed.paymentType = values.type;
  const items = values.item?.map(readItem);
  const checked = checkSale(
    {
      paymentType: values.type ?? defaultPaymentType(config),
      ...(amountText === undefined ? {} : { amount: rupiahOrText(amountText) }),
      ...(items === undefined ? {} : { items }),
    },
    config.paymentTypes ?? PAYMENT_TYPES,
  );
  if (!checked.ok) throw new OldFormRefusal(checked.problems, typed);
  const { sale } = checked;
  const lines: CartLine[] =
    sale.items.length > 0
      ? sale.items.map((item) => ({
          sku: item.id,
          name: item.name,
          unitPrice: item.price,
          quantity: item.quantity,
        }))
      : [{ name: FREE_AMOUNT_NAME, unitPrice: sale.amount, quantity: 1 }];
  lines.forEach((_, index) => {
    typed[`lines.${index}`] = values.item?.[index] ?? amountText ?? '';
  });
  return {
    skus: [],
    lines,
    orderDiscount: undefined,
    tender: { kind: 'gateway', paymentType: sale.paymentType },
    typed,
  };
}

/** As the old check wants it: a number, or the text for it to refuse in its own words. */
function rupiahOrText(text: string): number | string {
  const value = rupiahOrNaN(text);
  return Number.isNaN(value) ? text : value;
}

function numberOrNaN(value: number | string): number {
  return typeof value === 'number' ? value : Number.NaN;
}

export function readChargeForm(
  values: ChargeValues,
  amountText: string | undefined,
  config: KioskConfig,
): ChargeForm {
  const tillForm = values.sku !== undefined || values.discount !== undefined || values.cash !== undefined;
  if (!tillForm) return oldForm(values, amountText, config);
  if (amountText !== undefined && values.item !== undefined) {
    throw new UsageError(
      'with --sku, --discount or --cash, <amount> is a free amount line of its own; give it or --item lines, not both (with --item the lines make the amount)',
      'dengan --sku, --discount atau --cash, <amount> adalah baris jumlah bebas tersendiri; berikan itu atau baris --item, jangan keduanya (dengan --item jumlahnya dari baris-baris itu).',
    );
  }
  const skus = (values.sku ?? []).map(readSku);
  const typed: Record<string, string> = {};
  skus.forEach((wanted, index) => {
    typed[`lines.${index}`] = wanted.text;
  });
  const lines: CartLine[] = (values.item ?? []).map((text, index) => {
    const item = readItem(text);
    // The till takes any short code; the old form held --item codes to Midtrans's rule, and so do we.
    if (!ITEM_ID_PATTERN.test(item.id)) {
      throw new UsageError(
        `--item "${text}": the code must be 1–50 letters, digits, "-", "_" or "."`,
        `--item "${text}": kode harus 1–50 huruf, angka, "-", "_" atau ".".`,
      );
    }
    typed[`lines.${skus.length + index}`] = text;
    return {
      sku: item.id,
      name: item.name,
      unitPrice: numberOrNaN(item.price),
      quantity: numberOrNaN(item.quantity),
    };
  });
  if (amountText !== undefined) {
    typed[`lines.${skus.length + lines.length}`] = amountText;
    lines.push({ name: FREE_AMOUNT_NAME, unitPrice: rupiahOrNaN(amountText), quantity: 1 });
  }
  const type = values.type === undefined ? undefined : readPaymentType(values.type);
  if (values.type !== undefined) typed['tender.paymentType'] = values.type;
  const cash = values.cash === undefined ? undefined : rupiahOrNaN(values.cash);
  if (values.cash !== undefined) typed.cashReceived = values.cash;
  if (cash !== undefined && cash < 0) {
    // The pricing would call it "not whole rupiah", which is true but not the mistake made.
    throw new UsageError(
      `--cash is the cash received from the customer and cannot be negative, not "${values.cash}"`,
      `--cash adalah uang yang diterima dari pelanggan dan tidak boleh negatif, bukan "${values.cash}".`,
    );
  }
  const orderDiscount = values.discount === undefined ? undefined : readDiscount(values.discount);
  if (values.discount !== undefined) typed.orderDiscount = values.discount;
  let tender: TenderRequest;
  if (cash === undefined) tender = { kind: 'gateway', paymentType: type ?? defaultPaymentType(config) };
  else if (type === undefined) tender = { kind: 'cash', received: cash };
  else tender = { kind: 'split', cash, paymentType: type };
  return { skus, lines, orderDiscount, tender, typed };
}

/** The catalogue's lines for the SKUs asked for, or every SKU's problem (unknown, inactive). */
export function tillRequest(
  form: ChargeForm,
  catalogue: CatalogueService,
):
  | { ok: true; request: TillSaleRequest }
  | { ok: false; problems: { wanted: WantedSku; problem: CatalogueProblem }[] } {
  const problems: { wanted: WantedSku; problem: CatalogueProblem }[] = [];
  const skuLines: CartLine[] = [];
  for (const wanted of form.skus) {
    const found = catalogue.bySku(wanted.sku);
    if (!found.ok) {
      for (const problem of found.problems) problems.push({ wanted, problem });
      continue;
    }
    const item = found.value;
    skuLines.push({
      // The item's id is what the catalogue checks before deleting an item that was ever sold.
      itemId: String(item.id),
      ...(item.sku === null ? {} : { sku: item.sku }),
      name: item.name,
      unitPrice: item.price,
      quantity: wanted.quantity,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: {
      lines: [...skuLines, ...form.lines],
      ...(form.orderDiscount === undefined ? {} : { orderDiscount: form.orderDiscount }),
      tender: form.tender,
    },
  };
}
