/**
 * Each window's BrowserWindow options. The security preferences are written out literally, every
 * one with its safe value even where it is Electron's default: a scanner (Electronegativity) reads
 * literals, a reviewer sees them at a glance, and a default that changes in a later Electron
 * cannot loosen them.
 *
 * Each role has its own preload file rather than one shared preload that looks at its URL: the
 * customer display's preload then simply does not contain the cashier's commands, so no bug in a
 * role check inside a preload could hand the customer-facing window a way to start, cancel or
 * simulate a sale or reach the manager's settings.
 */
import type { Role } from '../../common/contract.ts';

/**
 * The subset of Electron's BrowserWindowConstructorOptions set here. Written out because lint
 * keeps every `electron` import, even a type-only one, inside main/shell/;
 * test/shell-logic/electron-shapes.test.ts proves it is assignable to the real options type.
 */
export interface WindowOptions {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  center?: boolean;
  minimizable?: boolean;
  fullscreenable?: boolean;
  title: string;
  show: boolean;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    webviewTag: false;
    navigateOnDragDrop: false;
    spellcheck: false;
    safeDialogs: true;
    devTools: boolean;
  };
}

type Placement = Pick<WindowOptions, 'x' | 'y' | 'width' | 'height' | 'center'>;
type RoleOptions = Pick<WindowOptions, 'minWidth' | 'minHeight' | 'minimizable' | 'fullscreenable'>;

export interface WindowRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

// The pages' own backgrounds, so a window never flashes white or black before its first paint.
const BACKGROUND: Readonly<Record<Role, string>> = { cashier: '#f3f4f6', display: '#ffffff' };
const TITLE: Readonly<Record<Role, string>> = {
  cashier: 'Kasir · Cashier',
  display: 'Layar pelanggan · Customer display',
};
const DEFAULT_SIZE: Readonly<Record<Role, { width: number; height: number }>> = {
  cashier: { width: 1280, height: 800 },
  display: { width: 1024, height: 768 },
};

function placement(role: Role, bounds: WindowRect | undefined): Placement {
  if (bounds === undefined) return { ...DEFAULT_SIZE[role], center: true };
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
}

function roleOptions(role: Role): RoleOptions {
  if (role === 'cashier') return { minWidth: 800, minHeight: 600 };
  // The customer display normally runs as a kiosk window on its own monitor. In its windowed
  // fallback (one monitor) it must not be minimised out of sight by a stray click: the customer
  // would lose the QR, and nobody would notice until the next sale.
  return { minimizable: false, fullscreenable: true, minWidth: 480, minHeight: 360 };
}

/**
 * Every window the kiosk opens (the two screens, the hidden one that prints a receipt page) is
 * isolated and sandboxed with Node out of reach: one list, so no window can forget an item.
 */
export const LOCKED_DOWN = {
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
} as const;

export function windowOptions(
  role: Role,
  o: { preloadPath: string; packaged: boolean; bounds?: WindowRect | undefined },
): WindowOptions {
  return {
    ...placement(role, o.bounds),
    ...roleOptions(role),
    title: TITLE[role],
    // Shown on 'ready-to-show', once placed: no blank window, and a kiosk window is never
    // shown on the wrong monitor first.
    show: false,
    backgroundColor: BACKGROUND[role],
    autoHideMenuBar: true,
    webPreferences: {
      preload: o.preloadPath,
      ...LOCKED_DOWN,
      devTools: !o.packaged,
    },
  };
}
