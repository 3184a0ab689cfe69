/**
 * `npm run dist` (after `npm run build`): electron-builder with electron-builder.yml, extra
 * arguments passed through (`npm run dist -- --win`). It downloads Electron and the target
 * toolsets (AppImage runtime, fpm, NSIS), so offline it fails; this says so instead of leaving a
 * bare ENOTFOUND.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');

const child = spawn(process.execPath, [cli, '--config', 'electron-builder.yml', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
child.on('exit', (code) => {
  if (code !== 0) {
    console.error(
      '\nelectron-builder failed. It needs internet access to download Electron and the packaging ' +
        'tools; offline, set `electronDist` to an unpacked Electron 45 and pre-seed ' +
        'ELECTRON_BUILDER_CACHE (see README, Packaging).',
    );
  }
  process.exit(code ?? 1);
});
