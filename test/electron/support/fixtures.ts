/**
 * The Electron suite's fixtures: `launcher` says which app runs the scenarios (the project picks
 * it: `electron` the real binary, `electron-standin` the stand-in), `launchKiosk` starts one and
 * stops every app it started when the test ends; `runKiosk` starts one that is meant to end by
 * itself.
 */
import { test as base } from '@playwright/test';
import { electronBinary, launchElectron, runElectron } from './electron-launcher.ts';
import type { KioskApp, LaunchOptions, Launcher } from './kiosk-app.ts';
import { launchStandIn, runStandIn } from './standin-launcher.ts';

export { expect } from '@playwright/test';
export type { KioskApp } from './kiosk-app.ts';

export const test = base.extend<
  {
    launchKiosk: (options?: LaunchOptions) => Promise<KioskApp>;
    /** Starts the app and waits for it to end on its own; for starts that are meant to end. */
    runKiosk: (options?: LaunchOptions) => Promise<{ code: number | null; output: string }>;
  },
  { launcher: Launcher }
>({
  launcher: ['stand-in', { option: true, scope: 'worker' }],
  launchKiosk: async ({ launcher }, use) => {
    const started: KioskApp[] = [];
    await use(async (options) => {
      const app = await (launcher === 'electron' ? launchElectron(options) : launchStandIn(options));
      started.push(app);
      return app;
    });
    for (const app of started.reverse()) await app.stop();
  },
  runKiosk: async ({ launcher }, use) => {
    await use((options = {}) => (launcher === 'electron' ? runElectron(options) : runStandIn(options)));
  },
});

/** Why the real-Electron project skips here, or undefined where it runs. */
export function electronMissing(launcher: Launcher): string | undefined {
  return launcher === 'electron' && !electronBinary.found ? electronBinary.reason : undefined;
}
