/**
 * Keyboard shortcuts a packaged kiosk swallows before the page or Chromium sees them. At a till
 * they are only ever pressed by accident (a cashier's elbow on the keyboard, a customer leaning
 * on the display's keys) and each leaves someone stuck:
 *
 * - reload (Ctrl/Cmd+R, Ctrl+Shift+R, F5, the browser's refresh key): the screen blanks mid-sale
 *   and re-reads everything while a customer is looking at it;
 * - developer tools (F12, Ctrl+Shift+I/J/C, Cmd+Alt+I/J/C): a console nobody at a till can close
 *   and that could read whatever the page shows;
 * - zoom (Ctrl with +, =, -, 0): the layout breaks and nothing on screen says how to undo it;
 * - fullscreen (F11): the customer display leaves its kiosk placement;
 * - close and quit (Ctrl/Cmd+W, Ctrl/Cmd+Q, Alt+F4 where the window manager lets the page see
 *   it): the customer display disappears and the customer has no QR to scan; the cashier window
 *   keeps its close button for a deliberate exit;
 * - history (Alt+Left/Right, the browser's back/forward keys): the screens have no history, so
 *   these can only navigate somewhere unexpected.
 *
 * In development every shortcut works: reload and devtools are the developer's tools.
 * Ordinary editing keys (Ctrl+C, Ctrl+V, Ctrl+A, Ctrl+Z) are never touched.
 */
export interface ShortcutInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

const ALWAYS_BLOCKED_KEYS = new Set(['F5', 'F11', 'F12', 'BrowserRefresh', 'BrowserBack', 'BrowserForward']);
const DEVTOOLS_LETTERS = new Set(['i', 'j', 'c']);
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);

/** Both the character typed and the physical key, so a remapped layout cannot slip past. */
function letters(input: ShortcutInput): Set<string> {
  const out = new Set<string>();
  if (input.key.length === 1) out.add(input.key.toLowerCase());
  if (input.code !== undefined && /^Key[A-Z]$/.test(input.code)) out.add(input.code.slice(3).toLowerCase());
  return out;
}

function isKeyDown(type: string): boolean {
  const lower = type.toLowerCase();
  return lower === 'keydown' || lower === 'rawkeydown';
}

export function isBlockedShortcut(input: ShortcutInput, packaged: boolean): boolean {
  if (!packaged || !isKeyDown(input.type)) return false;
  const { key, code } = input;
  if (ALWAYS_BLOCKED_KEYS.has(key) || (code !== undefined && ALWAYS_BLOCKED_KEYS.has(code))) return true;
  const typed = letters(input);
  const has = (letter: string) => typed.has(letter);
  const mod = input.control || input.meta;
  if (mod && (has('r') || has('w') || has('q'))) return true;
  if (mod && input.shift && [...DEVTOOLS_LETTERS].some(has)) return true;
  if (input.meta && input.alt && [...DEVTOOLS_LETTERS].some(has)) return true;
  if (mod && (ZOOM_KEYS.has(key) || (code !== undefined && ZOOM_CODES.has(code)))) return true;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight')) return true;
  return false;
}

/** What `guardShortcuts` needs of a WebContents; a real WebContents satisfies it. */
export interface InputContentsLike {
  on(
    event: 'before-input-event',
    listener: (event: { preventDefault(): void }, input: ShortcutInput) => void,
  ): unknown;
}

export function guardShortcuts(contents: InputContentsLike, packaged: boolean): void {
  if (!packaged) return;
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, packaged)) event.preventDefault();
  });
}
