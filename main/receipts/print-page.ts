/**
 * The receipt as an HTML page a browser can print (browser mode's print page) and Electron's
 * silent `webContents.print` can print (the OS printer). The page is the SVG preview sized to the
 * roll's printable width, with no margins and nothing to load: no script, no remote font, so it
 * prints the same offline and under a strict CSP (its one inline style is the only allowance).
 */
import type { PaperWidth } from '../../common/printing.ts';
import { COLUMNS_BY_WIDTH } from '../../common/printing.ts';

/** Printable width of each roll: 48 mm on 58 mm paper, 72 mm on 80 mm paper (8 dots/mm at 203 dpi). */
export const PRINTABLE_MM: Readonly<Record<PaperWidth, number>> = { 58: 48, 80: 72 };

const DOTS_PER_MM = 8;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The SVG's height in dots (its px are printer dots: 12 per Font A column). */
export function svgHeightDots(svg: string): number {
  const match = /<svg[^>]*\sheight="(\d+)px"/.exec(svg);
  return match === null ? 0 : Number(match[1]);
}

/** The receipt's length on paper in millimetres, for a page size that fits it exactly. */
export function receiptLengthMm(svg: string): number {
  return Math.ceil(svgHeightDots(svg) / DOTS_PER_MM);
}

export interface PrintPageOptions {
  title: string;
  language: 'id' | 'en';
}

export function printPageHtml(svg: string, width: PaperWidth, options: PrintPageOptions): string {
  if (!svg.trimStart().startsWith('<svg')) throw new TypeError('printPageHtml needs the SVG preview');
  const printable = PRINTABLE_MM[width];
  const margin = (width - printable) / 2;
  const lengthMm = receiptLengthMm(svg) + 2 * margin;
  // The SVG is drawn at COLUMNS × 12 dots; scaling it to the printable width keeps one column
  // per 12 printer dots, as on the ESC/POS path.
  const style =
    `@page{size:${width}mm ${lengthMm}mm;margin:0}` +
    `html,body{margin:0;padding:0;background:#fff}` +
    `body{width:${width}mm}` +
    `.receipt{display:block;width:${printable}mm;height:auto;margin:${margin}mm auto}`;
  const sized = svg.replace(/^\s*<svg /, `<svg class="receipt" data-columns="${COLUMNS_BY_WIDTH[width]}" `);
  return (
    `<!doctype html><html lang="${options.language}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(options.title)}</title><style>${style}</style></head>` +
    `<body>${sized}</body></html>\n`
  );
}
