/**
 * Opens the Playwright page behind a window's web contents: in the shared context (Electron's
 * defaultSession), sized as the window, with the window's preload installed before any page
 * script and ipcRenderer's binding answering with the real calling frame. Used for a window's
 * first page and for the fresh one that replaces a crashed renderer.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { WebPreferences } from 'electron';
import { adoptPage, browserContext } from './chromium.ts';
import { ipcMain } from './ipc-main.ts';
import { rendererScript, type IpcMessage } from './renderer-script.ts';
import { describe, standInLog } from './support.ts';
import type { StandInWebContents } from './web-contents.ts';
import { frameIdOf, senderFrameOf } from './web-frame.ts';

const BINDING = '__electronStandInIpc';

function preloadSource(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    standInLog(`Unable to load preload script: ${path} (${describe(error)})`);
    return undefined;
  }
}

export async function openRendererPage(
  contents: StandInWebContents,
  preferences: WebPreferences,
  size: { width: number; height: number },
): Promise<Page> {
  const page = await browserContext().newPage();
  adoptPage(page, contents);
  await page.setViewportSize(size);
  const source = preloadSource(preferences.preload);
  if (source === undefined) return page;
  await page.exposeBinding(BINDING, async (caller, message: IpcMessage) => {
    const from = {
      sender: contents,
      get senderFrame() {
        return senderFrameOf(caller.frame);
      },
      frameId: frameIdOf(caller.frame),
      processId: contents.id,
    };
    if (message.kind === 'invoke') return ipcMain.answer(message.channel, message.args, from);
    ipcMain.deliver(message.channel, message.args, from, (channel, args) => contents.send(channel, ...args));
    return { ok: true, value: undefined };
  });
  await page.addInitScript({ content: rendererScript(BINDING, source) });
  return page;
}
