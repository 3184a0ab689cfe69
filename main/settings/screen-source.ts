/**
 * The PublicSettings view for createKioskApi: what both screens may see, the cashier's language
 * switch, and a subscription that fires on every stored change the screens would show.
 */
import type { PublicSettings } from '../../common/contract.ts';
import type { ScreenSettingsSource } from '../screen-api/screen-settings.ts';
import { describeChange } from './settings-change.ts';
import type { SettingsCore } from './settings-core.ts';

export function screenSource(core: SettingsCore): ScreenSettingsSource {
  const get = (): PublicSettings => {
    const document = core.document;
    return {
      mode: core.mode(),
      merchantName: document.merchantName,
      language: document.language,
      paymentTypes: [...document.paymentTypes],
      kioskTimeoutSeconds: document.kioskTimeoutSeconds,
      pricing: structuredClone(document.pricing),
      discountApproval: document.discountApproval === null ? null : { ...document.discountApproval },
      shopTime: { ...document.shopTime },
      sound: { ...document.sound },
    };
  };

  return {
    get,
    setLanguage(language) {
      if (language !== core.document.language) {
        const next = core.draft();
        next.language = language;
        core.storeNow(next, describeChange(['language']));
      }
      return get();
    },
    subscribe: (listener) => core.onScreenChange(listener),
  };
}
