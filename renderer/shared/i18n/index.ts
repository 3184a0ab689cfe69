/**
 * One i18next instance per screen, holding only that screen's namespaces. Words are looked up in
 * an explicit language (`useTranslation(…, { lng })`), because the cashier shows errors in both
 * languages at once and the display follows whatever language each state says.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { LANGUAGES, type Language } from '../../../common/contract.ts';

export type LanguageResources = Record<string, object>;

export const DEFAULT_LANGUAGE: Language = 'id';

export function otherLanguage(language: Language): Language {
  return language === 'id' ? 'en' : 'id';
}

export function createI18n(resources: Record<Language, LanguageResources>): I18n {
  const instance = i18next.createInstance();
  // Resources are in the bundle, so initialisation is synchronous and never suspends a render.
  void instance.init({
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    resources: { id: { translation: resources.id }, en: { translation: resources.en } },
    initAsync: false,
    returnNull: false,
    returnEmptyString: false,
    // React escapes text itself; escaping here too would show "&amp;" in item names.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}
