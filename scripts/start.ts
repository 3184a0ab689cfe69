/**
 * `npm start` (after `npm run build`): the kiosk in Electron when a binary is installed, and
 * otherwise browser mode in training, saying plainly why. Plain Node; never imports electron.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

function follow(child: ChildProcess): void {
  // Ctrl+C reaches the child through the terminal; a SIGTERM sent to us alone is passed on.
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  process.on('SIGINT', () => undefined);
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
  child.on('error', (error) => {
    console.error(`could not start: ${error.message}`);
    process.exit(1);
  });
}

const electron = findElectronBinary(root);
if (electron.found) {
  console.log(`Starting the kiosk in Electron (${electron.path})`);
  // Extra arguments pass through (`npm start -- --no-sandbox` where Chromium's sandbox cannot run).
  follow(spawn(electron.path, [root, ...process.argv.slice(2)], { stdio: 'inherit' }));
} else {
  console.log(`Electron is not available here: ${electron.reason}`);
  console.log('Starting browser mode instead, in training mode: open the two addresses printed below.');
  // Training needs no key and no gateway URL; neither is handed to a process that does not use it.
  const env: NodeJS.ProcessEnv = { ...process.env, KIOSK_MODE: 'training' };
  delete env.MIDTRANS_SERVER_KEY;
  delete env.MIDTRANS_API_URL;
  const serve = fileURLToPath(new URL('../main/browser-mode/serve.ts', import.meta.url));
  follow(
    spawn(process.execPath, ['--disable-warning=ExperimentalWarning', serve], { stdio: 'inherit', env }),
  );
}
