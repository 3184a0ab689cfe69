/**
 * Every piece of text that reaches a receipt passes through here first. A thermal printer reads
 * its input as commands and single-byte characters: a control byte in an item name could open the
 * drawer (ESC p) or change the printer's mode, and a character outside its code page prints as
 * garbage. So text is reduced to printable ASCII, which every ESC/POS code page shares:
 *
 * - control characters (C0, DEL, C1), bidi and zero-width controls, variation selectors and lone
 *   surrogates are removed; tabs and line breaks become spaces;
 * - Latin letters lose their accents ("Café" → "Cafe"), a few symbols get their usual spelling
 *   ("€" → "EUR", "–" → "-"), compatibility forms are folded (full-width letters, ligatures);
 * - emoji are dropped cleanly (a till's menu uses them as decoration), and any other character the
 *   printer cannot print (CJK, Arabic, …) becomes "?", so the reader sees something was there.
 */

// Removed outright: no visible content, or they reorder or hide what follows (bidi controls,
// zero-width joiners and spaces, variation selectors, tag characters, BOM, soft hyphen).
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x20e3, 0x20e3],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0x1f3fb, 0x1f3ff],
  [0xe0000, 0xe0fff],
];
const SPACE_LIKE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([from, to]) => cp >= from && cp <= to);
}

/** Controls (C0, DEL, C1) and invisible characters removed, whitespace made plain spaces. */
function visibleOnly(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // A lone surrogate is one code unit that for..of yields on its own.
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (SPACE_LIKE.has(cp) || (cp >= 0x2000 && cp <= 0x200a)) out += ' ';
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || inRanges(cp, INVISIBLE_RANGES)) continue;
    else out += ch;
  }
  return out;
}

// Pictographs and flags (regional indicators): dropped; skin tones and keycaps went with the
// invisible characters above.
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/gu;
const COMBINING = /\p{M}/gu;
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/g;

// Spelled out before emoji are dropped (©, ® and ™ count as pictographs) and before folding.
const SPELLING: Readonly<Record<string, string>> = {
  '©': '(C)',
  '®': '(R)',
  '™': 'TM',
  ß: 'ss',
  ẞ: 'SS',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Ø: 'O',
  ø: 'o',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Þ: 'Th',
  þ: 'th',
  ı: 'i',
  ĸ: 'k',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '″': '"',
  '«': '<<',
  '»': '>>',
  '‹': '<',
  '›': '>',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '…': '...',
  '•': '*',
  '·': '.',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '¢': 'c',
  '×': 'x',
  '÷': '/',
  '⁄': '/',
  '°': 'o',
  '¡': '!',
  '¿': '?',
};
const SPELLED = new RegExp(`[${Object.keys(SPELLING).join('')}]`, 'gu');

/**
 * `text` as the printer may print it: printable ASCII, single spaces, trimmed. Returns `fallback`
 * when nothing printable is left (a name made only of emoji).
 */
export function printable(text: string, fallback = ''): string {
  const folded = visibleOnly(text)
    .replace(SPELLED, (c) => SPELLING[c] ?? c)
    .replace(EMOJI, ' ')
    .normalize('NFKD')
    .replace(COMBINING, '')
    // NFKD can produce a few more spellable marks (e.g. "½" → "1⁄2").
    .replace(SPELLED, (c) => SPELLING[c] ?? c)
    .replace(NOT_PRINTABLE_ASCII, '?')
    .replace(/ {2,}/g, ' ')
    .trim();
  return folded === '' ? fallback : folded;
}

// receiptline's own markup characters in text: escape, column, property, rules and cut (only
// when alone on a line, but escaping is harmless elsewhere), space, and the decorations.
const MARKUP = /[\\|{}\-=~_"`^]/g;

/** `text` (already printable) as receiptline markup that prints it literally. */
export function escapeMarkup(text: string): string {
  return text.replace(MARKUP, (c) => `\\${c}`);
}

/**
 * Breaks printable text into lines of at most `width` characters at spaces, so a long item name
 * wraps between words; a word longer than a line is cut where the line ends.
 */
export function wrapWords(text: string, width: number): string[] {
  if (width < 1) throw new RangeError(`wrap width must be at least 1, got ${width}`);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (word === '') continue;
    let rest = word;
    if (line !== '' && line.length + 1 + rest.length <= width) {
      line += ` ${rest}`;
      continue;
    }
    if (line !== '') lines.push(line);
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
