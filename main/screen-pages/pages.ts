/**
 * The screens' pages. A page opened with a token that is not this run's gets a short explanation
 * in both languages instead, since whoever sees it is standing at the till and needs to know what
 * to open.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Role } from '../../common/contract.ts';

/** Where each role's page lives, in the URL and in the build. */
export const PAGE_PATHS: Readonly<Record<Role, string>> = { cashier: '/', display: '/display' };

export function pageRole(rawPath: string): Role | undefined {
  if (rawPath === PAGE_PATHS.cashier) return 'cashier';
  if (rawPath === PAGE_PATHS.display) return 'display';
  return undefined;
}

export function pageFile(staticDir: string, role: Role): string {
  return join(staticDir, role, 'index.html');
}

/** Read on every request so a rebuild (`vite build --watch`) shows without a restart. */
export async function readPage(staticDir: string, role: Role): Promise<Buffer | undefined> {
  try {
    return await readFile(pageFile(staticDir, role));
  } catch {
    return undefined;
  }
}

// Indonesian first: it is the till's default language; the English follows on the same page.
function simplePage(title: string, paragraphs: readonly string[]): string {
  return [
    '<!doctype html>',
    '<html lang="id">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title></head>`,
    '<body>',
    `<h1>${title}</h1>`,
    ...paragraphs.map((p) => `<p>${p}</p>`),
    '</body></html>',
    '',
  ].join('\n');
}

export const WRONG_TOKEN_PAGE = simplePage('Token tidak berlaku · Token not valid', [
  'Token di alamat ini tidak berlaku, mungkin dari saat <code>npm run serve</code> dijalankan ' +
    'sebelumnya. Buka alamat lengkap yang dicetak di terminal: baris <b>Cashier</b> untuk layar ' +
    'kasir, baris <b>Customer display</b> untuk layar pelanggan.',
  '<span lang="en">The token in this address is not valid, perhaps from an earlier run of ' +
    '<code>npm run serve</code>. Open the full address it printed in the terminal: the ' +
    '<b>Cashier</b> line for the cashier screen, the <b>Customer display</b> line for the ' +
    'customer display.</span>',
]);

export const NOT_BUILT_PAGE = simplePage('Layar belum dibangun · Screens not built', [
  'Jalankan <code>npm run build</code>, lalu muat ulang halaman ini.',
  '<span lang="en">Run <code>npm run build</code>, then reload this page.</span>',
]);
