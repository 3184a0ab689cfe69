import { useEffect, useRef } from 'react';
import type { GatewayEnvironment, KeyTestResult, ManagerSettings } from '../../../common/contract.ts';
import { BilingualText, NoticeBox } from '../../shared/Bilingual.tsx';
import type { Notice } from '../../shared/errors.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import { DisplaySection } from './DisplaySection.tsx';
import { EnvironmentSection } from './EnvironmentSection.tsx';
import { KeysSection } from './KeysSection.tsx';
import { PricingSection } from './pricing/PricingSection.tsx';
import {
  buildPatch,
  draftFromSettings,
  hasChanges,
  problemsBySlot,
  type ProblemsBySlot,
  type SettingsDraft,
} from './settings-draft.ts';
import type { NoticeSlot } from './settings-state.ts';
import { ShopSection } from './ShopSection.tsx';
import { ShopTimeSection } from './ShopTimeSection.tsx';

interface SettingsFormProps {
  settings: ManagerSettings;
  draft: SettingsDraft;
  refused: ProblemsBySlot;
  notices: Partial<Record<NoticeSlot, Notice>>;
  saving: boolean;
  confirmingProduction: boolean;
  done: 'saved' | 'pin-changed' | undefined;
  online: boolean;
  onEdit(changes: Partial<SettingsDraft>): void;
  onSave(): void;
  onConfirmProduction(confirmed: boolean): void;
  onSaveKey(environment: GatewayEnvironment, key: string): Promise<boolean>;
  onClearKey(environment: GatewayEnvironment): Promise<boolean>;
  onTestKey(environment: GatewayEnvironment, key: string | undefined): Promise<KeyTestResult | undefined>;
  onAcceptRisk(pin: string): Promise<boolean>;
}

/** Live problems (from the shared checks) first; the main process's refusals fill in the rest. */
function mergeProblems(live: ProblemsBySlot, refused: ProblemsBySlot): ProblemsBySlot {
  const out: ProblemsBySlot = { ...refused };
  for (const [slot, list] of Object.entries(live) as [
    keyof ProblemsBySlot,
    ProblemsBySlot[keyof ProblemsBySlot],
  ][]) {
    if (list !== undefined) out[slot] = list;
  }
  return out;
}

export function SettingsForm(props: SettingsFormProps) {
  const { settings, draft, refused, notices, saving, confirmingProduction, done, online, onEdit } = props;
  const t = useT();
  const bilingual = useBilingual();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const check = buildPatch(settings, draft);
  const problems = mergeProblems(problemsBySlot(check.problems), refused);
  const changed = hasChanges(check);

  let reason: string | undefined;
  if (!changed) reason = t('settings.nothingChanged');
  else if (check.problems.length > 0) reason = t('settings.fixFirst');

  useEffect(() => {
    if (confirmingProduction) confirmRef.current?.focus();
  }, [confirmingProduction]);

  return (
    <div className="settings-form" data-testid="settings-form">
      <fieldset className="settings-sections" disabled={saving}>
        <EnvironmentSection
          settings={settings}
          mode={draft.mode}
          disabled={!online}
          notice={notices.environment}
          problems={problems.mode}
          onMode={(mode) => onEdit({ mode })}
        />
        <ShopSection draft={draft} problems={problems} onEdit={onEdit} />
        <ShopTimeSection
          zone={draft.shopZone}
          cutoffHour={draft.cutoffHour}
          problems={problems.shopZone}
          onEdit={onEdit}
        />
        <DisplaySection
          displays={settings.displays}
          choice={draft.customerDisplay}
          problems={problems.customerDisplay}
          onChoice={(customerDisplay) => onEdit({ customerDisplay })}
        />
        <KeysSection
          settings={settings}
          disabled={!online}
          notices={{
            ...(notices.sandbox === undefined ? {} : { sandbox: notices.sandbox }),
            ...(notices.production === undefined ? {} : { production: notices.production }),
          }}
          onSave={props.onSaveKey}
          onClear={props.onClearKey}
          onTest={props.onTestKey}
          onAcceptRisk={props.onAcceptRisk}
        />
        <PricingSection
          draft={draft.pricing}
          saved={draftFromSettings(settings).pricing}
          problems={problems}
          onChange={(pricing) => onEdit({ pricing })}
        />
      </fieldset>
      <div className="settings-savebar" data-testid="settings-savebar">
        {confirmingProduction && (
          <div
            className="confirm confirm-production"
            role="alertdialog"
            aria-labelledby="confirm-production-title"
            aria-describedby="confirm-production-text"
          >
            <p id="confirm-production-title" className="confirm-title">
              <BilingualText text={bilingual('settings.environment.confirmTitle')} />
            </p>
            <p id="confirm-production-text">
              <BilingualText text={bilingual('settings.environment.confirmText')} />
            </p>
            <div className="key-actions">
              <button
                ref={confirmRef}
                type="button"
                className="danger-button"
                data-testid="confirm-production"
                onClick={() => props.onConfirmProduction(true)}
              >
                {t('settings.environment.confirm')}
              </button>
              <button
                type="button"
                data-testid="cancel-production"
                onClick={() => props.onConfirmProduction(false)}
              >
                {t('settings.environment.cancel')}
              </button>
            </div>
          </div>
        )}
        <div aria-live="assertive">
          {notices.save !== undefined && <NoticeBox notice={notices.save} testId="settings-error" />}
        </div>
        <div className="savebar-row">
          <button
            type="button"
            className="primary-button"
            data-testid="settings-save"
            disabled={reason !== undefined || saving || !online || confirmingProduction}
            aria-describedby="settings-save-reason"
            onClick={props.onSave}
          >
            {saving ? t('settings.saving') : t('settings.save')}
          </button>
          <p
            id="settings-save-reason"
            className="charge-reason"
            data-testid="settings-save-reason"
            data-done={done}
            aria-live="polite"
          >
            {done === 'saved'
              ? t('settings.saved')
              : done === 'pin-changed'
                ? t('settings.pin.changed')
                : (reason ?? '')}
          </p>
        </div>
      </div>
    </div>
  );
}
