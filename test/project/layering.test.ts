/**
 * The layering rule is part of the design (the core must run without an Electron binary), so its
 * enforcement is tested like any other behaviour: lint must fail where an import crosses a layer.
 */
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
        'main/desktop/t.ts',
        "import type { App } from 'electron';\nexport type A = App;\n",
      ),
    ).toEqual([]);
    // A value import written with an inline `type` on one name still loads the module.
    expect(
      await restrictedImports(
        'main/desktop/t.ts',
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
