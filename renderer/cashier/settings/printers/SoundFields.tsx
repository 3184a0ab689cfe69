import type { SoundSettings } from '../../../../common/printing-contract.ts';
import { useT } from '../../../shared/language.ts';
import { playTone } from '../../../shared/sound/tones.ts';

/** The chime's volume and mute, with a button to hear each sound as it will play. */
export function SoundFields({
  sound,
  onChange,
}: {
  sound: SoundSettings;
  onChange(sound: SoundSettings): void;
}) {
  const t = useT();
  return (
    <div className="sound-fields">
      <div className="field">
        <label htmlFor="sound-volume">{t('printing.settings.volume')}</label>
        <input
          id="sound-volume"
          data-testid="sound-volume"
          type="range"
          min={0}
          max={100}
          step={5}
          value={sound.volume}
          disabled={sound.muted}
          onChange={(e) => onChange({ ...sound, volume: Number(e.currentTarget.value) })}
        />
        <output htmlFor="sound-volume">{sound.volume}</output>
      </div>
      <label className="inline-choice">
        <input
          type="checkbox"
          data-testid="sound-muted"
          checked={sound.muted}
          onChange={(e) => onChange({ ...sound, muted: e.currentTarget.checked })}
        />
        {t('printing.settings.mute')}
      </label>
      <div className="key-actions">
        <button type="button" data-testid="sound-test-paid" onClick={() => playTone('paid', sound)}>
          {t('printing.settings.testSound')}
        </button>
        <button type="button" data-testid="sound-test-failed" onClick={() => playTone('failed', sound)}>
          {t('printing.settings.testFailedSound')}
        </button>
      </div>
    </div>
  );
}
