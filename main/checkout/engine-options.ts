/** The engine's tuning, with the product's defaults; tests shorten the windows. */
import { PAYMENT_TYPES } from '../../common/midtrans-limits.ts';
import { businessDateOf } from '../../common/shop-time.ts';
import type { EngineSettings } from './context.ts';
import { DEFAULT_POLL_POLICY } from './poll-policy.ts';

export const DEFAULT_KIOSK_TIMEOUT_MS = 15 * 60_000;
/** Midtrans' charge timeout (15 s) plus a margin for the request still crossing the gateway. */
const DEFAULT_CHARGE_SETTLE_MS = 20_000;

export type EngineOptions = Partial<Omit<EngineSettings, 'environment' | 'poll'>> & {
  environment: string;
  poll?: Partial<EngineSettings['poll']>;
};

export function resolveSettings(options: EngineOptions): EngineSettings {
  const settings: EngineSettings = {
    environment: options.environment,
    kioskTimeoutMs: options.kioskTimeoutMs ?? DEFAULT_KIOSK_TIMEOUT_MS,
    enabledPaymentTypes: options.enabledPaymentTypes ?? PAYMENT_TYPES,
    utcOffsetMinutes: options.utcOffsetMinutes ?? 7 * 60,
    businessDayCutoffHour: options.businessDayCutoffHour ?? 0,
    orderIdPrefix: options.orderIdPrefix ?? 'K',
    qrisAcquirer: options.qrisAcquirer ?? 'gopay',
    pollConcurrency: options.pollConcurrency ?? 4,
    poll: { ...DEFAULT_POLL_POLICY, ...options.poll },
    maxChargeAttempts: options.maxChargeAttempts ?? 3,
    qrDownloadAttempts: options.qrDownloadAttempts ?? 3,
    chargeSettleMs: options.chargeSettleMs ?? DEFAULT_CHARGE_SETTLE_MS,
  };
  if (!Number.isSafeInteger(settings.kioskTimeoutMs) || settings.kioskTimeoutMs < 1000) {
    throw new RangeError('kioskTimeoutMs must be a whole number of milliseconds, at least 1000');
  }
  // The journal would refuse these at the first sale; refused here, before the engine runs.
  businessDateOf(0, settings.utcOffsetMinutes, settings.businessDayCutoffHour);
  if (settings.enabledPaymentTypes.length === 0) throw new RangeError('enable at least one payment type');
  return settings;
}
