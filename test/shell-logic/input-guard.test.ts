import { describe, expect, it } from 'vitest';
import {
  guardShortcuts,
  isBlockedShortcut,
  type InputContentsLike,
  type ShortcutInput,
} from '../../main/shell-logic/input-guard.ts';

function key(spec: string, code?: string, type = 'keyDown'): ShortcutInput {
  const parts = spec.split('+');
  const name = parts.pop() ?? '';
  const input: ShortcutInput = {
    type,
    key: name,
    control: parts.includes('Ctrl'),
    meta: parts.includes('Cmd'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
  };
  if (code !== undefined) input.code = code;
  return input;
}

const BLOCKED: Array<[string, string?]> = [
  ['Ctrl+r', 'KeyR'],
  ['Cmd+r', 'KeyR'],
  ['Ctrl+Shift+R', 'KeyR'],
  ['F5', 'F5'],
  ['Ctrl+F5', 'F5'],
  ['Shift+F5', 'F5'],
  ['BrowserRefresh'],
  ['F12', 'F12'],
  ['Ctrl+Shift+I', 'KeyI'],
  ['Ctrl+Shift+J', 'KeyJ'],
  ['Ctrl+Shift+C', 'KeyC'],
  ['Cmd+Alt+i', 'KeyI'],
  ['Cmd+Alt+j', 'KeyJ'],
  ['Ctrl+=', 'Equal'],
  ['Ctrl+Shift++', 'Equal'],
  ['Ctrl+-', 'Minus'],
  ['Ctrl+0', 'Digit0'],
  ['Ctrl++', 'NumpadAdd'],
  ['Cmd+-', 'Minus'],
  ['F11', 'F11'],
  ['Ctrl+w', 'KeyW'],
  ['Cmd+w', 'KeyW'],
  ['Ctrl+q', 'KeyQ'],
  ['Cmd+q', 'KeyQ'],
  ['Alt+F4', 'F4'],
  ['Alt+ArrowLeft', 'ArrowLeft'],
  ['Alt+ArrowRight', 'ArrowRight'],
  ['BrowserBack'],
  // A layout that types another letter on the R key still reloads in Chromium.
  ['Ctrl+к', 'KeyR'],
];

const ALLOWED: Array<[string, string?]> = [
  ['r', 'KeyR'],
  ['R', 'KeyR'],
  ['5', 'Digit5'],
  ['0', 'Digit0'],
  ['Enter', 'Enter'],
  ['Escape', 'Escape'],
  ['Backspace', 'Backspace'],
  ['Ctrl+c', 'KeyC'],
  ['Ctrl+v', 'KeyV'],
  ['Ctrl+x', 'KeyX'],
  ['Ctrl+a', 'KeyA'],
  ['Ctrl+z', 'KeyZ'],
  ['Ctrl+Shift+Z', 'KeyZ'],
  ['Tab', 'Tab'],
  ['Shift+Tab', 'Tab'],
  ['ArrowLeft', 'ArrowLeft'],
  ['F4', 'F4'],
  ['i', 'KeyI'],
  ['Shift+I', 'KeyI'],
];

describe('isBlockedShortcut', () => {
  it.each(BLOCKED)('blocks %s when packaged, not in development', (spec, code) => {
    expect(isBlockedShortcut(key(spec, code), true)).toBe(true);
    expect(isBlockedShortcut(key(spec, code), false)).toBe(false);
  });

  it.each(ALLOWED)('lets %s through', (spec, code) => {
    expect(isBlockedShortcut(key(spec, code), true)).toBe(false);
  });

  it('judges key presses, not releases', () => {
    expect(isBlockedShortcut(key('F5', 'F5', 'keyUp'), true)).toBe(false);
    expect(isBlockedShortcut(key('F5', 'F5', 'rawKeyDown'), true)).toBe(true);
  });

  it('works without a physical key code', () => {
    expect(isBlockedShortcut(key('Ctrl+r'), true)).toBe(true);
    expect(isBlockedShortcut(key('Ctrl+c'), true)).toBe(false);
  });
});

describe('guardShortcuts', () => {
  function fake() {
    let listener: ((event: { preventDefault(): void }, input: ShortcutInput) => void) | undefined;
    const contents: InputContentsLike = {
      on: (_event, l) => {
        listener = l;
      },
    };
    const press = (input: ShortcutInput) => {
      let prevented = false;
      listener?.({ preventDefault: () => (prevented = true) }, input);
      return prevented;
    };
    return { contents, press, attached: () => listener !== undefined };
  }

  it('prevents blocked shortcuts in a packaged kiosk', () => {
    const page = fake();
    guardShortcuts(page.contents, true);
    expect(page.press(key('Ctrl+r', 'KeyR'))).toBe(true);
    expect(page.press(key('Ctrl+c', 'KeyC'))).toBe(false);
  });

  it('leaves development alone', () => {
    const page = fake();
    guardShortcuts(page.contents, false);
    expect(page.attached()).toBe(false);
  });
});
