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

  it('nor require it dynamically by a type import', async () => {
    expect(
      await restrictedImports(
        'main/emulator/t.ts',
        "import type { App } from 'electron';\nexport type A = App;\n",
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
