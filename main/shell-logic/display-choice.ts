/**
 * Which monitor the customer display goes on, decided from the screen list alone so that every
 * case (one monitor, two, three, the chosen one unplugged) is a plain table test. The cashier
 * works on the primary display, so the customer display never goes there as a kiosk window.
 */
import type { CustomerDisplayChoice, DisplayInfo } from '../../common/contract.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's Display used here; a real Display satisfies it. */
export interface ScreenDisplay {
  id: number;
  label: string;
  bounds: Rect;
  workArea: Rect;
  size?: { width: number; height: number };
  internal?: boolean;
}

export type DisplayDecision =
  { kind: 'fullscreen'; display: ScreenDisplay; reason: string } | { kind: 'window'; reason: string };

/** Left to right, then top to bottom: the order a person sees the monitors in on the desk. */
function byPosition(displays: readonly ScreenDisplay[]): ScreenDisplay[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id);
}

function describe(display: ScreenDisplay): string {
  const label = display.label.trim();
  return label === '' ? `display ${display.id}` : `display ${display.id} (${label})`;
}

function auto(displays: readonly ScreenDisplay[], primaryId: number, why: string): DisplayDecision {
  const other = byPosition(displays).find((d) => d.id !== primaryId);
  if (other === undefined) return { kind: 'window', reason: `${why}only the cashier's display is connected` };
  return {
    kind: 'fullscreen',
    display: other,
    reason: `${why}first display besides the cashier's: ${describe(other)}`,
  };
}

export function chooseCustomerDisplay(
  displays: ScreenDisplay[],
  primaryId: number,
  choice: CustomerDisplayChoice,
): DisplayDecision {
  if (choice.kind === 'window') return { kind: 'window', reason: 'the settings ask for a window' };
  if (choice.kind === 'auto') return auto(displays, primaryId, 'automatic: ');
  const chosen = displays.find((d) => d.id === choice.displayId);
  if (chosen === undefined) {
    const name =
      choice.label.trim() === ''
        ? `display ${choice.displayId}`
        : `display ${choice.displayId} (${choice.label.trim()})`;
    return auto(displays, primaryId, `the chosen ${name} is not connected, so automatic: `);
  }
  if (chosen.id === primaryId) {
    return auto(
      displays,
      primaryId,
      `the chosen ${describe(chosen)} is now the cashier's display, so automatic: `,
    );
  }
  return { kind: 'fullscreen', display: chosen, reason: `the chosen ${describe(chosen)}` };
}

/** The monitors as the settings screen lists them, in desk order, each with a name a person can read. */
export function toDisplayInfo(displays: ScreenDisplay[], primaryId: number): DisplayInfo[] {
  return byPosition(displays).map((display, index) => {
    const { width, height } = display.size ?? display.bounds;
    const label = display.label.trim();
    return {
      id: display.id,
      label: label === '' ? `Display ${index + 1} (${width}×${height})` : label,
      width,
      height,
      primary: display.id === primaryId,
    };
  });
}
