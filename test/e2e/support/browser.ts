/**
 * Which Chromium the screen tests drive. Our machines cannot download Playwright's browsers, so
 * Debian's `chromium` package is used when present (CHROMIUM_PATH overrides); elsewhere
 * Playwright's own browser is used as usual.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Without these, Chromium keeps trying to reach Google's hosts from a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH=${chosen} does not exist`);
    return chosen;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = systemChromium();
  return executablePath === undefined ? {} : { executablePath, args: CHROMIUM_ARGS };
}
