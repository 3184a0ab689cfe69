// End-to-end tests of the screens in real Chromium, through browser mode (`main/web/serve.ts`)
// against the built-in emulator. Each test starts its own kiosk with a fresh data folder.
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
});
