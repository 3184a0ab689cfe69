import { useState } from 'react';
import { BilingualText } from '../../shared/Bilingual.tsx';
import { useBilingual, useT } from '../../shared/language.ts';

interface WeakStorageRiskProps {
  /** When the manager accepted the risk for this key storage; null while not accepted. */
  acceptedAt: number | null;
  disabled: boolean;
  onAccept(pin: string): Promise<boolean>;
}

/**
 * Without a keyring a production key is refused until the manager accepts the risk, with the PIN
 * typed once more (an unlocked screen left alone cannot do it); the main process records when.
 */
export function WeakStorageRisk({ acceptedAt, disabled, onAccept }: WeakStorageRiskProps) {
  const t = useT();
  const bilingual = useBilingual();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  if (acceptedAt !== null) {
    return (
      <p className="settings-note" data-testid="key-storage-risk-accepted">
        <BilingualText text={bilingual('settings.keys.riskAccepted')} />
      </p>
    );
  }
  return (
    <form
      className="settings-risk"
      data-testid="key-storage-risk"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy || pin === '') return;
        setBusy(true);
        void onAccept(pin).then((ok) => {
          setBusy(false);
          if (ok) setPin('');
        });
      }}
    >
      <p className="field-hint">
        <BilingualText text={bilingual('settings.keys.riskProduction')} />
      </p>
      <label>
        {t('settings.keys.riskPin')}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          data-testid="key-storage-risk-pin"
          value={pin}
          disabled={disabled || busy}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 8))}
        />
      </label>
      <button type="submit" data-testid="key-storage-risk-accept" disabled={disabled || busy || pin === ''}>
        {t('settings.keys.riskAccept')}
      </button>
    </form>
  );
}
