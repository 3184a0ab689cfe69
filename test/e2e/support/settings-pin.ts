/** The steps into the manager's settings that every settings test takes: open them, type or create the PIN. */
import { expect, type Page } from '@playwright/test';

export async function openSettings(cashier: Page): Promise<void> {
  await cashier.getByTestId('settings-button').click();
  await expect(cashier.getByTestId('settings-screen')).toBeVisible();
  await expect(cashier.getByTestId('amount-input')).toBeHidden();
}

export async function typePin(cashier: Page, pin: string): Promise<void> {
  const input = cashier.getByTestId('pin-input');
  await expect(input).toBeFocused();
  await cashier.keyboard.type(pin);
  await cashier.keyboard.press('Enter');
}

/** The first visit: the PIN typed twice, once on the keyboard and once on the on-screen pad. */
export async function createPin(cashier: Page, pin: string): Promise<void> {
  const pinScreen = cashier.getByTestId('pin-screen');
  await expect(pinScreen).toHaveAttribute('data-purpose', 'create');
  await typePin(cashier, pin);
  await expect(pinScreen).toHaveAttribute('data-step', 'confirm');
  for (const digit of pin) await cashier.getByTestId(`pin-key-${digit}`).click();
  await cashier.getByTestId('pin-submit').click();
  await expect(cashier.getByTestId('settings-form')).toBeVisible();
}
