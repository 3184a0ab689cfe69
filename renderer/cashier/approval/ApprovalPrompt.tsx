import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BilingualText, NoticeBox } from '../../shared/Bilingual.tsx';
import type { Bilingual, Notice } from '../../shared/errors.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import {
  newPinEntry,
  PIN_MAX_DIGITS,
  pinEntryReducer,
  submitPin,
  type PinAction,
} from '../settings/pin-entry.ts';

interface ApprovalPromptProps {
  /** Why the last PIN was refused (wrong, locked out, none set yet), in both languages. */
  notice: Notice | undefined;
  busy: boolean;
  /** Charges with this PIN; the prompt has already forgotten it by the time the answer comes. */
  onPin(pin: string): void;
  onCancel(): void;
  /** Another act's words (a refund); the discount's by default. */
  words?: { title: string; hint: Bilingual; submit: string };
}

const PAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * The manager's PIN for a discount above the threshold the manager set (or for a refund): typed on
 * the keyboard or the pad, sent once with the act (as managerPin) and never kept here. A wrong PIN counts towards the
 * same lock-out as the settings screen's, and the main process's words say so.
 */
export function ApprovalPrompt({ notice, busy, onPin, onCancel, words }: ApprovalPromptProps) {
  const t = useT();
  const bilingual = useBilingual();
  const [entry, setEntry] = useState(() => newPinEntry('unlock'));
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), [busy, notice]);

  const apply = (action: PinAction) => setEntry((current) => pinEntryReducer(current, action));
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const { entry: next, pin } = submitPin(entry);
    setEntry(next);
    if (pin !== undefined) onPin(pin);
  };
  const problem = entry.problem?.kind === 'format' ? entry.problem.problem.message : undefined;

  return (
    <div className="modal-backdrop">
      <div
        className="panel approval-prompt"
        role="dialog"
        aria-modal="true"
        aria-labelledby="approval-title"
        data-testid="approval-prompt"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      >
        <h2 id="approval-title">{words?.title ?? t('cashier.approval.title')}</h2>
        <p className="approval-hint">
          <BilingualText text={words?.hint ?? bilingual('cashier.approval.hint')} />
        </p>
        <div aria-live="assertive">
          {notice !== undefined && <NoticeBox notice={notice} testId="approval-error" />}
          {problem !== undefined && (
            <p className="field-problem" data-testid="approval-problem">
              <BilingualText text={problem} />
            </p>
          )}
        </div>
        <form className="pin-form" onSubmit={submit}>
          <label htmlFor="approval-pin-input">{t('cashier.approval.label')}</label>
          <input
            id="approval-pin-input"
            ref={inputRef}
            data-testid="approval-pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={PIN_MAX_DIGITS}
            value={entry.digits}
            disabled={busy}
            onChange={(event) => apply({ type: 'set', text: event.currentTarget.value })}
          />
          <div className="pin-pad" role="group" aria-label={t('cashier.approval.pad')}>
            {PAD.map((digit) => (
              <button
                key={digit}
                type="button"
                className="key"
                data-testid={`approval-key-${digit}`}
                disabled={busy}
                onClick={() => apply({ type: 'digits', digits: digit })}
              >
                {digit}
              </button>
            ))}
            <button
              type="button"
              className="key key-action"
              aria-label={t('cashier.keypad.clear')}
              disabled={busy}
              onClick={() => apply({ type: 'clear' })}
            >
              C
            </button>
            <button
              type="button"
              className="key"
              data-testid="approval-key-0"
              disabled={busy}
              onClick={() => apply({ type: 'digits', digits: '0' })}
            >
              0
            </button>
            <button
              type="button"
              className="key key-action"
              aria-label={t('cashier.keypad.back')}
              disabled={busy}
              onClick={() => apply({ type: 'back' })}
            >
              ⌫
            </button>
          </div>
          <div className="pin-actions">
            <button type="submit" className="primary-button" data-testid="approval-submit" disabled={busy}>
              {words?.submit ?? t('cashier.approval.submit')}
            </button>
            <button
              type="button"
              className="secondary-button"
              data-testid="approval-cancel"
              onClick={onCancel}
            >
              {t('cashier.approval.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
