import { useRef, type KeyboardEvent } from 'react';
import { useT } from '../../shared/language.ts';

export type SettingsTab = 'settings' | 'catalogue';
const TABS: readonly SettingsTab[] = ['settings', 'catalogue'];

/** The two parts of the manager's screen, as tabs (arrow keys move between them, as WAI-ARIA describes). */
export function SettingsTabs({ tab, onTab }: { tab: SettingsTab; onTab(tab: SettingsTab): void }) {
  const t = useT();
  const refs = useRef<Partial<Record<SettingsTab, HTMLButtonElement | null>>>({});
  const onKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (next === undefined) return;
    onTab(next);
    refs.current[next]?.focus();
  };
  const label: Record<SettingsTab, string> = {
    settings: t('settings.tabs.settings'),
    catalogue: t('settings.tabs.catalogue'),
  };
  return (
    <div className="settings-tabs" role="tablist" aria-label={t('settings.tabs.label')}>
      {TABS.map((value) => (
        <button
          key={value}
          ref={(element) => {
            refs.current[value] = element;
          }}
          type="button"
          role="tab"
          id={`settings-tab-${value}`}
          data-testid={`settings-tab-${value}`}
          aria-selected={tab === value}
          aria-controls={`settings-panel-${value}`}
          tabIndex={tab === value ? 0 : -1}
          onClick={() => onTab(value)}
          onKeyDown={onKey}
        >
          {label[value]}
        </button>
      ))}
    </div>
  );
}
