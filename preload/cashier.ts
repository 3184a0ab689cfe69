// The cashier window's preload: the cashier (and manager) functions of the contract, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_GLOBALS } from '../common/contract.ts';
import { createCashierBridge } from './bridge-api.ts';
import { ipcTransport } from './ipc-transport.ts';

contextBridge.exposeInMainWorld(PRELOAD_GLOBALS.cashier, createCashierBridge(ipcTransport(ipcRenderer)));
