/**
 * webContents.print for the stand-in: what the shell printed, as Electron would have been asked
 * (the options: silent, device, page size in microns, margins) and what the page said (its text).
 * Nothing reaches a printer. ELECTRON_STANDIN_PRINT_FAILURE makes every print fail with that
 * reason, as Electron's callback reports "Print job failed" or "Invalid printer settings".
 */
import type { Page } from '@playwright/test';
import type { WebContentsPrintOptions } from 'electron';
import { describe } from './support.ts';

export interface PrintedPage {
  options: WebContentsPrintOptions;
  /** The page's text content: an SVG receipt's text elements, line after line. */
  text: string;
  /** The page's own printed width, from its @page rule (e.g. "80mm"). */
  pageRule: string;
}

export const printFacts = { printed: [] as PrintedPage[] };

export function printPage(
  page: Promise<Page>,
  options: WebContentsPrintOptions,
  callback: ((success: boolean, failureReason: string) => void) | undefined,
): void {
  void page
    .then(async (p) => {
      const text = (await p.evaluate(() => document.documentElement.textContent)) ?? '';
      const pageRule =
        (await p.evaluate(() => /@page\{size:([^;}]*)/.exec(document.head.innerHTML)?.[1])) ?? '';
      printFacts.printed.push({ options: structuredClone(options), text, pageRule });
      const failure = process.env.ELECTRON_STANDIN_PRINT_FAILURE;
      if (failure !== undefined && failure !== '') callback?.(false, failure);
      else callback?.(true, '');
    })
    .catch((error: unknown) => callback?.(false, describe(error)));
}
