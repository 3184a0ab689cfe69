import { LANGUAGES, type Language, type PublicSettings } from '../../common/contract.ts';
import type { GatewayHealth } from '../../common/order.ts';
import { useT } from '../shared/language.ts';

interface TopBarProps {
  settings: PublicSettings;
  health: { health: GatewayHealth; detail: string | undefined };
  onLanguage(language: Language): void;
  settingsOpen: boolean;
  /** Why the settings cannot be opened now, in the cashier's language; undefined when they can. */
  settingsReason: string | undefined;
  onSettings(): void;
}

/** Always on screen: which money this till handles, the gateway's health, the merchant. */
export function TopBar({
  settings,
  health,
  onLanguage,
  settingsOpen,
  settingsReason,
  onSettings,
}: TopBarProps) {
  const t = useT();
  return (
    <header className="topbar">
      <p className="mode-banner" data-testid="mode-banner" data-mode={settings.mode}>
        {t(`cashier.mode.${settings.mode}`)}
      </p>
      <p className="merchant-name" data-testid="merchant-name">
        {settings.merchantName}
      </p>
      <p
        className="gateway-health"
        data-testid="gateway-health"
        data-health={health.health}
        title={health.detail}
        role="status"
      >
        <span className="health-label">{t('cashier.health.label')}: </span>
        <span className="health-value">{t(`cashier.health.${health.health}`)}</span>
      </p>
      <div className="language-switch" role="group" aria-label={t('cashier.language.label')}>
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            data-testid={`language-${language}`}
            aria-pressed={settings.language === language}
            onClick={() => onLanguage(language)}
          >
            {t(`cashier.language.${language}`)}
          </button>
        ))}
      </div>
      {!settingsOpen && (
        <div className="settings-open">
          <button
            type="button"
            className="settings-button"
            data-testid="settings-button"
            disabled={settingsReason !== undefined}
            aria-describedby={settingsReason === undefined ? undefined : 'settings-reason'}
            onClick={onSettings}
          >
            <span aria-hidden="true">⚙ </span>
            {t('settings.open')}
          </button>
          {settingsReason !== undefined && (
            <span id="settings-reason" className="settings-reason" data-testid="settings-reason">
              {settingsReason}
            </span>
          )}
        </div>
      )}
    </header>
  );
}
