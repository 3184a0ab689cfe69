/**
 * Receiptline markup to the three outputs: ESC/POS bytes, an SVG drawn like the paper, and the
 * paper's text line by line. One markup feeds all three, so the preview, the CLI's text and the
 * printed roll cannot disagree.
 *
 * Two adjustments to receiptline's command sets, both through its documented extension point
 * (a command object passed as `command`):
 * - rules print as ASCII "-" in code page 0. receiptline draws them with box characters from
 *   code page 1 (Katakana on Epson), which many cheap clones map to something else;
 * - the SVG loses its Google Fonts @import: the kiosk has no internet and its pages' CSP forbids
 *   remote styles; the font stack falls back to the local Courier/monospace.
 */
import receiptline from 'receiptline';
import type { BaseCommand, Printer } from 'receiptline';
import type { PaperWidth } from '../../common/printing.ts';
import { COLUMNS_BY_WIDTH } from '../../common/printing.ts';
import { concatBytes, drawerPulseBytes, INITIALIZE } from './escpos-commands.ts';
import type { DrawerPulse } from './escpos-commands.ts';

/**
 * 'generic' suits the cheap 58/80 mm clones most Indonesian shops use (raster images with GS v 0,
 * no Epson-only set-up commands); 'epson' is receiptline's Epson TM command set.
 */
export type EscPosDialect = 'generic' | 'epson';

export interface EscPosOptions {
  width: PaperWidth;
  dialect?: EscPosDialect;
  /** Cut the paper at the end (default true). */
  cut?: boolean;
  /** Kick the cash drawer before printing: the drawer opens while the receipt prints. */
  drawer?: DrawerPulse;
}

// hr(width) prints the rule; ESC t 0 selects code page 0 again before it.
const asciiRule = (width: number): string => `\x1bt\x00${'-'.repeat(width)}`;

const ESCPOS_COMMANDS: Readonly<Record<EscPosDialect, BaseCommand>> = {
  generic: { ...receiptline.commands.generic, hr: asciiRule },
  epson: { ...receiptline.commands.escpos, hr: asciiRule },
};

const baseSvg = receiptline.commands.svg;
const SVG_COMMAND: BaseCommand = {
  ...baseSvg,
  close(this: BaseCommand): string {
    return String(baseSvg.close.call(this)).replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');
  },
};

function printer(width: PaperWidth, command: BaseCommand | 'text', extra: Partial<Printer> = {}): Printer {
  // cp437 is every ESC/POS printer's code page 0; the sanitiser has already kept text to ASCII.
  return { cpl: COLUMNS_BY_WIDTH[width], encoding: 'cp437', spacing: false, command, ...extra };
}

export function renderEscPos(markup: string, options: EscPosOptions): Uint8Array {
  const commands = receiptline.transform(
    markup,
    printer(options.width, ESCPOS_COMMANDS[options.dialect ?? 'generic'], {
      cutting: options.cut ?? true,
      gradient: false,
    }),
  );
  // receiptline writes one byte per character (a "binary" string).
  const body = Buffer.from(commands, 'latin1');
  if (options.drawer === undefined) return new Uint8Array(body);
  return concatBytes([Uint8Array.from(INITIALIZE), drawerPulseBytes(options.drawer), body]);
}

export function renderSvg(markup: string, width: PaperWidth): string {
  return receiptline.transform(markup, printer(width, SVG_COMMAND));
}

/** What the paper says, one string per printed line, trailing spaces removed. */
export function renderTextLines(markup: string, width: PaperWidth): string[] {
  const text = receiptline.transform(markup, printer(width, 'text'));
  const lines = text.split('\n').map((line) => line.trimEnd());
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
