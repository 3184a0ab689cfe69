import {
  GATEWAY_ENVIRONMENTS,
  type GatewayEnvironment,
  type KeyTestResult,
  type ManagerSettings,
} from '../../../common/contract.ts';
import { BilingualText } from '../../shared/Bilingual.tsx';
import type { Notice } from '../../shared/errors.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import { KeyCard } from './KeyCard.tsx';
import { WeakStorageRisk } from './WeakStorageRisk.tsx';

interface KeysSectionProps {
  settings: ManagerSettings;
  disabled: boolean;
  notices: Partial<Record<GatewayEnvironment, Notice>>;
  onSave(environment: GatewayEnvironment, key: string): Promise<boolean>;
  onClear(environment: GatewayEnvironment): Promise<boolean>;
  onTest(environment: GatewayEnvironment, key: string | undefined): Promise<KeyTestResult | undefined>;
  onAcceptRisk(pin: string): Promise<boolean>;
}

/** Where the keys are kept, said plainly (a Linux PC without a keyring only obfuscates them), then one card per environment. */
export function KeysSection({
  settings,
  disabled,
  notices,
  onSave,
  onClear,
  onTest,
  onAcceptRisk,
}: KeysSectionProps) {
  const t = useT();
  const bilingual = useBilingual();
  const { keyStorage, environmentFixed } = settings;
  const fromEnvironment = keyStorage.backend === 'environment';
  const readOnly = environmentFixed || fromEnvironment || !keyStorage.available;
  return (
    <section className="panel settings-section" aria-labelledby="settings-keys-title">
      <h3 id="settings-keys-title">{t('settings.keys.title')}</h3>
      {fromEnvironment ? (
        <p className="settings-note" data-testid="key-storage-environment">
          <BilingualText text={bilingual('settings.keys.storageEnvironment')} />
        </p>
      ) : !keyStorage.available ? (
        <p className="settings-warning" role="alert" data-testid="key-storage-unavailable">
          <BilingualText text={bilingual('settings.keys.storageUnavailable')} />
        </p>
      ) : (
        <>
          {keyStorage.weak && (
            <p className="settings-warning" role="alert" data-testid="key-storage-weak">
              <BilingualText text={bilingual('settings.keys.storageWeak')} />
            </p>
          )}
          {keyStorage.weak && !readOnly && (
            <WeakStorageRisk
              acceptedAt={keyStorage.riskAcceptedAt}
              disabled={disabled}
              onAccept={onAcceptRisk}
            />
          )}
          <p className="field-hint">{t('settings.keys.hint')}</p>
        </>
      )}
      {environmentFixed && !fromEnvironment && (
        <p className="settings-note">
          <BilingualText text={bilingual('settings.environment.fixed')} />
        </p>
      )}
      <div className="key-cards">
        {GATEWAY_ENVIRONMENTS.map((environment) => (
          <KeyCard
            key={environment}
            environment={environment}
            status={settings.keys[environment]}
            readOnly={readOnly}
            disabled={disabled}
            notice={notices[environment]}
            onSave={(key) => onSave(environment, key)}
            onClear={() => onClear(environment)}
            onTest={(key) => onTest(environment, key)}
          />
        ))}
      </div>
    </section>
  );
}
