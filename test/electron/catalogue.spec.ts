/**
 * The catalogue over the shell's wiring: the cashier window reads the one catalogue the journal
 * holds (training's warung list on a new kiosk), the manager's edit reaches the cashier as an
 * event, and the item is still there after a restart. Driven through the preload's api, as the
 * screens use it, so a defect between the shell and the catalogue service shows here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CatalogueSnapshot } from '../../common/catalogue-contract.ts';
import { expect, test } from './support/fixtures.ts';
import { PIN, skipWithoutElectron } from './support/scenario.ts';

skipWithoutElectron();

type CashierGlobal = {
  kioskCashier: {
    catalogue(): Promise<CatalogueSnapshot>;
    onCatalogue(listener: (c: CatalogueSnapshot) => void): () => void;
    manager: {
      createPin(pin: string): Promise<unknown>;
      unlock(pin: string): Promise<unknown>;
      catalogue: {
        saveItem(item: { name: string; price: number; sku?: string }): Promise<CatalogueSnapshot>;
      };
    };
  };
  heardRevisions?: number[];
};

const names = (page: Page) =>
  page.evaluate(async () => {
    const api = (window as unknown as CashierGlobal).kioskCashier;
    return (await api.catalogue()).items.filter((i) => i.active).map((i) => i.name);
  });

test('the cashier window reads the journal’s catalogue; a manager’s edit arrives as an event and survives a restart', async ({
  launchKiosk,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-catalogue-'));
  try {
    const first = await launchKiosk({ dataDir });
    const before = await names(first.cashier);
    // A new training kiosk starts with the warung list.
    expect(before.length).toBeGreaterThanOrEqual(6);
    expect(before).toContain('Kopi Susu');

    const saved = await first.cashier.evaluate(async (pin) => {
      const w = window as unknown as CashierGlobal;
      w.heardRevisions = [];
      w.kioskCashier.onCatalogue((c) => w.heardRevisions!.push(c.revision));
      await w.kioskCashier.manager.createPin(pin);
      await w.kioskCashier.manager.unlock(pin);
      return w.kioskCashier.manager.catalogue.saveItem({ name: 'Bakso Urat', price: 22_000, sku: 'BKS-1' });
    }, PIN);
    expect(saved.items.map((i) => i.name)).toContain('Bakso Urat');
    await expect
      .poll(() => first.cashier.evaluate(() => (window as unknown as CashierGlobal).heardRevisions))
      .toEqual([saved.revision]);
    await first.closeWindow('cashier');
    expect(await first.exited()).toBe(0);

    const second = await launchKiosk({ dataDir });
    const after = await names(second.cashier);
    expect(after).toHaveLength(before.length + 1);
    expect(after).toEqual(expect.arrayContaining([...before, 'Bakso Urat']));
    expect(second.problems).toEqual([]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
