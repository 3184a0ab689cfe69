/**
 * The state every settings command shares: the stored document, the key vault, browser mode's
 * fixed environment, and the one path by which a change is stored and announced.
 */
import type { PricingSettings } from '../../common/pricing/types.ts';
import type { ShopTime } from '../../common/shop-time.ts';
import type { DiscountApproval } from '../../common/till-contract.ts';
import type {
  CustomerDisplayChoice,
  GatewayEnvironment,
  KeyStatus,
  KeyTestResult,
  KioskMode,
  Language,
} from '../../common/contract.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';
import type { PrinterConfig, ReceiptOptions, SoundSettings } from '../../common/printing-contract.ts';
import type { Clock } from '../clock.ts';
import { CommandRefusal } from '../screen-api/errors.ts';
import type { SettingsState } from './document-store.ts';
import type { KeyVault } from './key-vault.ts';
import { appliedFailed, readOnlyRefusal, refuse } from './refusals.ts';
import { changesPublicSettings, type SettingsChange, type SettingsGuard } from './settings-change.ts';
import type { SettingsDocument } from './settings-document.ts';

/** Browser mode: the environment and its key come from environment variables. */
/** The stored values the kiosk runs on (never the key), as the host and the settings screen read them. */
export interface StoredValues {
  mode: KioskMode;
  merchantName: string;
  language: Language;
  paymentTypes: PaymentType[];
  kioskTimeoutSeconds: number;
  customerDisplay: CustomerDisplayChoice;
  pricing: PricingSettings;
  discountApproval: DiscountApproval | null;
  shopTime: ShopTime;
  printers: PrinterConfig[];
  receipt: ReceiptOptions;
  sound: SoundSettings;
}

/** Copies, so no caller can change what the next one reads. */
export function storedValues(core: SettingsCore): StoredValues {
  const document = core.document;
  return {
    mode: core.mode(),
    merchantName: document.merchantName,
    language: document.language,
    paymentTypes: [...document.paymentTypes],
    kioskTimeoutSeconds: document.kioskTimeoutSeconds,
    customerDisplay: structuredClone(document.customerDisplay),
    pricing: structuredClone(document.pricing),
    discountApproval: document.discountApproval === null ? null : { ...document.discountApproval },
    shopTime: { ...document.shopTime },
    printers: structuredClone(document.printers),
    receipt: { ...document.receipt },
    sound: { ...document.sound },
  };
}

export interface FixedEnvironment {
  mode: KioskMode;
  serverKey: string | undefined;
  paymentTypes?: PaymentType[];
  kioskTimeoutSeconds?: number;
  merchantName?: string;
}

export interface SettingsCoreDeps {
  state: SettingsState;
  vault: KeyVault;
  clock: Clock;
  fixed: FixedEnvironment | undefined;
  log: (line: string) => void;
}

export class SettingsCore {
  readonly state: SettingsState;
  readonly vault: KeyVault;
  readonly clock: Clock;
  readonly fixed: FixedEnvironment | undefined;
  readonly log: (line: string) => void;
  guard: SettingsGuard | undefined;
  /** Browser mode's key has no slot to keep its last test in; it lasts for this run. */
  fixedLastTest: KeyTestResult | null = null;
  readonly #changeListeners = new Set<(change: SettingsChange) => void>();
  readonly #screenListeners = new Set<() => void>();

  constructor(deps: SettingsCoreDeps) {
    this.state = deps.state;
    this.vault = deps.vault;
    this.clock = deps.clock;
    this.fixed = deps.fixed;
    this.log = deps.log;
  }

  get document(): Readonly<SettingsDocument> {
    return this.state.document;
  }

  /** A copy to build the next document from. */
  draft(): SettingsDocument {
    return structuredClone(this.state.document);
  }

  mode(): KioskMode {
    return this.fixed?.mode ?? this.state.document.mode;
  }

  /** A key the kiosk could run on right now. */
  hasKey(environment: GatewayEnvironment): boolean {
    if (this.fixed !== undefined)
      return environment === this.fixed.mode && this.fixed.serverKey !== undefined;
    return this.vault.has(environment);
  }

  keyStatus(environment: GatewayEnvironment): KeyStatus {
    if (this.fixed === undefined) return this.vault.status(environment);
    const given = environment === this.fixed.mode && this.fixed.serverKey !== undefined;
    return { stored: given, savedAt: null, lastTest: given ? this.fixedLastTest : null };
  }

  async serverKey(environment: GatewayEnvironment): Promise<string | undefined> {
    if (this.fixed !== undefined) return environment === this.fixed.mode ? this.fixed.serverKey : undefined;
    return this.vault.read(environment);
  }

  assertWritable(): void {
    if (this.state.newerVersion !== undefined) throw readOnlyRefusal(this.state.newerVersion);
  }

  onChange(listener: (change: SettingsChange) => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  onScreenChange(listener: () => void): () => void {
    this.#screenListeners.add(listener);
    return () => this.#screenListeners.delete(listener);
  }

  /** Stores a change that needs no restart and announces it. Synchronous, for setLanguage. */
  storeNow(next: SettingsDocument, change: SettingsChange): void {
    this.assertWritable();
    this.state.commit(next);
    this.#announce(change);
  }

  /**
   * Stores a change and, when it needs a restart, has the host apply it: the till must be idle
   * before anything is stored, so a refusal leaves everything as it was.
   */
  async store(next: SettingsDocument, change: SettingsChange): Promise<void> {
    this.assertWritable();
    if (change.restart) this.guard?.assertIdle();
    this.state.commit(next);
    this.#announce(change);
    const guard = this.guard;
    if (!change.restart || guard === undefined) return;
    try {
      await guard.apply(change);
    } catch (error) {
      if (error instanceof CommandRefusal) throw error;
      this.log(
        `settings: the kiosk could not apply the change to ${change.fields.join(', ')} ` +
          `(${(error as Error).name}: ${(error as Error).message}).`,
      );
      throw appliedFailed();
    }
  }

  #announce(change: SettingsChange): void {
    const listeners = [...this.#changeListeners];
    if (changesPublicSettings(change)) listeners.push(...[...this.#screenListeners].map((l) => () => l()));
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        // A listener's failure is its own; the change is stored and the command succeeded.
        this.log(
          `settings: a change listener failed (${(error as Error).name}: ${(error as Error).message}).`,
        );
      }
    }
  }

  refuseFixed(): never {
    throw refuse('environment-fixed');
  }
}
