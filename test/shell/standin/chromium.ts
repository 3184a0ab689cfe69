/**
 * The browser behind the stand-in's windows: one persistent Chromium profile in the app's user
 * data folder (as Electron keeps its own there), one context for every window (Electron's
 * defaultSession), and a CDP port so a test can drive the same pages, as Playwright's
 * `_electron` does with a real Electron.
 *
 * Every request from a window is routed here: navigations the page starts go to the shell's
 * will-navigate listeners first; a privileged scheme's URL goes to the shell's own
 * protocol.handle() handler; anything else is aborted, since nothing may leave the machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Route } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from '../../e2e/support/browser.ts';
import { fromChromiumUrl } from './app-url.ts';
import { app, lifecycle } from './app.ts';
import { miscFacts } from './misc.ts';
import { describe, standInLog } from './support.ts';
import type { StandInWebContents } from './web-contents.ts';
import { senderFrameOf } from './web-frame.ts';

export const routingFacts = {
  refused: [] as string[],
  /** A popup's navigation is issued before its page exists; web-contents.ts reads its URL here. */
  lastPopupUrl: undefined as string | undefined,
};

let context: BrowserContext | undefined;
const contentsByPage = new Map<Page, StandInWebContents>();

export function browserContext(): BrowserContext {
  if (context === undefined) throw new Error('Cannot create BrowserWindow before app is ready');
  return context;
}

export function adoptPage(page: Page, contents: StandInWebContents): void {
  contentsByPage.set(page, contents);
  page.once('close', () => contentsByPage.delete(page));
}

async function serve(route: Route, appUrl: { scheme: string; url: string }): Promise<void> {
  const request = route.request();
  const handler = miscFacts.protocolHandlers.get(appUrl.scheme);
  if (handler === undefined) return route.abort('failed');
  const method = request.method();
  const posted = method === 'GET' || method === 'HEAD' ? null : request.postDataBuffer();
  const body = posted === null ? null : new Uint8Array(posted);
  const response = await handler(
    new Request(appUrl.url, { method, headers: await request.allHeaders(), body }),
  );
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  await route.fulfill({
    status: response.status,
    headers,
    body: Buffer.from(await response.arrayBuffer()),
  });
}

async function onRequest(route: Route): Promise<void> {
  const request = route.request();
  const url = request.url();
  let frame: Frame;
  try {
    frame = request.frame();
  } catch {
    // Chromium made the request before its frame: a new window's first navigation.
    routingFacts.lastPopupUrl = url;
    routingFacts.refused.push(url);
    return route.abort('blockedbyclient');
  }
  const contents = contentsByPage.get(frame.page());
  if (contents === undefined) {
    // A page no BrowserWindow opened (a popup the shell denied, say) gets nothing.
    if (request.isNavigationRequest()) routingFacts.lastPopupUrl = url;
    routingFacts.refused.push(url);
    return route.abort('blockedbyclient');
  }
  if (request.isNavigationRequest()) {
    const isMainFrame = frame.parentFrame() === null;
    if (!contents.allowNavigation(url, isMainFrame, senderFrameOf(frame))) return route.abort('aborted');
  }
  const appUrl = fromChromiumUrl(url);
  if (appUrl !== undefined) return serve(route, appUrl);
  routingFacts.refused.push(url);
  return route.abort('blockedbyclient');
}

export async function launchChromium(): Promise<{ cdpUrl: string }> {
  const profile = join(app.getPath('userData'), 'standin-chromium');
  const executablePath = systemChromium();
  context = await chromium.launchPersistentContext(profile, {
    headless: true,
    ...(executablePath === undefined ? {} : { executablePath }),
    args: [...CHROMIUM_ARGS, '--remote-debugging-port=0'],
    viewport: { width: 800, height: 600 },
    acceptDownloads: false,
  });
  for (const page of context.pages()) await page.close();
  await context.route('**/*', (route) =>
    onRequest(route).catch((error: unknown) => {
      standInLog(`routing ${route.request().url()}: ${describe(error)}`);
      return route.abort('failed').catch(() => undefined);
    }),
  );
  const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  lifecycle.beforeExit.push(async () => {
    const open = context;
    context = undefined;
    await open?.close();
  });
  return { cdpUrl: `http://127.0.0.1:${port}` };
}
