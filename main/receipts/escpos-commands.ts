/**
 * The few raw ESC/POS commands receiptline does not write: the drawer pulse, and the real-time
 * status requests the printing side sends. Byte values per the ESC/POS reference (see
 * shared/reference/shop-operations.md §3.3).
 */
export const DLE = 0x10;
export const EOT = 0x04;
export const ESC = 0x1b;
export const GS = 0x1d;

/** ESC @: resets modes (not the drawer or the buffer already printed). */
export const INITIALIZE: readonly number[] = [ESC, 0x40];

/** GS V 66 0: feed to the cutter and cut partially (leaves a tab, so the roll does not drop). */
export const PARTIAL_CUT: readonly number[] = [GS, 0x56, 66, 0];

export interface DrawerPulse {
  /** Drawer connector pin: 2 (most drawers) or 5 (a second drawer). */
  pin: 2 | 5;
  /** Pulse on-time in ms (sent as 2 ms units, 2–510 ms). */
  onMs: number;
  /** Off-time after the pulse in ms. */
  offMs: number;
}

export const DEFAULT_DRAWER_PULSE: DrawerPulse = { pin: 2, onMs: 100, offMs: 500 };

function twoMsUnits(ms: number): number {
  // Clamped rather than masked: 600 ms masked to a byte would become a 88 ms pulse.
  return Math.min(255, Math.max(1, Math.round(ms / 2)));
}

/** ESC p m t1 t2: one pulse to the cash drawer's solenoid. */
export function drawerPulseBytes(pulse: DrawerPulse = DEFAULT_DRAWER_PULSE): Uint8Array {
  return Uint8Array.of(ESC, 0x70, pulse.pin === 5 ? 1 : 0, twoMsUnits(pulse.onMs), twoMsUnits(pulse.offMs));
}

/** A job that only opens the drawer (a manager's "open drawer"): initialise, then the pulse. */
export function drawerOnlyJob(pulse: DrawerPulse = DEFAULT_DRAWER_PULSE): Uint8Array {
  return concatBytes([Uint8Array.from(INITIALIZE), drawerPulseBytes(pulse)]);
}

/** DLE EOT n: real-time status (1 printer, 2 offline cause, 3 error cause, 4 roll paper). */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
