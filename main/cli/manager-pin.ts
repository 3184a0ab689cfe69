/**
 * The manager PIN on the command line: from KIOSK_MANAGER_PIN (scripts), else asked at the
 * terminal without echo; checked against the app's settings in the data folder before anything
 * else is opened, so a wrong PIN opens no journal and reaches no gateway.
 */
import type { KioskConfig } from '../host/env-config.ts';
import { openPinFile } from '../settings/pin-file.ts';
import type { Output } from './io.ts';
import { UsageError } from './usage.ts';

export const PIN_VARIABLE = 'KIOSK_MANAGER_PIN';

/** The PIN given for this run: the variable, or one typed at the terminal. */
export async function givenPin(out: Output, question: string): Promise<string> {
  const fromEnv = out.env[PIN_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv.trim();
  const typed = await out.askSecret(question);
  if (typed === undefined || typed.trim() === '') {
    throw new UsageError(
      `the manager PIN is needed: set ${PIN_VARIABLE}, or run this in a terminal to type it`,
      `PIN manajer diperlukan: isi ${PIN_VARIABLE}, atau jalankan di terminal untuk mengetiknya.`,
    );
  }
  return typed.trim();
}

/** Refused PIN: told in both languages; the caller exits 2 with nothing opened. */
export class PinRefusedError extends Error {
  readonly words: { id: string; en: string };
  constructor(words: { id: string; en: string }) {
    super(words.en);
    this.name = 'PinRefusedError';
    this.words = words;
  }
}

/** Checks the manager PIN for one act; throws PinRefusedError when it does not authorise it. */
export async function requireManagerPin(out: Output, config: KioskConfig): Promise<void> {
  const pins = openPinFile(config.dataDir, { log: (line) => out.note(line) });
  const status = pins.status();
  if (!status.pinSet) {
    throw new PinRefusedError({
      id: 'Belum ada PIN manajer di kasir ini. Buat dulu dengan "kiosk pin set" (atau di Pengaturan aplikasi).',
      en: 'This till has no manager PIN yet. Create one first with "kiosk pin set" (or in the app\'s Settings).',
    });
  }
  const pin = await givenPin(out, 'manager PIN (PIN manajer): ');
  const outcome = await pins.check(pin);
  if (outcome === 'ok') return;
  if (outcome === 'locked') {
    const until = pins.status().lockedUntil;
    const when = until === null ? '' : ` (${new Date(until).toISOString()})`;
    throw new PinRefusedError({
      id: `Terlalu banyak PIN salah: PIN manajer dikunci sementara${when}. Coba lagi nanti.`,
      en: `Too many wrong PINs: the manager PIN is locked for a while${when}. Try again later.`,
    });
  }
  throw new PinRefusedError({ id: 'PIN manajer salah.', en: 'The manager PIN is wrong.' });
}
