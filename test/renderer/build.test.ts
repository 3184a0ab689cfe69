/**
 * The production build as the browser-mode server and Electron will load it: the layout they
 * expect, nothing the CSP (script-src 'self'; style-src 'self'; img-src 'self' data:) would
 * block, nothing fetched from elsewhere, and no cashier code in the customer display's bundle.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'kiosk-renderer-build-'));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

/** Every asset a page loads: its scripts, preloads and stylesheets, and what those scripts import. */
function pageAssets(page: string): string[] {
  const html = read(page);
  const found = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
  while (queue.length > 0) {
    const asset = queue.shift() ?? '';
    if (found.has(asset)) continue;
    found.add(asset);
    if (!asset.endsWith('.js')) continue;
    for (const m of read(asset).matchAll(/(?:from|import)\s*\(?\s*["']\.\/([^"']+\.js)["']/g)) {
      queue.push(`assets/${m[1] ?? ''}`);
    }
  }
  return [...found];
}

beforeAll(async () => {
  // Vitest sets NODE_ENV=test, which Vite would honour and bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(repo, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('renderer build', () => {
  it('writes cashier/index.html, display/index.html and everything else under assets/', () => {
    const written = files(outDir).map((path) => relative(outDir, path).split('\\').join('/'));
    expect(written).toContain('cashier/index.html');
    expect(written).toContain('display/index.html');
    const others = written.filter((path) => !path.endsWith('/index.html'));
    expect(others.length).toBeGreaterThan(2);
    for (const path of others) expect(path).toMatch(/^assets\/[^/]+\.(js|css)$/);
  });

  it('has no inline script, inline style or event handler in either page', () => {
    for (const page of ['cashier/index.html', 'display/index.html']) {
      const html = read(page);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes, page).toMatch(/\bsrc="\/assets\//);
        expect(body?.trim(), page).toBe('');
      }
      expect(html, page).not.toMatch(/<style\b/i);
      expect(html, page).not.toMatch(/\sstyle=/i);
      expect(html, page).not.toMatch(/\son[a-z]+=/i);
      expect(html, page).toMatch(/<link rel="stylesheet"[^>]*href="\/assets\/[^"]+\.css"/);
    }
  });

  it('loads nothing from another origin', () => {
    for (const page of ['cashier/index.html', 'display/index.html']) {
      for (const m of read(page).matchAll(/(?:src|href)="([^"]+)"/g)) {
        expect(m[1], page).toMatch(/^(\/assets\/|data:,$)/);
      }
    }
    for (const path of files(outDir).filter((p) => p.endsWith('.css'))) {
      const css = readFileSync(path, 'utf8');
      expect(css).not.toMatch(/@import|url\(/i);
    }
    for (const path of files(outDir).filter((p) => p.endsWith('.js'))) {
      const js = readFileSync(path, 'utf8');
      // Only static imports of sibling chunks; no module is fetched from an address.
      expect(js).not.toMatch(/(?:from|import)\s*\(?\s*["']https?:/);
      expect(js).not.toMatch(/fonts\.(googleapis|gstatic)|cdn\./);
    }
  });

  it('leaves the cashier out of the customer display bundle', () => {
    const display = pageAssets('display/index.html');
    const cashier = pageAssets('cashier/index.html');
    const text = (assets: string[]) => assets.map(read).join('\n');
    const markers = [
      'sale.start',
      'sale.simulate',
      'keypad-',
      'charge-button',
      'Simulasikan pembayaran',
      'Tagih',
      // The manager's settings screen is part of the cashier window only.
      'manager.unlock',
      'key.set',
      'Buat PIN manajer',
      'pin-input',
    ];
    const cashierText = text(cashier);
    const displayText = text(display);
    for (const marker of markers) {
      expect(cashierText, marker).toContain(marker);
      expect(displayText, marker).not.toContain(marker);
    }
    expect(displayText).toContain('display.snapshot');
    expect(displayText).toContain('Pindai dengan GoPay');
  });

  it('keeps the customer display bundle small', () => {
    const display = pageAssets('display/index.html');
    const raw = display.reduce((sum, asset) => sum + statSync(join(outDir, asset)).size, 0);
    const gzip = display.reduce((sum, asset) => sum + gzipSync(readFileSync(join(outDir, asset))).length, 0);
    console.log(`customer display bundle: ${display.length} files, ${raw} bytes raw, ${gzip} bytes gzip`);
    // React, react-dom and i18next are most of it; this catches a dependency pulled in by mistake.
    expect(gzip).toBeLessThan(120 * 1024);
  });
});
