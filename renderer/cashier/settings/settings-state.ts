/**
 * The settings screen's steps and what it shows, changed only here so the rules can be tested
 * without a browser: ask for (or create) the PIN, then the form; a session that ends while the
 * form is open goes back to the PIN with the unsaved edits kept, while Lock forgets them.
 */
import type {
  GatewayEnvironment,
  KeyTestResult,
  ManagerSettings,
  ManagerStatus,
} from '../../../common/contract.ts';
import type { SettingsPatch } from '../../../common/settings-input.ts';
import type { Notice } from '../../shared/errors.ts';
import type { ManagerFailure } from './manager-failure.ts';
import type { PinPurpose } from './pin-entry.ts';
import {
  draftFromSettings,
  problemSlot,
  rebaseDraft,
  type ProblemSlot,
  type ProblemsBySlot,
  type SettingsDraft,
} from './settings-draft.ts';

export type SettingsPhase = { kind: 'loading' } | { kind: 'pin'; purpose: PinPurpose } | { kind: 'form' };

/** Where a message is shown: next to the part of the form whose command failed. */
export type NoticeSlot = 'environment' | 'save' | GatewayEnvironment | 'pin';

export interface SettingsScreenState {
  phase: SettingsPhase;
  /** What the main process last said; undefined until unlocked, and again after Lock. */
  settings: ManagerSettings | undefined;
  draft: SettingsDraft | undefined;
  /** Problems from the last refused Save, each shown until its field is edited. */
  refused: ProblemsBySlot;
  notices: Partial<Record<NoticeSlot, Notice>>;
  /** After too many wrong PINs: no attempt before this time (main-process clock). */
  lockedUntil: number | null;
  saving: boolean;
  /** Save was pressed with production chosen: "real money" must be confirmed first. */
  confirmingProduction: boolean;
  /** A short confirmation of the last success, cleared by the next edit. */
  done: 'saved' | 'pin-changed' | undefined;
}

export type SettingsAction =
  | { type: 'status'; status: ManagerStatus }
  | { type: 'loaded'; settings: ManagerSettings }
  | { type: 'edit'; changes: Partial<SettingsDraft> }
  | { type: 'saving' }
  | { type: 'saved'; settings: ManagerSettings }
  | { type: 'failed'; failure: ManagerFailure; slot: NoticeSlot }
  | { type: 'locked' }
  | { type: 'changePin' }
  | { type: 'pinChanged' }
  | { type: 'cancelPin' }
  | { type: 'confirmProduction'; open: boolean }
  | { type: 'keyTested'; result: KeyTestResult }
  | { type: 'dismiss'; slot: NoticeSlot };

export function initialSettingsState(): SettingsScreenState {
  return {
    phase: { kind: 'loading' },
    settings: undefined,
    draft: undefined,
    refused: {},
    notices: {},
    lockedUntil: null,
    saving: false,
    confirmingProduction: false,
    done: undefined,
  };
}

const SLOT_OF_FIELD: Record<keyof SettingsDraft, ProblemSlot> = {
  mode: 'mode',
  merchantName: 'merchantName',
  language: 'language',
  paymentTypes: 'paymentTypes',
  timeoutText: 'timeoutText',
  customerDisplay: 'customerDisplay',
  pricing: 'pricing',
  shopZone: 'shopZone',
  cutoffHour: 'shopZone',
};

/** The environment's own refusals belong next to the environment, not under Save. */
export function saveFailureSlot(patch: SettingsPatch, failure: ManagerFailure): NoticeSlot {
  if (failure.kind !== 'notice' || patch.mode === undefined) return 'save';
  const environmentCodes = [
    'key-missing',
    'sale-in-progress',
    'environment-fixed',
    'key-storage-unavailable',
  ];
  return failure.code !== undefined && environmentCodes.includes(failure.code) ? 'environment' : 'save';
}

function toPin(state: SettingsScreenState, purpose: PinPurpose, notice?: Notice): SettingsScreenState {
  const notices: SettingsScreenState['notices'] = {};
  if (notice !== undefined) notices.pin = notice;
  return { ...state, phase: { kind: 'pin', purpose }, notices, saving: false, confirmingProduction: false };
}

export function settingsReducer(state: SettingsScreenState, action: SettingsAction): SettingsScreenState {
  switch (action.type) {
    case 'status': {
      const { status } = action;
      const next = { ...state, lockedUntil: status.lockedUntil };
      if (!status.pinSet) return toPin(next, 'create', state.notices.pin);
      if (status.unlocked) return { ...next, phase: { kind: 'loading' } };
      return toPin(next, 'unlock', state.notices.pin);
    }
    case 'loaded': {
      const { settings } = action;
      const draft =
        state.draft !== undefined && state.settings !== undefined
          ? rebaseDraft(state.settings, settings, state.draft)
          : draftFromSettings(settings);
      // Opening the form after the PIN: the PIN screen's messages are done with.
      const notices = state.phase.kind === 'form' ? state.notices : {};
      return { ...state, phase: { kind: 'form' }, settings, draft, notices, lockedUntil: null };
    }
    case 'edit': {
      if (state.draft === undefined) return state;
      const refused = { ...state.refused };
      for (const field of Object.keys(action.changes) as (keyof SettingsDraft)[]) {
        delete refused[SLOT_OF_FIELD[field]];
      }
      delete refused.general;
      const { save: _save, environment: _environment, ...notices } = state.notices;
      return {
        ...state,
        draft: { ...state.draft, ...action.changes },
        refused,
        notices,
        confirmingProduction: false,
        done: undefined,
      };
    }
    case 'saving': {
      const { save: _save, environment: _environment, ...notices } = state.notices;
      return { ...state, saving: true, notices, confirmingProduction: false, done: undefined };
    }
    case 'saved':
      return {
        ...state,
        settings: action.settings,
        draft: draftFromSettings(action.settings),
        refused: {},
        saving: false,
        confirmingProduction: false,
        done: 'saved',
      };
    case 'failed': {
      const { failure } = action;
      switch (failure.kind) {
        case 'locked':
          return toPin(state, 'unlock', failure.notice);
        case 'pin-exists':
          return toPin(state, 'unlock', failure.notice);
        case 'pin':
          return { ...state, notices: { ...state.notices, pin: failure.notice } };
        case 'fields': {
          // A refused PIN or key is shown whole where it was typed; a refused Save marks its
          // fields and says what to do under the Save button.
          const whole = action.slot !== 'save' && action.slot !== 'environment';
          const notice: Notice = whole
            ? failure.notice
            : {
                message: failure.notice.message,
                problems: failure.notice.problems.filter((p) => problemSlot(p.field) === 'general'),
              };
          return {
            ...state,
            refused: whole ? state.refused : failure.bySlot,
            notices: { ...state.notices, [action.slot]: notice },
            saving: false,
            confirmingProduction: false,
          };
        }
        case 'notice':
          return {
            ...state,
            notices: { ...state.notices, [action.slot]: failure.notice },
            saving: false,
            confirmingProduction: false,
          };
      }
      break;
    }
    case 'locked':
      return {
        ...toPin(state, 'unlock'),
        settings: undefined,
        draft: undefined,
        refused: {},
        done: undefined,
      };
    case 'changePin':
      return toPin({ ...state, done: undefined }, 'change');
    case 'pinChanged':
      return { ...state, phase: { kind: 'form' }, notices: {}, done: 'pin-changed' };
    case 'cancelPin':
      return state.settings === undefined ? state : { ...state, phase: { kind: 'form' }, notices: {} };
    case 'confirmProduction':
      return { ...state, confirmingProduction: action.open };
    case 'dismiss': {
      const notices = { ...state.notices };
      delete notices[action.slot];
      return { ...state, notices };
    }
    case 'keyTested': {
      const { result } = action;
      if (!result.stored || state.settings === undefined) return state;
      const keys = { ...state.settings.keys };
      keys[result.environment] = { ...keys[result.environment], lastTest: result };
      return { ...state, settings: { ...state.settings, keys } };
    }
  }
  return state;
}
