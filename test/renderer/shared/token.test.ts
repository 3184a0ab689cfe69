import { describe, expect, it } from 'vitest';
import { socketUrl, takeToken, tokenStorageKey, type TokenHost } from '../../../renderer/shared/token.ts';

function fakeHost(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const host: TokenHost = {
    location: { href },
    history: {
      state: { kept: true },
      replaceState: (_data, _unused, url) => {
        if (url !== undefined && url !== null) replaced.push(url);
      },
    },
    sessionStorage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    },
  };
  return { host, storage, replaced };
}

describe('takeToken', () => {
  it('takes the token from the address, keeps it for reloads and removes it from the address bar', () => {
    const { host, storage, replaced } = fakeHost('http://127.0.0.1:5173/display?token=abc123&x=1#top');
    expect(takeToken(host, 'display')).toBe('abc123');
    expect(storage.get(tokenStorageKey('display'))).toBe('abc123');
    expect(replaced).toEqual(['/display?x=1#top']);
  });

  it('reuses the stored token on reload, without touching history', () => {
    const { host, replaced } = fakeHost('http://127.0.0.1:5173/', { [tokenStorageKey('cashier')]: 'kept' });
    expect(takeToken(host, 'cashier')).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('prefers a new token in the address (a new run) over the stored one', () => {
    const { host, storage } = fakeHost('http://127.0.0.1:5173/?token=new', {
      [tokenStorageKey('cashier')]: 'old',
    });
    expect(takeToken(host, 'cashier')).toBe('new');
    expect(storage.get(tokenStorageKey('cashier'))).toBe('new');
  });

  it('has no token when neither the address nor the storage has one', () => {
    const { host, replaced } = fakeHost('http://127.0.0.1:5173/?token=');
    expect(takeToken(host, 'cashier')).toBeUndefined();
    expect(replaced).toEqual(['/']);
  });

  it('still works when storage is refused', () => {
    const { host } = fakeHost('http://127.0.0.1:5173/?token=t');
    host.sessionStorage.setItem = () => {
      throw new Error('SecurityError');
    };
    expect(takeToken(host, 'cashier')).toBe('t');
  });
});

describe('socketUrl', () => {
  it('connects to /ws on the page host with the token', () => {
    expect(socketUrl('http://127.0.0.1:5173/display', 'a b&c')).toBe('ws://127.0.0.1:5173/ws?token=a+b%26c');
    expect(socketUrl('https://kiosk.local/?x=1#h', 't')).toBe('wss://kiosk.local/ws?token=t');
  });
});
