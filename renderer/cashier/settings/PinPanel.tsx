import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { BilingualText, NoticeBox } from '../../shared/Bilingual.tsx';
import type { Bilingual, Notice } from '../../shared/errors.ts';
import { shopTimeOfDay, useShopTime } from '../../shared/shop-clock.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import { useNow } from '../../shared/use-now.ts';
import {
  newPinEntry,
  PIN_MAX_DIGITS,
  pinEntryReducer,
  submitPin,
  type PinAction,
  type PinPurpose,
} from './pin-entry.ts';

interface PinPanelProps {
  purpose: PinPurpose;
  notice: Notice | undefined;
  /** Wrong PINs locked the door until then (ms since epoch). */
  lockedUntil: number | null;
  /** The session timed out with edits in the form: say they are still there. */
  editsKept: boolean;
  /** Sends the PIN; the panel has already forgotten it by the time the answer comes. */
  onPin(pin: string): Promise<void>;
  /** Only when changing the PIN: back to the form. */
  onCancel?: () => void;
}

const PAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * The manager PIN, typed on the keyboard or on the digit pad. The digits exist only in this
 * panel's state (the parent keys it by purpose, so a new purpose starts empty) and in the one
 * call that sends them.
 */
export function PinPanel({ purpose, notice, lockedUntil, editsKept, onPin, onCancel }: PinPanelProps) {
  const t = useT();
  const bilingual = useBilingual();
  const shop = useShopTime();
  const [entry, setEntry] = useState(() => newPinEntry(purpose));
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const now = useNow(lockedUntil !== null, 1_000);
  const lockedOut = lockedUntil !== null && now < lockedUntil;

  useEffect(() => inputRef.current?.focus(), [purpose, entry.step, busy]);

  const apply = (action: PinAction) => setEntry((current) => pinEntryReducer(current, action));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || lockedOut) return;
    const { entry: next, pin } = submitPin(entry);
    setEntry(next);
    if (pin === undefined) return;
    setBusy(true);
    void onPin(pin).finally(() => setBusy(false));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      apply({ type: 'clear' });
    }
  };

  const confirming = entry.step === 'confirm';
  let title = t('settings.pin.unlockTitle');
  let hint: string | undefined = t('settings.pin.unlockHint');
  let button = t('settings.pin.unlock');
  if (purpose !== 'unlock') {
    title = confirming
      ? t('settings.pin.confirmTitle')
      : t(purpose === 'create' ? 'settings.pin.createTitle' : 'settings.pin.changeTitle');
    hint = confirming
      ? undefined
      : t(purpose === 'create' ? 'settings.pin.createHint' : 'settings.pin.changeHint');
    button = t(confirming ? 'settings.pin.save' : 'settings.pin.next');
  }

  let problem: Bilingual | undefined;
  if (entry.problem?.kind === 'format') problem = entry.problem.problem.message;
  if (entry.problem?.kind === 'mismatch') problem = bilingual('settings.pin.mismatch');

  const disabled = busy || lockedOut;
  return (
    <section
      className="panel pin-panel"
      data-testid="pin-screen"
      data-purpose={purpose}
      data-step={entry.step}
      aria-labelledby="pin-title"
    >
      <h2 id="pin-title" data-testid="pin-title">
        {title}
      </h2>
      {hint !== undefined && <p className="pin-hint">{hint}</p>}
      <div aria-live="assertive" className="pin-messages">
        {notice !== undefined && <NoticeBox notice={notice} testId="pin-error" />}
        {editsKept && (
          <p className="pin-kept" data-testid="pin-edits-kept">
            <BilingualText text={bilingual('settings.pin.keptEdits')} />
          </p>
        )}
        {lockedOut && lockedUntil !== null && (
          <p className="pin-locked" data-testid="pin-locked-until">
            <BilingualText
              text={bilingual('settings.pin.lockedUntil', {
                time: `${shopTimeOfDay(lockedUntil, shop)} ${shop.zone}`,
              })}
            />
          </p>
        )}
        {problem !== undefined && (
          <div className="field-problems" data-testid="pin-problem" id="pin-problem">
            <p className="field-problem">
              <BilingualText text={problem} />
            </p>
          </div>
        )}
      </div>
      <form className="pin-form" onSubmit={submit}>
        <label htmlFor="pin-input">{t('settings.pin.label')}</label>
        <input
          id="pin-input"
          ref={inputRef}
          data-testid="pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={PIN_MAX_DIGITS}
          value={entry.digits}
          disabled={disabled}
          aria-invalid={problem !== undefined}
          aria-describedby={problem !== undefined ? 'pin-problem' : undefined}
          onChange={(event) => apply({ type: 'set', text: event.currentTarget.value })}
          onKeyDown={onKeyDown}
        />
        <div className="pin-pad" role="group" aria-label={t('settings.pin.pad')}>
          {PAD.map((digit) => (
            <button
              key={digit}
              type="button"
              className="key"
              data-testid={`pin-key-${digit}`}
              disabled={disabled}
              onClick={() => apply({ type: 'digits', digits: digit })}
            >
              {digit}
            </button>
          ))}
          <button
            type="button"
            className="key key-action"
            data-testid="pin-clear"
            aria-label={t('settings.pin.clear')}
            disabled={disabled}
            onClick={() => apply({ type: 'clear' })}
          >
            C
          </button>
          <button
            type="button"
            className="key"
            data-testid="pin-key-0"
            disabled={disabled}
            onClick={() => apply({ type: 'digits', digits: '0' })}
          >
            0
          </button>
          <button
            type="button"
            className="key key-action"
            data-testid="pin-back"
            aria-label={t('settings.pin.back')}
            disabled={disabled}
            onClick={() => apply({ type: 'back' })}
          >
            ⌫
          </button>
        </div>
        <div className="pin-actions">
          <button type="submit" className="primary-button" data-testid="pin-submit" disabled={disabled}>
            {button}
          </button>
          {onCancel !== undefined && (
            <button type="button" className="secondary-button" data-testid="pin-cancel" onClick={onCancel}>
              {t('settings.pin.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
