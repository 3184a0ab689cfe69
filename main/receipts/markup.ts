/**
 * Writes receiptline markup for one paper width. Every text goes through `printable` and
 * `escapeMarkup` here, and nowhere else builds markup from data, so no caller can forget either.
 *
 * Text is wrapped here, between words, to the column it will print in, and each printed line is
 * its own markup line: receiptline's own wrapping cuts words at the column edge, and its manual
 * break ("\\n") after a line that fills the column exactly prints an extra blank line.
 */
import { escapeMarkup, printable, wrapWords } from './sanitize.ts';

export interface TextStyle {
  bold?: boolean;
  /** Double height (same width, so columns stay aligned). */
  tall?: boolean;
  /** White on black. */
  invert?: boolean;
}

/** Two spaces: the indent of a line's quantity row and of notes under a tender. */
export const INDENT = 2;

function decorate(body: string, style: TextStyle): string {
  let text = body;
  if (style.bold === true) text = `"${text}"`;
  if (style.tall === true) text = `^^${text}^^`;
  if (style.invert === true) text = `\`${text}\``;
  return text;
}

/** One line of escaped text indented by `indent` spaces. */
function cell(line: string, indent: number): string {
  // "~" is receiptline's escaped space: leading spaces would otherwise set the column's alignment.
  return '~'.repeat(indent) + escapeMarkup(line);
}

export class Markup {
  readonly cpl: number;
  /** Width of the right-hand amount column in `pair` rows. */
  readonly valueWidth: number;
  readonly #out: string[] = [];
  #widths: 'auto' | 'pair' = 'auto';

  constructor(cpl: number, valueWidth: number) {
    if (!Number.isInteger(cpl) || cpl < 16) throw new RangeError(`cpl must be at least 16, got ${cpl}`);
    this.cpl = cpl;
    // The label column keeps at least half the line.
    this.valueWidth = Math.min(Math.max(valueWidth, 1), Math.floor((cpl - 1) / 2));
  }

  #use(widths: 'auto' | 'pair'): void {
    if (this.#widths === widths) return;
    this.#out.push(widths === 'auto' ? '{width:auto}' : `{width:*,${this.valueWidth}}`);
    this.#widths = widths;
  }

  /** Centred text, wrapped between words. Nothing is written when nothing printable is left. */
  center(text: string, style: TextStyle = {}): this {
    const clean = printable(text);
    if (clean === '') return this;
    this.#use('auto');
    for (const line of wrapWords(clean, this.cpl)) this.#out.push(`|${decorate(cell(line, 0), style)}|`);
    return this;
  }

  /** Left-aligned text, wrapped between words; every wrapped line keeps the indent. */
  left(text: string, style: TextStyle = {}, indent = 0): this {
    const clean = printable(text);
    if (clean === '') return this;
    this.#use('auto');
    for (const line of wrapWords(clean, this.cpl - indent)) {
      this.#out.push(`|${decorate(cell(line, indent), style)} |`);
    }
    return this;
  }

  /** Several lines of free text (a footer), each centred; blank lines are kept as blank lines. */
  paragraph(text: string): this {
    for (const line of text.split(/\r\n|\r|\n/)) {
      if (printable(line) === '') this.blank();
      else this.center(line);
    }
    return this;
  }

  /** A label on the left and a value (an amount) on the right; the label wraps, the value does not. */
  pair(label: string, value: string, style: TextStyle = {}, indent = 0): this {
    const valueLines = wrapWords(printable(value, '-'), this.valueWidth);
    const labelLines = wrapWords(printable(label, '?'), this.cpl - this.valueWidth - 1 - indent);
    this.#use('pair');
    for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i++) {
      // "~" keeps a column that has run out of lines from being empty (and so dropped).
      const left = labelLines[i] === undefined ? '~' : decorate(cell(labelLines[i] ?? '', indent), style);
      const right = valueLines[i] === undefined ? '~' : decorate(cell(valueLines[i] ?? '', 0), style);
      this.#out.push(`|${left} | ${right}|`);
    }
    return this;
  }

  /** A bar across the whole paper: white letters on black, for markers that must not be missed. */
  banner(text: string): this {
    const clean = printable(text);
    const room = Math.max(0, this.cpl - clean.length);
    const left = Math.floor(room / 2);
    this.#use('auto');
    const bar = `${'~'.repeat(left)}${escapeMarkup(clean)}${'~'.repeat(room - left)}`;
    this.#out.push(`|${decorate(bar, { invert: true, bold: true })}|`);
    return this;
  }

  rule(): this {
    this.#use('auto');
    this.#out.push('-');
    return this;
  }

  blank(): this {
    this.#use('auto');
    this.#out.push('|~|');
    return this;
  }

  /** A QR code, centred; the data is reduced to printable ASCII like any text. */
  qr(data: string): this {
    const clean = printable(data);
    if (clean === '') return this;
    this.#use('auto');
    // Property values have their own escapes: backslash, the delimiters and ';'.
    const value = clean.replace(/[\\|{};]/g, (c) => `\\${c}`);
    this.#out.push(`{code:${value}; option:qrcode,4,m}`);
    return this;
  }

  toString(): string {
    return this.#out.join('\n');
  }
}
