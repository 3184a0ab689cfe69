/**
 * The layering rule is part of the design (the core must run without an Electron binary), so its
 * enforcement is tested like any other behaviour: lint must fail where an import crosses a layer.
 */
import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('who may import whom', () => {
  it('the main-process core may not import electron', async () => {
    const messages = await restrictedImports(
      'main/midtrans/uses-electron.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/thin Electron shell/);
  });

  it('but may check itself against the types of Electron, which are erased and load nothing', async () => {
    expect(
      await restrictedImports(
        'main/shell-logic/t.ts',
        "import type { App } from 'electron';\nexport type A = App;\n",
      ),
    ).toEqual([]);
    // A value import written with an inline `type` on one name still loads the module.
    expect(
      await restrictedImports(
        'main/shell-logic/t.ts',
        "import { type App, app } from 'electron';\nexport const x: App = app;\n",
      ),
    ).toHaveLength(1);
  });

  it('nor load electron-store, which loads electron', async () => {
    expect(
      await restrictedImports(
        'main/settings/s.ts',
        "import Store from 'electron-store';\nexport const S = Store;\n",
      ),
    ).toHaveLength(1);
  });

  it('a preload bridge may not touch electron; the two preload entries may', async () => {
    const source = "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n";
    expect(await restrictedImports('preload/bridge-api.ts', source)).toHaveLength(1);
    expect(await restrictedImports('preload/display.ts', source)).toEqual([]);
    expect(
      await restrictedImports(
        'preload/display.ts',
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      ),
    ).toHaveLength(1);
  });

  it('the Electron shell may', async () => {
    expect(
      await restrictedImports(
        'main/shell/window.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([]);
  });

  it('the shared contract depends on no layer and no Node module', async () => {
    expect(
      await restrictedImports(
        'common/contract.ts',
        "import { systemClock } from '../main/clock.ts';\nexport const c = systemClock;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports('common/contract.ts', "import fs from 'node:fs';\nexport const f = fs;\n"),
    ).toHaveLength(1);
  });

  it('renderers reach main only through the contract', async () => {
    expect(
      await restrictedImports(
        'renderer/cashier/App.tsx',
        "import { MidtransClient } from '../../main/midtrans/client.ts';\nexport const C = MidtransClient;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'renderer/cashier/App.tsx',
        "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
      ),
    ).toHaveLength(1);
  });
});

describe('the main process in layers', () => {
  const importing = (target: string) => `import * as m from '${target}';\nexport const x = m;\n`;

  it.each([
    ['main/checkout/x.ts', '../host/kiosk-host.ts'],
    ['main/journal/x.ts', '../screen-api/kiosk-api.ts'],
    ['main/midtrans/x.ts', '../settings/open-settings.ts'],
    ['main/screen-api/x.ts', '../host/kiosk-host.ts'],
    ['main/settings/x.ts', '../browser-mode/serve.ts'],
    ['main/host/x.ts', '../shell-logic/ipc-gate.ts'],
    ['main/browser-mode/x.ts', '../shell-logic/ipc-gate.ts'],
    ['main/shell-logic/x.ts', '../browser-mode/serve.ts'],
    ['main/shell-logic/x.ts', '../host/kiosk-host.ts'],
    ['main/cli/x.ts', '../screen-api/kiosk-api.ts'],
  ])('%s may not import %s (a layer above it)', async (file, target) => {
    const messages = await restrictedImports(file, importing(target));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/may not import a layer above it/);
  });

  it.each([
    ['main/checkout/x.ts', '../journal/journal.ts'],
    ['main/screen-api/x.ts', '../checkout/engine.ts'],
    ['main/host/x.ts', '../screen-api/kiosk-api.ts'],
    ['main/browser-mode/x.ts', '../host/kiosk-host.ts'],
    ['main/shell-logic/x.ts', '../screen-pages/pages.ts'],
    ['main/cli/x.ts', '../host/kiosk-services.ts'],
    ['main/shell/x.ts', '../host/desktop-host.ts'],
  ])('%s may import %s (a layer below it)', async (file, target) => {
    expect(await restrictedImports(file, importing(target))).toEqual([]);
  });

  it('every folder of main/ is placed in a layer', async () => {
    const folders = readdirSync('main', { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'shell')
      .map((entry) => entry.name);
    const unplaced: string[] = [];
    for (const folder of folders) {
      const config = (await eslint.calculateConfigForFile(`main/${folder}/x.ts`)) as {
        rules?: Record<string, [unknown, { patterns?: { message: string }[] }]>;
      };
      const patterns = config.rules?.['no-restricted-imports']?.[1]?.patterns ?? [];
      if (!patterns.some((p) => /may not import a layer above it/.test(p.message))) unplaced.push(folder);
    }
    // The top of the stack (shell, excluded above) may import anything; every other folder has a
    // place in eslint.config.js, so a new folder is a decision about where it sits.
    expect(unplaced).toEqual([]);
  });
});
