/**
 * The words every layer shares: who is on the other end of the contract (role), which language a
 * screen speaks, which gateway the kiosk runs against, where the customer display goes. A leaf:
 * it imports nothing, so the contract and the input checks can both build on it.
 */
export const ROLES = ['cashier', 'display'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const KIOSK_MODES = ['training', 'sandbox', 'production'] as const;
export type KioskMode = (typeof KIOSK_MODES)[number];

/** Gateway environments that need a Midtrans server key (training has its own emulator). */
export const GATEWAY_ENVIRONMENTS = ['sandbox', 'production'] as const;
export type GatewayEnvironment = (typeof GATEWAY_ENVIRONMENTS)[number];

/**
 * Where the customer display goes. 'auto': the first display that is not the cashier's, or a
 * window when there is only one. 'window': always an ordinary window. 'display': that display
 * (its label is kept so the settings screen can name it while it is unplugged); while it is
 * missing the display falls back to 'auto' and returns when it is plugged in again.
 */
export type CustomerDisplayChoice =
  { kind: 'auto' } | { kind: 'window' } | { kind: 'display'; displayId: number; label: string };
