/**
 * The settings the screens may see, as the api needs them. main/settings/ provides them (from
 * electron-store in the app, from a JSON document in browser mode); only the language is the
 * cashier's to change here, everything else is the manager's, behind the PIN.
 */
import type { Language, PublicSettings } from '../../common/contract.ts';

export interface ScreenSettingsSource {
  get(): PublicSettings;
  setLanguage(language: Language): PublicSettings;
  /**
   * For a source whose settings can also change elsewhere (the manager's settings screen): the
   * api re-announces them to both screens on every change, setLanguage's included.
   */
  subscribe?(listener: () => void): () => void;
}
