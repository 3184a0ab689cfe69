import { useState } from 'react';
import type { GatewayEnvironment, KeyStatus, KeyTestResult } from '../../../common/contract.ts';
import { SERVER_KEY_PREFIX, serverKeyProblems } from '../../../common/settings-input.ts';
import { BilingualText, NoticeBox } from '../../shared/Bilingual.tsx';
import type { Notice } from '../../shared/errors.ts';
import { shopDateTime, useShopTime } from '../../shared/shop-clock.ts';
import { useT } from '../../shared/language.ts';
import { FieldProblems } from './FieldProblems.tsx';

interface KeyCardProps {
  environment: GatewayEnvironment;
  status: KeyStatus;
  /** The key cannot be typed here (browser mode, or no way to encrypt it). */
  readOnly: boolean;
  /** Nothing can be sent (a save is under way, or the connection is down). */
  disabled: boolean;
  notice: Notice | undefined;
  onSave(key: string): Promise<boolean>;
  onClear(): Promise<boolean>;
  onTest(key: string | undefined): Promise<KeyTestResult | undefined>;
}

function TestResult({ result, label }: { result: KeyTestResult; label: string }) {
  const t = useT();
  return (
    <div className="key-test" data-testid="key-test-result" data-outcome={result.outcome}>
      <p>
        {label} <strong className="key-outcome">{t(`settings.keys.outcome.${result.outcome}`)}</strong>
      </p>
      <p className="key-test-detail">
        <BilingualText text={result.detail} />
      </p>
    </div>
  );
}

/**
 * One environment's server key: whether one is stored, a field to type a new one (a password
 * field, never filled in by the screen), Test, Save or Replace, and Clear after a confirmation.
 * The typed key lives only in this card's state and is emptied once saved.
 */
export function KeyCard({
  environment,
  status,
  readOnly,
  disabled,
  notice,
  onSave,
  onClear,
  onTest,
}: KeyCardProps) {
  const t = useT();
  const shop = useShopTime();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState<'test' | 'save' | 'clear' | undefined>(undefined);
  const [confirmClear, setConfirmClear] = useState(false);
  const [typedResult, setTypedResult] = useState<KeyTestResult | undefined>(undefined);
  const [done, setDone] = useState<'saved' | 'cleared' | undefined>(undefined);

  const problems = typed === '' ? [] : serverKeyProblems(environment, typed).map((p) => p.message);
  const inputId = `key-input-${environment}`;
  const problemsId = `problems-key-${environment}`;
  const off = disabled || busy !== undefined;

  const run = async <T,>(what: 'test' | 'save' | 'clear', action: () => Promise<T>): Promise<T> => {
    setBusy(what);
    setDone(undefined);
    try {
      return await action();
    } finally {
      setBusy(undefined);
    }
  };

  const save = async () => {
    if (typed === '' || problems.length > 0) return;
    const ok = await run('save', () => onSave(typed.trim()));
    if (ok) {
      setTyped('');
      setTypedResult(undefined);
      setDone('saved');
    }
  };

  const test = async () => {
    if (typed !== '' && problems.length > 0) return;
    const result = await run('test', () => onTest(typed === '' ? undefined : typed.trim()));
    if (result !== undefined && !result.stored) setTypedResult(result);
  };

  const clear = async () => {
    const ok = await run('clear', () => onClear());
    setConfirmClear(false);
    if (ok) setDone('cleared');
  };

  let stored = t('settings.keys.notStored');
  if (status.stored) {
    stored =
      status.savedAt === null
        ? t('settings.keys.storedNoDate')
        : t('settings.keys.stored', { date: shopDateTime(status.savedAt, shop) });
  }

  return (
    <div
      className="key-card"
      data-testid={`key-${environment}`}
      data-stored={status.stored}
      role="group"
      aria-labelledby={`key-title-${environment}`}
    >
      <h4 id={`key-title-${environment}`}>{t(`settings.keys.${environment}`)}</h4>
      <p className="key-status" data-testid={`key-status-${environment}`}>
        {stored}
      </p>
      {status.lastTest !== null && (
        <TestResult
          result={status.lastTest}
          label={t('settings.keys.lastTest', { time: shopDateTime(status.lastTest.at, shop) })}
        />
      )}
      {typedResult !== undefined && (
        <TestResult
          result={typedResult}
          label={t('settings.keys.typedTest', { time: shopDateTime(typedResult.at, shop) })}
        />
      )}
      {!readOnly && (
        <div className="key-entry">
          <label htmlFor={inputId}>
            {t('settings.keys.input', { prefix: SERVER_KEY_PREFIX[environment] })}
          </label>
          <input
            id={inputId}
            data-testid={inputId}
            type="password"
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            value={typed}
            disabled={off}
            aria-invalid={problems.length > 0}
            aria-describedby={problems.length > 0 ? problemsId : undefined}
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              setTypedResult(undefined);
              setDone(undefined);
            }}
          />
          <FieldProblems id={problemsId} problems={problems} />
        </div>
      )}
      <div className="key-actions">
        <button
          type="button"
          data-testid={`key-test-${environment}`}
          disabled={off || (typed === '' && !status.stored) || problems.length > 0}
          onClick={() => void test()}
        >
          {busy === 'test' ? t('settings.keys.testing') : t('settings.keys.test')}
        </button>
        {!readOnly && (
          <button
            type="button"
            className="primary-button"
            data-testid={`key-save-${environment}`}
            disabled={off || typed === '' || problems.length > 0}
            onClick={() => void save()}
          >
            {status.stored ? t('settings.keys.replace') : t('settings.keys.save')}
          </button>
        )}
        {!readOnly && status.stored && !confirmClear && (
          <button
            type="button"
            className="danger-button"
            data-testid={`key-clear-${environment}`}
            disabled={off}
            onClick={() => setConfirmClear(true)}
          >
            {t('settings.keys.clear')}
          </button>
        )}
      </div>
      {confirmClear && (
        <div className="confirm" role="alertdialog" aria-labelledby={`key-clear-text-${environment}`}>
          <p id={`key-clear-text-${environment}`}>{t('settings.keys.clearConfirm')}</p>
          <div className="key-actions">
            <button
              type="button"
              className="danger-button"
              data-testid={`key-clear-confirm-${environment}`}
              disabled={off}
              onClick={() => void clear()}
            >
              {t('settings.keys.clearYes')}
            </button>
            <button
              type="button"
              data-testid={`key-clear-cancel-${environment}`}
              // Clear disappears as the question appears: focus goes to the choice that loses nothing.
              autoFocus
              onClick={() => setConfirmClear(false)}
            >
              {t('settings.keys.clearNo')}
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {done !== undefined && (
          <p className="settings-done" data-testid={`key-done-${environment}`}>
            {t(done === 'saved' ? 'settings.keys.saved' : 'settings.keys.cleared')}
          </p>
        )}
        {notice !== undefined && <NoticeBox notice={notice} testId={`key-error-${environment}`} />}
      </div>
    </div>
  );
}
