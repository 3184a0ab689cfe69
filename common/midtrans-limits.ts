/**
 * Documented Midtrans limits for GoPay and dynamic QRIS (see shared/reference/midtrans-core-api.md
 * §2.1, §7.1, §7.2). They live in the shared contract folder because three parties must agree on
 * them: the cashier screen refuses an amount as it is typed, the client refuses it again before
 * sending, and the emulator answers 400 for it, as Midtrans would.
 */
export const PAYMENT_TYPES = ['gopay', 'qris'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export const QRIS_ACQUIRERS = ['gopay', 'airpay shopee'] as const;
export type QrisAcquirer = (typeof QRIS_ACQUIRERS)[number];

export const ORDER_ID_MAX_LENGTH = 50;
/**
 * Alphanumerics plus - _ ~ . ; Midtrans declines any other symbol. An id made of dots only is
 * refused too: "." and ".." would be read as path steps in `/v2/{id}/status`, and `GET /status`
 * with the key is not a request to send.
 */
export const ORDER_ID_PATTERN = /^(?!\.+$)[A-Za-z0-9\-_~.]+$/;

export const MIN_AMOUNT = 1;
/** Acquirer maxima: GoPay 20,000,000 (verified user), QRIS 10,000,000. */
export const MAX_AMOUNT: Record<PaymentType, number> = { gopay: 20_000_000, qris: 10_000_000 };

export const ITEM_NAME_MAX_LENGTH = 50;

export const DEFAULT_EXPIRY_SECONDS = 15 * 60;
export const MIN_EXPIRY_SECONDS = 20;
export const MAX_EXPIRY_SECONDS = 7 * 24 * 3600;
export const MAX_EXPIRY_SECONDS_SHOPEE = 5 * 24 * 3600;
export const EXPIRY_UNIT_SECONDS = { second: 1, minute: 60, hour: 3600, day: 86_400 } as const;
export type ExpiryUnit = keyof typeof EXPIRY_UNIT_SECONDS;

export const IDEMPOTENCY_KEY_MAX_LENGTH = 46;
export const IDEMPOTENCY_TTL_MS = 5 * 60 * 1000;

export const REFUND_KEY_PATTERN = /^[A-Za-z0-9\-_]+$/;
/** Not documented by Midtrans; chosen to match the order_id limit. */
export const REFUND_KEY_MAX_LENGTH = 50;
export const REFUND_REASON_MAX_LENGTH = 255;

/** Midtrans refuses requests over 16 KB. */
export const MAX_REQUEST_BYTES = 16 * 1024;
