/**
 * The module `import … from 'electron'` resolves to under the stand-in (register.ts): the
 * main-process API the shell and electron-store use, named and as a default export (Electron's
 * module is CommonJS, so both forms work there). The renderer half (contextBridge, ipcRenderer)
 * lives in the page; see renderer-script.ts.
 *
 * Each object is held to Electron 45's own type for every member it has (support.ts `Shape`);
 * test/shell/standin-shapes.test.ts checks it has every member the shell uses.
 */
import { app } from './app.ts';
import { StandInBrowserWindow } from './browser-window.ts';
import { ipcMain } from './ipc-main.ts';
import { dialog, Menu, powerSaveBlocker, protocol, session, shell } from './misc.ts';
import { safeStorage } from './safe-storage.ts';
import { screen } from './screen.ts';

export {
  app,
  StandInBrowserWindow as BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerSaveBlocker,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
};

export default {
  app,
  BrowserWindow: StandInBrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerSaveBlocker,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
};
