/** Monitors for the display tests: a laptop-style primary and external screens around it. */
import type { ScreenDisplay } from '../../main/shell-logic/display-choice.ts';

export function monitor(
  id: number,
  x: number,
  y: number,
  width = 1920,
  height = 1080,
  label = '',
): ScreenDisplay {
  return {
    id,
    label,
    bounds: { x, y, width, height },
    // A taskbar along the bottom.
    workArea: { x, y, width, height: height - 40 },
    size: { width, height },
  };
}

export const PRIMARY = monitor(1, 0, 0, 1920, 1080, 'Built-in');
export const RIGHT = monitor(2, 1920, 0, 1366, 768, 'Customer LCD');
export const LEFT = monitor(3, -1280, 0, 1280, 1024);
export const BELOW = monitor(4, 1920, 768, 1024, 600, 'Pole');
