// End-to-end tests. `chromium`: the screens in real Chromium, through browser mode
// (`main/browser-mode/serve.ts`) against the built-in emulator; each test starts its own kiosk with a fresh
// data folder. `electron`: the built Electron app through Playwright's `_electron`; it needs an
// Electron binary and skips, saying why, where none is installed (test/electron/).
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/support/browser.ts';

export default defineConfig({
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
      // One Electron app at a time: each runs its own kiosk and two windows.
      workers: 1,
      fullyParallel: false,
      timeout: 120_000,
    },
  ],
});
