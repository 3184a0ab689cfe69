import { describe, expect, it } from 'vitest';
import { ROLES } from '../../common/contract.ts';
import { windowOptions } from '../../main/shell-logic/web-preferences.ts';

const SECURE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
};

describe('window options', () => {
  for (const role of ROLES) {
    for (const packaged of [true, false]) {
      it(`gives the ${role} window exactly the secure preferences (${packaged ? 'packaged' : 'development'})`, () => {
        const preloadPath = `/app/out/preload/${role}.cjs`;
        const options = windowOptions(role, { preloadPath, packaged });
        // Exact: any preference added later (enableBlinkFeatures, additionalArguments…) fails here.
        expect(options.webPreferences).toEqual({ ...SECURE, preload: preloadPath, devTools: !packaged });
        expect(options.show).toBe(false);
        expect(options.autoHideMenuBar).toBe(true);
        expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/);
        expect(options.title).toBeTruthy();
      });
    }
  }

  it('uses each role’s own preload and title', () => {
    const cashier = windowOptions('cashier', { preloadPath: '/p/cashier.cjs', packaged: true });
    const display = windowOptions('display', { preloadPath: '/p/display.cjs', packaged: true });
    expect(cashier.webPreferences?.preload).toBe('/p/cashier.cjs');
    expect(display.webPreferences?.preload).toBe('/p/display.cjs');
    expect(cashier.title).not.toBe(display.title);
  });

  it('opens at the given bounds, or centred at a default size', () => {
    const bounds = { x: 1920, y: 0, width: 1366, height: 768 };
    const placed = windowOptions('display', { preloadPath: '/p', packaged: true, bounds });
    expect(placed).toMatchObject(bounds);
    expect(placed.center).toBeUndefined();
    const centred = windowOptions('cashier', { preloadPath: '/p', packaged: true });
    expect(centred.center).toBe(true);
    expect(centred.width).toBeGreaterThan(0);
    expect(centred.x).toBeUndefined();
  });

  it('keeps the customer display from being minimised out of sight', () => {
    expect(windowOptions('display', { preloadPath: '/p', packaged: true }).minimizable).toBe(false);
    expect(windowOptions('cashier', { preloadPath: '/p', packaged: true }).minimizable).not.toBe(false);
  });
});
