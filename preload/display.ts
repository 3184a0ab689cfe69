// The customer display's preload: read-only. Only the display bridge is built here, so no cashier
// command name or function is even in this bundle (test/scripts/build-shell.test.ts checks).
import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_GLOBALS } from '../common/contract.ts';
import { createDisplayBridge } from './bridge-api.ts';
import { ipcTransport } from './ipc-transport.ts';

contextBridge.exposeInMainWorld(PRELOAD_GLOBALS.display, createDisplayBridge(ipcTransport(ipcRenderer)));
