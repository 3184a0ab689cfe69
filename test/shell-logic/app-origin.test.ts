import { describe, expect, it } from 'vitest';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  isAppUrl,
  logOrigin,
  pageUrl,
  roleOfPageUrl,
} from '../../main/shell-logic/app-origin.ts';

describe('the app origin', () => {
  it('names each role’s page', () => {
    expect(APP_ORIGIN).toBe(`${APP_SCHEME}://${APP_HOST}`);
    expect(pageUrl('cashier')).toBe('app://kiosk/cashier/');
    expect(pageUrl('display')).toBe('app://kiosk/display/');
    expect(roleOfPageUrl(pageUrl('cashier'))).toBe('cashier');
    expect(roleOfPageUrl(pageUrl('display'))).toBe('display');
  });

  it.each([
    'app://kiosk/',
    'app://kiosk/cashier/',
    'app://kiosk/assets/app.js',
    'app://kiosk/display/?a=1#b',
  ])('accepts %s as the app', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://kiosk.evil/cashier/',
    'app://kiosk@evil/cashier/',
    'app://evil@kiosk/cashier/',
    'app://a:b@kiosk/cashier/',
    'app://kiosk:1/cashier/',
    'app://other/cashier/',
    'app:///cashier/',
    'app:kiosk/cashier/',
    'apps://kiosk/cashier/',
    'https://kiosk/cashier/',
    'https://evil.example/app://kiosk/cashier/',
    'file:///app/kiosk/cashier/index.html',
    'about:blank',
    'data:text/html,app://kiosk/',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(roleOfPageUrl(url)).toBeUndefined();
  });

  it('knows a page only by its exact path', () => {
    expect(roleOfPageUrl('app://kiosk/cashier/index.html')).toBe('cashier');
    expect(roleOfPageUrl('app://kiosk/display/index.html?x#y')).toBe('display');
    expect(roleOfPageUrl('app://kiosk/cashier')).toBeUndefined();
    expect(roleOfPageUrl('app://kiosk/cashier/x')).toBeUndefined();
    expect(roleOfPageUrl('app://kiosk/')).toBeUndefined();
    expect(roleOfPageUrl('app://kiosk/assets/cashier/')).toBeUndefined();
    expect(roleOfPageUrl('app://kiosk/Cashier/')).toBeUndefined();
  });

  it('logs an origin without path, query or credentials', () => {
    expect(logOrigin('https://evil.example/path?token=secret')).toBe('https://evil.example');
    expect(logOrigin('app://kiosk/cashier/?x=1')).toBe('app://kiosk');
    expect(logOrigin('https://user:pass@evil.example/')).toBe('https://evil.example');
    expect(logOrigin('file:///home/kasir/secret.txt')).toBe('file:');
    expect(logOrigin('nonsense')).toBe('(not a URL)');
  });
});
