/** The settings commands' refusals, as the CommandRefusals createKioskApi hands to the screens. */
import type { ErrorCode, GatewayEnvironment, KioskMode } from '../../common/contract.ts';
import type { SettingsProblem } from '../../common/settings-input.ts';
import { CommandRefusal, contractError } from '../screen-api/errors.ts';

type Words = { id: string; en: string };

export function refuse(code: ErrorCode, message?: Words): CommandRefusal {
  return new CommandRefusal(contractError(code, message === undefined ? {} : { message }));
}

export function refuseSettings(problems: SettingsProblem[]): CommandRefusal {
  return new CommandRefusal(contractError('settings-invalid', { problems }));
}

export function readOnlyRefusal(version: number): CommandRefusal {
  return refuse('internal', {
    id: `Pengaturan ini disimpan oleh versi kiosk yang lebih baru (dokumen versi ${version}), jadi versi ini tidak dapat mengubahnya. Perbarui aplikasi kiosk.`,
    en: `These settings were saved by a newer kiosk version (document version ${version}), so this version cannot change them. Update the kiosk app.`,
  });
}

export function noPinYet(): CommandRefusal {
  return refuse('manager-locked', {
    id: 'Belum ada PIN manajer. Buat PIN dulu.',
    en: 'There is no manager PIN yet. Create one first.',
  });
}

export function keyMissing(mode: KioskMode): CommandRefusal {
  return refuse('key-missing', {
    id: `Belum ada server key ${mode} yang dapat dipakai. Simpan server key ${mode} dulu, lalu pilih lingkungan ini.`,
    en: `No usable ${mode} server key is stored. Save the ${mode} server key first, then choose this environment.`,
  });
}

/**
 * Clearing the key the kiosk runs on would leave it in an environment without a key: the state
 * 'key-missing' exists to prevent, so the same code, with words that say what to do instead.
 */
export function keyInUse(environment: GatewayEnvironment): CommandRefusal {
  return refuse('key-missing', {
    id: `Server key ${environment} sedang dipakai. Pindah ke mode latihan (atau lingkungan lain) dulu, lalu hapus server key ini.`,
    en: `The ${environment} server key is in use. Switch to training mode (or the other environment) first, then clear this key.`,
  });
}

export function appliedFailed(): CommandRefusal {
  return refuse('internal', {
    id: 'Pengaturan sudah disimpan, tetapi kiosk belum dapat berjalan dengan pengaturan baru. Mulai ulang aplikasi kiosk.',
    en: 'The settings were saved, but the kiosk could not start with them. Restart the kiosk app.',
  });
}
