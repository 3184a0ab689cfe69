/** The customer display choices the settings screen offers. */
import type { CustomerDisplayChoice, DisplayInfo } from '../../../common/contract.ts';

export interface DisplayOption {
  /** Stable across renders and unique: also the option's test id. */
  key: string;
  choice: CustomerDisplayChoice;
  display: DisplayInfo | undefined;
  /** The chosen monitor is not plugged in now; it stays listed so the choice is not lost silently. */
  missing: boolean;
}

export function displayOptions(
  displays: readonly DisplayInfo[],
  chosen: CustomerDisplayChoice,
): DisplayOption[] {
  const options: DisplayOption[] = [
    { key: 'auto', choice: { kind: 'auto' }, display: undefined, missing: false },
    { key: 'window', choice: { kind: 'window' }, display: undefined, missing: false },
  ];
  for (const display of displays) {
    options.push({
      key: `display-${display.id}`,
      choice: { kind: 'display', displayId: display.id, label: display.label },
      display,
      missing: false,
    });
  }
  if (chosen.kind === 'display' && !displays.some((d) => d.id === chosen.displayId)) {
    options.push({ key: `display-${chosen.displayId}`, choice: chosen, display: undefined, missing: true });
  }
  return options;
}
