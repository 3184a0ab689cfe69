/**
 * The steps the Electron scenarios take on the screens, as a person would, and the places a
 * server key must never turn up: a window's document, storage and globals, and any file in the
 * data folder (settings, journal, Chromium's own profile).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export async function openSettings(cashier: Page): Promise<void> {
  await cashier.getByTestId('settings-button').click();
  await expect(cashier.getByTestId('settings-screen')).toBeVisible();
}

/** The first visit: the PIN typed, then confirmed. */
export async function createPin(cashier: Page, pin: string): Promise<void> {
  const pinScreen = cashier.getByTestId('pin-screen');
  await expect(pinScreen).toHaveAttribute('data-purpose', 'create');
  await expect(cashier.getByTestId('pin-input')).toBeFocused();
  await cashier.keyboard.type(pin);
  await cashier.keyboard.press('Enter');
  await expect(pinScreen).toHaveAttribute('data-step', 'confirm');
  await cashier.keyboard.type(pin);
  await cashier.keyboard.press('Enter');
  await expect(cashier.getByTestId('settings-form')).toBeVisible();
}

/** Where in a window's page the text shows up: document, storage, or a global. */
export function pageLeaks(page: Page, secret: string): Promise<string[]> {
  return page.evaluate((text) => {
    const found: string[] = [];
    const has = (value: string | null | undefined) => typeof value === 'string' && value.includes(text);
    if (has(document.documentElement.outerHTML)) found.push('document');
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i += 1) {
        const name = storage.key(i) ?? '';
        if (has(name) || has(storage.getItem(name))) found.push(`storage ${name}`);
      }
    }
    for (const name of Object.getOwnPropertyNames(window)) {
      let value: string | undefined;
      try {
        value = JSON.stringify((window as unknown as Record<string, unknown>)[name]);
      } catch {
        value = undefined;
      }
      if (has(value)) found.push(`window.${name}`);
    }
    return found;
  }, secret);
}

/** Every file under `dir` whose bytes contain `secret` (as UTF-8 or UTF-16, as Chromium stores text). */
export function filesContaining(dir: string, secret: string): string[] {
  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(path);
        } catch {
          continue;
        }
        if (needles.some((needle) => bytes.includes(needle))) found.push(path.slice(dir.length + 1));
      }
    }
  };
  walk(dir);
  return found;
}
