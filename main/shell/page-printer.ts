/**
 * The operating system's printer for the print service (main/printing/os-printer.ts): each
 * receipt's print page is loaded in a hidden, sandboxed window with no preload and no script,
 * printed silently on the roll's own page size (Electron prints A4 otherwise), and the window is
 * destroyed. Electron's failure reason is handed back as the service's bilingual error.
 */
import { BrowserWindow } from 'electron';
import {
  osPrintFailure,
  silentPrintOptions,
  type PagePrinter,
  type PagePrintJob,
} from '../printing/os-printer.ts';
import { LOCKED_DOWN } from '../shell-logic/web-preferences.ts';
import type { Log } from './log.ts';

async function printOnce(job: PagePrintJob, log: Log): Promise<void> {
  const window = new BrowserWindow({
    show: false,
    width: 420,
    height: 800,
    webPreferences: {
      ...LOCKED_DOWN,
      // The page is an SVG and a style: nothing in it runs, so nothing may.
      javascript: false,
      devTools: false,
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(job.html)}`);
    await new Promise<void>((resolve, reject) => {
      window.webContents.print(silentPrintOptions(job), (success, failureReason) => {
        if (success) resolve();
        else {
          log(`system printer ${job.deviceName ?? '(default)'} refused a receipt: ${failureReason}`);
          reject(osPrintFailure(failureReason, job.deviceName));
        }
      });
    });
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

export function createPagePrinter(log: Log): PagePrinter {
  return { target: 'system printer', print: (job) => printOnce(job, log) };
}
