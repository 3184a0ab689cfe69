/**
 * The small modules: protocol, session, powerSaveBlocker, Menu, dialog and shell. Each keeps
 * what the shell gave it, for the routing (protocol handlers), for the tests (the facts below),
 * and, for the session's permission handlers, for a test to ask as Chromium would.
 */
import { EventEmitter } from 'node:events';
import type {
  CustomScheme,
  Dialog,
  Menu as ElectronMenu,
  PowerSaveBlocker,
  Protocol,
  Session,
  Shell,
} from 'electron';
import { lifecycle } from './app.ts';
import { standInLog, type Shape } from './support.ts';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];

export const miscFacts = {
  privilegedSchemes: [] as (CustomScheme & { beforeReady: boolean })[],
  protocolHandlers: new Map<string, ProtocolHandler>(),
  blockers: new Map<number, string>(),
  applicationMenu: 'default' as 'default' | 'none' | 'custom',
  errorBoxes: [] as { title: string; content: string }[],
  openedExternally: [] as string[],
  session: {
    permissionRequest: undefined as RequestHandler | undefined,
    permissionCheck: undefined as CheckHandler | undefined,
    devicePermission: false,
    displayMedia: false,
  },
};

/** Schemes registered as standard and secure: the ones the stand-in can load (see app-url.ts). */
export function loadableSchemes(): Set<string> {
  return new Set(
    miscFacts.privilegedSchemes
      .filter((s) => s.privileges?.standard === true && s.privileges.secure === true)
      .map((s) => s.scheme),
  );
}

export const protocol = {
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]) {
    // Electron only honours this before ready.
    for (const scheme of customSchemes) {
      miscFacts.privilegedSchemes.push({ ...structuredClone(scheme), beforeReady: !lifecycle.ready });
    }
  },
  handle(scheme: string, handler: ProtocolHandler) {
    if (miscFacts.protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    miscFacts.protocolHandlers.set(scheme, handler);
  },
  unhandle(scheme: string) {
    miscFacts.protocolHandlers.delete(scheme);
  },
  isProtocolHandled(scheme: string) {
    return miscFacts.protocolHandlers.has(scheme);
  },
} satisfies Shape<Protocol>;

class StandInSession extends EventEmitter implements Shape<Session> {
  setPermissionRequestHandler(handler: RequestHandler): void {
    miscFacts.session.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler): void {
    miscFacts.session.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: Parameters<Session['setDevicePermissionHandler']>[0]): void {
    miscFacts.session.devicePermission = handler !== null;
  }
  setDisplayMediaRequestHandler(handler: Parameters<Session['setDisplayMediaRequestHandler']>[0]): void {
    miscFacts.session.displayMedia = handler !== null;
  }
}

const defaultSession = new StandInSession();
export const session = { defaultSession, fromPartition: () => defaultSession };

let nextBlocker = 1;
lifecycle.heldBlockers = () => miscFacts.blockers.size;
export const powerSaveBlocker = {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep') {
    const id = nextBlocker++;
    miscFacts.blockers.set(id, type);
    return id;
  },
  stop(id: number) {
    return miscFacts.blockers.delete(id);
  },
  isStarted(id: number) {
    return miscFacts.blockers.has(id);
  },
} satisfies Shape<PowerSaveBlocker>;

let applicationMenu: ElectronMenu | null = null;
export class Menu extends EventEmitter {
  static setApplicationMenu(menu: ElectronMenu | null): void {
    applicationMenu = menu;
    miscFacts.applicationMenu = menu === null ? 'none' : 'custom';
  }
  static getApplicationMenu(): ElectronMenu | null {
    return applicationMenu;
  }
}

export const dialog = {
  showErrorBox(title: string, content: string) {
    miscFacts.errorBoxes.push({ title, content });
    standInLog(`error box: ${title}: ${content}`);
  },
} satisfies Shape<Dialog>;

export const shell = {
  async openExternal(url: string) {
    miscFacts.openedExternally.push(url);
  },
  async openPath(path: string) {
    miscFacts.openedExternally.push(path);
    return '';
  },
} satisfies Shape<Shell>;
