import { DEFAULT_PRICING_SETTINGS } from '../../../common/pricing/index.ts';
import type { CartLine, PricingSettings } from '../../../common/pricing/index.ts';

export function settings(patch: Partial<PricingSettings> = {}): PricingSettings {
  return { ...DEFAULT_PRICING_SETTINGS, ...patch };
}

export function line(name: string, unitPrice: number, quantity = 1, extra: Partial<CartLine> = {}): CartLine {
  return { name, unitPrice, quantity, ...extra };
}

export function itemSum(items: readonly { price: number; quantity: number }[]): number {
  return items.reduce((total, item) => total + item.price * item.quantity, 0);
}
