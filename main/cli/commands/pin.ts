/**
 * `kiosk pin set`: creates the manager PIN on a till that has none yet (the first manager's act,
 * as on the settings screen). It never replaces a PIN: changing one needs the old one, in Settings.
 */
import type { KioskConfig } from '../../host/env-config.ts';
import { openPinFile } from '../../settings/pin-file.ts';
import { parseCommand } from '../args.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { givenPin, PIN_VARIABLE } from '../manager-pin.ts';
import { UsageError } from '../usage.ts';

export async function pinCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { positionals } = parseCommand('pin', argv, {}, ['action']);
  if (positionals[0] !== 'set') {
    throw new UsageError('pin takes one action: "kiosk pin set"', 'Perintah pin hanya: "kiosk pin set".');
  }
  const pins = openPinFile(config.dataDir, { log: (line) => out.note(line) });
  if (pins.status().pinSet) {
    out.refusal('pin not set', {
      id: 'PIN manajer sudah ada. Ganti PIN di Pengaturan aplikasi (perlu PIN lama).',
      en: "A manager PIN already exists. Change it in the app's Settings (it needs the old one).",
    });
    return EXIT.usage;
  }
  const pin = await givenPin(out, 'new manager PIN, 4 to 8 digits (PIN manajer baru, 4-8 angka): ');
  if (out.env[PIN_VARIABLE] === undefined || out.env[PIN_VARIABLE] === '') {
    const again = await out.askSecret('the same PIN again (ulangi PIN): ');
    if (again?.trim() !== pin) {
      out.refusal('pin not set', {
        id: 'Kedua PIN tidak sama. PIN tidak dibuat.',
        en: 'The two PINs differ. No PIN was set.',
      });
      return EXIT.usage;
    }
  }
  const created = await pins.create(pin);
  if (created.ok) {
    out.line('Manager PIN created (PIN manajer dibuat).');
    return EXIT.ok;
  }
  if (created.reason === 'invalid') {
    for (const problem of created.problems) out.refusal('pin not set', problem.message);
  } else if (created.reason === 'pin-exists') {
    out.refusal('pin not set', { id: 'PIN manajer sudah ada.', en: 'A manager PIN already exists.' });
  } else {
    out.refusal('pin not set', {
      id: 'Pengaturan disimpan oleh versi kiosk yang lebih baru; perbarui dulu.',
      en: 'The settings were saved by a newer kiosk version; update it first.',
    });
  }
  return EXIT.usage;
}
