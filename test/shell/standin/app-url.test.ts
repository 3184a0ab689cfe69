// How the stand-in loads app:// in a stock Chromium: one to one, and nothing else changes.
import { describe, expect, it } from 'vitest';
import { fromChromiumUrl, shellUrl, toChromiumUrl } from './app-url.ts';

const app = new Set(['app']);

describe('app-url', () => {
  it('maps a privileged scheme to its own https host and back, path, query and fragment kept', () => {
    for (const url of [
      'app://kiosk/cashier/',
      'app://kiosk/display/index.html?x=1#top',
      'app://kiosk:8/assets/a.js',
    ]) {
      const chromium = toChromiumUrl(url, app);
      expect(chromium).toMatch(/^https:\/\/kiosk\.app\.scheme\.invalid(:8)?\//);
      expect(fromChromiumUrl(chromium)).toEqual({ scheme: 'app', url });
    }
    expect(toChromiumUrl('app://kiosk', app)).toBe('https://kiosk.app.scheme.invalid/');
  });

  it('leaves other schemes and other origins alone, so the shell still sees (and refuses) them', () => {
    expect(toChromiumUrl('https://example.com/', app)).toBe('https://example.com/');
    expect(toChromiumUrl('other://kiosk/', app)).toBe('other://kiosk/');
    expect(toChromiumUrl('app://kiosk/', new Set())).toBe('app://kiosk/');
    for (const url of [
      'https://example.com/',
      'https://kiosk/',
      'http://kiosk.app.scheme.invalid/',
      'about:blank',
      'x',
    ]) {
      expect(fromChromiumUrl(url)).toBeUndefined();
      expect(shellUrl(url)).toBe(url);
    }
  });

  it('keeps look-alike hosts apart', () => {
    const evil = toChromiumUrl('app://kiosk.evil/cashier/', app);
    expect(shellUrl(evil)).toBe('app://kiosk.evil/cashier/');
    expect(shellUrl('https://kiosk.evil.app.scheme.invalid/')).toBe('app://kiosk.evil/');
    expect(fromChromiumUrl('https://app.scheme.invalid/')).toBeUndefined();
  });
});
