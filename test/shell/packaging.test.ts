/**
 * electron-builder.yml as electron-builder 26 itself reads and validates it (no packaging, no
 * network): only built output goes in, native modules stay loadable, the fuses are set, the deb
 * keeps electron-builder's default dependencies and adds to them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

type Config = Record<string, unknown> & {
  /** getConfig normalises the list into one file set. */
  files: { filter: string[] }[];
  electronFuses: Record<string, boolean>;
  deb: { depends: string[] };
  linux: { target: string[]; executableArgs: string[]; icon?: string };
  nsis: Record<string, unknown>;
  directories: { output: string };
};
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(dir: string, file: string, extra: null): Promise<Config>;
  validateConfiguration(config: Config, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const FpmTarget = (
  require('app-builder-lib/out/targets/FpmTarget.js') as {
    default: { prototype: { getDefaultDepends(target: string): string[] } };
  }
).default;

let config: Config;
beforeAll(async () => {
  config = await getConfig(repo, join(repo, 'electron-builder.yml'), null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation (and a wrong key would not)', async () => {
    await validateConfiguration(config, new DebugLogger(false));
    const wrong = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/configuration/i);
  });

  it('packages built output only, away from dist/ where the screens are built', () => {
    const [files] = config.files;
    expect(files?.filter.slice(0, 3)).toEqual(['out/**', 'dist/renderer/**', 'package.json']);
    // Everything after the built output only takes away (test/shell/packaging.spec.ts checks the result).
    expect(files?.filter.slice(3).every((pattern) => pattern.startsWith('!'))).toBe(true);
    expect(config.directories.output).toBe('release');
    expect(config['asarUnpack']).toEqual(['**/*.node']);
    expect(config['npmRebuild']).toBe(false);
    expect(config['publish']).toBeNull();
  });

  it('flips every fuse to its hardened value', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('keeps only the target’s better-sqlite3 binaries, chosen by the target (os), not the build machine (platform)', () => {
    expect(config.files[0]?.filter).toContain(
      '!**/node_modules/better-sqlite3/prebuilds/!(${os}*-${arch}).node',
    );
    expect(JSON.stringify(config)).not.toContain('${platform}');
    // The binaries' names start with what `os` expands to for the two targets.
    const prebuilds = readdirSync(join(repo, 'node_modules/better-sqlite3/prebuilds'));
    expect(prebuilds.filter((name) => /^linux/.test(name))).toContain(`linux-x64.node`);
    expect(prebuilds.filter((name) => /^win/.test(name))).toContain(`win32-x64.node`);
  });

  it('names the icons drawn by build/make-icons.ts and takes the .deb maintainer and homepage from package.json', () => {
    expect(config.linux['icon']).toBe('build/icons');
    expect((config['win'] as { icon?: string }).icon).toBe('build/icon.ico');
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
      author?: { name?: string; email?: string };
      homepage?: string;
    };
    expect(manifest.author?.email).toMatch(/@/);
    expect(manifest.homepage).toMatch(/^https:\/\//);
  });

  it('targets AppImage, deb (default dependencies kept, libsecret and a keyring) and a per-machine NSIS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.executableArgs).toEqual(['--ozone-platform=x11']);
    const defaults = FpmTarget.prototype.getDefaultDepends.call(null, 'deb');
    expect(defaults.length).toBeGreaterThan(3);
    expect(config.deb.depends).toEqual(
      expect.arrayContaining([...defaults, 'libsecret-1-0', 'gnome-keyring']),
    );
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
  });
});
