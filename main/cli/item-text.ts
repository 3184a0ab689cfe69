/** `--item id:name:price:qty`; the name may itself contain ":" (only the ends are split off). */
import { readAmount } from './amount-text.ts';
import { UsageError } from './usage.ts';

export interface TypedItem {
  id: string;
  name: string;
  /** As readAmount leaves it: a number, or the text for the sale check to refuse. */
  price: number | string;
  quantity: number | string;
}

export function readItem(text: string): TypedItem {
  const parts = text.split(':');
  if (parts.length < 4) {
    throw new UsageError(
      `--item "${text}" must be id:name:price:qty, e.g. --item KOPI-1:Kopi susu:18000:2`,
      `--item "${text}" harus berformat kode:nama:harga:jumlah, mis. --item KOPI-1:Kopi susu:18000:2`,
    );
  }
  const id = parts[0] ?? '';
  const quantity = parts.at(-1) ?? '';
  const price = parts.at(-2) ?? '';
  const name = parts.slice(1, -2).join(':');
  return { id, name, price: readAmount(price), quantity: readAmount(quantity) };
}
