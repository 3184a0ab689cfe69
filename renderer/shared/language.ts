/** The language a screen shows now, and its words in that language and in the other one. */
import type { TFunction } from 'i18next';
import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../common/contract.ts';
import type { Bilingual } from './errors.ts';
import { DEFAULT_LANGUAGE, otherLanguage } from './i18n/index.ts';

export const LanguageContext = createContext<Language>(DEFAULT_LANGUAGE);

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

// Keys are plain strings here: the two screens hold different namespaces, and
// test/renderer/i18n.test.ts checks every key the screens use against the resources.
function plain(t: TFunction): Translate {
  return (key, options) => String(t(key, options ?? {}));
}

/** Words in the screen's current language. */
export function useT(): Translate {
  const lng = useLanguage();
  const { t } = useTranslation(undefined, { lng });
  return useMemo(() => plain(t), [t]);
}

/** The same words in both languages, for messages shown bilingually. */
export function useBilingual(): (key: string, options?: Record<string, unknown>) => Bilingual {
  const lng = useLanguage();
  const here = useTranslation(undefined, { lng }).t;
  const there = useTranslation(undefined, { lng: otherLanguage(lng) }).t;
  return useMemo(() => {
    const [id, en] = lng === 'id' ? [plain(here), plain(there)] : [plain(there), plain(here)];
    return (key, options) => ({ id: id(key, options), en: en(key, options) });
  }, [lng, here, there]);
}
