/**
 * The PublicSettings view for createKioskApi: what both screens may see, the cashier's language
 * switch, and a subscription that fires on every stored change the screens would show.
 */
import type { KioskMode, PublicSettings, QuickItem } from '../../common/contract.ts';
import { loadQuickItems } from '../catalogue/quick-items-file.ts';
import type { ScreenSettingsSource } from '../screen-api/screen-settings.ts';
import { describeChange } from './settings-change.ts';
import type { SettingsCore } from './settings-core.ts';

export function screenSource(core: SettingsCore, quickItemsFile: string | undefined): ScreenSettingsSource {
  const quickItems = new Map<KioskMode, QuickItem[]>();
  /** Per mode, since training offers staples when the shop has no list of its own. */
  const itemsFor = (mode: KioskMode): QuickItem[] => {
    let items = quickItems.get(mode);
    if (items === undefined) {
      try {
        items = loadQuickItems(mode, quickItemsFile);
      } catch (error) {
        // At start a bad file stops the kiosk (openSettings loads it); a file broken since then
        // must not break a mode switch.
        if (quickItems.size === 0) throw error;
        core.log(`settings: ${(error as Error).message}; no quick items in ${mode} mode.`);
        items = [];
      }
      quickItems.set(mode, items);
    }
    return items;
  };

  const get = (): PublicSettings => {
    const document = core.document;
    const mode = core.mode();
    return {
      mode,
      merchantName: document.merchantName,
      language: document.language,
      paymentTypes: [...document.paymentTypes],
      kioskTimeoutSeconds: document.kioskTimeoutSeconds,
      quickItems: itemsFor(mode).map((item) => ({ ...item })),
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
