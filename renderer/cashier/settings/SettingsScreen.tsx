import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { CatalogueSnapshot } from '../../../common/catalogue-contract.ts';
import type {
  GatewayEnvironment,
  KeyTestResult,
  ManagerApi,
  PublicSettings,
} from '../../../common/contract.ts';
import { NoticeBox } from '../../shared/Bilingual.tsx';
import { useBilingual, useT } from '../../shared/language.ts';
import { CatalogueEditor } from './catalogue/CatalogueEditor.tsx';
import { managerFailure } from './manager-failure.ts';
import { PinPanel } from './PinPanel.tsx';
import { PrintersSection } from './printers/PrintersSection.tsx';
import { buildPatch, hasChanges } from './settings-draft.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { SettingsTabs, type SettingsTab } from './SettingsTabs.tsx';
import { initialSettingsState, saveFailureSlot, settingsReducer, type NoticeSlot } from './settings-state.ts';

interface SettingsScreenProps {
  manager: ManagerApi;
  /** The settings as last announced to the cashier: a change made elsewhere is read again. */
  announced: PublicSettings;
  online: boolean;
  /** The catalogue as the cashier's feed has it; the editor shows the newer of this and its own answers. */
  catalogue?: CatalogueSnapshot | undefined;
  /** Back to the sale; the caller locks the manager session on the way out. */
  onClose(): void;
}

/**
 * The manager's settings, in place of the sale view. Everything typed here (PIN, keys, unsaved
 * edits) lives in this component's state, so leaving the screen forgets it.
 */
export function SettingsScreen({ manager, announced, online, catalogue, onClose }: SettingsScreenProps) {
  const [state, dispatch] = useReducer(settingsReducer, undefined, initialSettingsState);
  // The settings form (saved with Save) or the catalogue editor (each change applies at once).
  const [tab, setTab] = useState<SettingsTab>('settings');
  const t = useT();
  const bilingual = useBilingual();
  // Stable between renders: the status is read once per opening, not once per render.
  const unexpected = useMemo(() => bilingual('common.unexpectedError'), [bilingual]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { phase, settings, draft } = state;

  const fail = useCallback(
    (error: unknown, slot: NoticeSlot) => {
      const failure = managerFailure(error, unexpected);
      dispatch({ type: 'failed', failure, slot });
      return failure;
    },
    [unexpected],
  );

  const loadStatus = useCallback(async () => {
    try {
      const status = await manager.status();
      dispatch({ type: 'status', status });
      if (status.pinSet && status.unlocked) dispatch({ type: 'loaded', settings: await manager.read() });
    } catch (error) {
      fail(error, 'pin');
    }
  }, [manager, fail]);

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  const formShown = phase.kind === 'form';
  const formShownRef = useRef(formShown);
  formShownRef.current = formShown;
  // Another window (or the top bar's language switch) changed something: the form follows, and
  // keeps the fields being edited here.
  useEffect(() => {
    if (!formShownRef.current) return;
    manager.read().then(
      (next) => dispatch({ type: 'loaded', settings: next }),
      (error: unknown) => {
        if (managerFailure(error, unexpected).kind === 'locked') fail(error, 'pin');
      },
    );
    // Only a new announcement asks again: `unexpected` and `fail` change with the language, which
    // is itself announced.
  }, [announced, manager]);
  useEffect(() => {
    if (formShown) headingRef.current?.focus();
  }, [formShown]);

  const onPin = async (pin: string) => {
    if (phase.kind !== 'pin') return;
    try {
      if (phase.purpose === 'create') {
        await manager.createPin(pin);
        dispatch({ type: 'loaded', settings: await manager.read() });
      } else if (phase.purpose === 'unlock') {
        dispatch({ type: 'loaded', settings: await manager.unlock(pin) });
      } else {
        await manager.changePin(pin);
        dispatch({ type: 'pinChanged' });
      }
    } catch (error) {
      const failure = fail(error, 'pin');
      // The lock-out's end comes with the status; the answer to a wrong PIN does not carry it.
      if (failure.kind === 'pin' && phase.purpose === 'unlock') {
        manager.status().then(
          (status) => dispatch({ type: 'status', status }),
          () => undefined,
        );
      }
    }
  };

  const save = async (confirmed: boolean) => {
    if (settings === undefined || draft === undefined || state.saving) return;
    const check = buildPatch(settings, draft);
    if (!hasChanges(check) || check.problems.length > 0) return;
    if (check.patch.mode === 'production' && settings.mode !== 'production' && !confirmed) {
      dispatch({ type: 'confirmProduction', open: true });
      return;
    }
    dispatch({ type: 'saving' });
    try {
      dispatch({ type: 'saved', settings: await manager.update(check.patch) });
    } catch (error) {
      const failure = managerFailure(error, unexpected);
      dispatch({ type: 'failed', failure, slot: saveFailureSlot(check.patch, failure) });
    }
  };

  const lock = async () => {
    // Forget everything here first: a failed call must not leave the settings open.
    dispatch({ type: 'locked' });
    try {
      await manager.lock();
    } catch {
      // The session also ends by itself after its idle time.
    }
  };

  const keyCommand = async <T,>(
    environment: GatewayEnvironment,
    run: () => Promise<T>,
  ): Promise<T | undefined> => {
    dispatch({ type: 'dismiss', slot: environment });
    try {
      return await run();
    } catch (error) {
      fail(error, environment);
      return undefined;
    }
  };

  const onSaveKey = async (environment: GatewayEnvironment, key: string) => {
    const next = await keyCommand(environment, () => manager.setKey(environment, key));
    if (next !== undefined) dispatch({ type: 'loaded', settings: next });
    return next !== undefined;
  };
  const onClearKey = async (environment: GatewayEnvironment) => {
    const next = await keyCommand(environment, () => manager.clearKey(environment));
    if (next !== undefined) dispatch({ type: 'loaded', settings: next });
    return next !== undefined;
  };
  const onAcceptRisk = async (pin: string) => {
    const next = await keyCommand('production', () => manager.acceptWeakKeyStorage(pin));
    if (next !== undefined) dispatch({ type: 'loaded', settings: next });
    return next !== undefined;
  };
  const onTestKey = async (environment: GatewayEnvironment, key: string | undefined) => {
    const result: KeyTestResult | undefined = await keyCommand(environment, () =>
      manager.testKey(environment, key),
    );
    if (result !== undefined) dispatch({ type: 'keyTested', result });
    return result;
  };

  const editsKept =
    phase.kind === 'pin' &&
    phase.purpose === 'unlock' &&
    settings !== undefined &&
    draft !== undefined &&
    hasChanges(buildPatch(settings, draft));

  return (
    <main
      className="settings-screen"
      data-testid="settings-screen"
      data-phase={phase.kind}
      aria-labelledby="settings-title"
    >
      <header className="settings-header">
        <h2 id="settings-title" ref={headingRef} tabIndex={-1}>
          {t('settings.title')}
        </h2>
        <div className="settings-header-actions">
          {phase.kind === 'form' && (
            <>
              <button
                type="button"
                data-testid="settings-change-pin"
                onClick={() => dispatch({ type: 'changePin' })}
              >
                {t('settings.changePin')}
              </button>
              <button type="button" data-testid="settings-lock" onClick={() => void lock()}>
                {t('settings.lock')}
              </button>
            </>
          )}
          <button type="button" className="primary-button" data-testid="settings-back" onClick={onClose}>
            {t('settings.back')}
          </button>
        </div>
      </header>
      {phase.kind === 'loading' && (
        <div className="settings-loading">
          {state.notices.pin === undefined ? (
            <p className="loading" role="status">
              {t('common.loading')}
            </p>
          ) : (
            <NoticeBox notice={state.notices.pin} testId="settings-load-error" />
          )}
        </div>
      )}
      {phase.kind === 'pin' && (
        <PinPanel
          key={phase.purpose}
          purpose={phase.purpose}
          notice={state.notices.pin}
          lockedUntil={state.lockedUntil}
          editsKept={editsKept}
          onPin={onPin}
          {...(phase.purpose === 'change' ? { onCancel: () => dispatch({ type: 'cancelPin' }) } : {})}
        />
      )}
      {phase.kind === 'form' && <SettingsTabs tab={tab} onTab={setTab} />}
      {phase.kind === 'form' && tab === 'settings' && settings !== undefined && draft !== undefined && (
        <div role="tabpanel" id="settings-panel-settings" aria-labelledby="settings-tab-settings">
          <SettingsForm
            settings={settings}
            draft={draft}
            refused={state.refused}
            notices={state.notices}
            saving={state.saving}
            confirmingProduction={state.confirmingProduction}
            done={state.done}
            online={online}
            onEdit={(changes) => dispatch({ type: 'edit', changes })}
            onSave={() => void save(false)}
            onConfirmProduction={(confirmed) =>
              confirmed ? void save(true) : dispatch({ type: 'confirmProduction', open: false })
            }
            onSaveKey={onSaveKey}
            onClearKey={onClearKey}
            onTestKey={onTestKey}
            onAcceptRisk={onAcceptRisk}
          />
        </div>
      )}
      {/* Kept while the PIN is asked again after a timeout, so a half-typed item is not lost. */}
      {settings !== undefined && (
        <div
          role="tabpanel"
          id="settings-panel-catalogue"
          aria-labelledby="settings-tab-catalogue"
          hidden={!(phase.kind === 'form' && tab === 'catalogue')}
        >
          <CatalogueEditor
            commands={manager.catalogue}
            catalogue={catalogue}
            online={online}
            onLocked={(error) => fail(error, 'pin')}
          />
        </div>
      )}
      {phase.kind === 'form' && <PrintersSection manager={manager} online={online} />}
    </main>
  );
}
