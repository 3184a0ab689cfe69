// End-to-end tests. `chromium`: the screens in real Chromium, through browser mode
// (`main/browser-mode/serve.ts`) against the built-in emulator; each test starts its own kiosk with a fresh
// data folder. `electron` and `electron-standin`: the same scenarios (test/electron/) against the
// built Electron app, the first in a real Electron through Playwright's `_electron` (it skips,
// saying why, where no binary is installed), the second on the Electron stand-in in Chromium
// (test/shell/standin/), which runs everywhere. `packaging`: electron-builder.yml packaged offline
// and the result checked (test/shell/packaging.spec.ts).
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/support/browser.ts';
import type { Launcher } from './test/electron/support/kiosk-app.ts';

export default defineConfig<object, { launcher: Launcher }>({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // Two cores: one kiosk + one browser per worker keeps timings honest.
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    // Everything above, unchanged.
    { name: 'chromium' },
    {
      name: 'electron',
      testDir: 'test/electron',
      outputDir: 'test-results/electron',
      use: { launcher: 'electron' },
      // One Electron app at a time: each runs its own kiosk and two windows.
      workers: 1,
      fullyParallel: false,
      timeout: 120_000,
    },
    {
      name: 'electron-standin',
      testDir: 'test/electron',
      outputDir: 'test-results/electron-standin',
      use: { launcher: 'stand-in' },
      // One app at a time, as for Electron: each is a Node main process and a Chromium.
      workers: 1,
      fullyParallel: false,
      timeout: 60_000,
    },
    {
      // `npm run dist` offline on the built app (electron-builder --dir, a stand-in Electron
      // folder), then the layout checked. No browser.
      name: 'packaging',
      testDir: 'test/shell',
      testMatch: 'packaging.spec.ts',
      outputDir: 'test-results/packaging',
      workers: 1,
      timeout: 60_000,
    },
  ],
});
