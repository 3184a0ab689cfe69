/**
 * `node scripts/receipt-preview.ts`: redraws the receipt pictures in docs/ (the README's
 * preview) from the settings screen's own sample receipt, through the same renderer the printer
 * and the settings preview use, so the picture is what the paper says.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sampleReceipt } from '../main/printing/sample-receipt.ts';
import { toSvg } from '../main/receipts/index.ts';

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));
/** 24 November 2026, 10:05 WIB: a fixed time, so the picture only changes when the layout does. */
const AT = Date.UTC(2026, 10, 24, 3, 5);

const document = sampleReceipt(
  {
    shop: {
      name: 'Warung Kopi Nusantara',
      address: 'Jl. Sudirman No. 12, Jakarta Pusat',
      npwp: '01.234.567.8-901.000',
    },
    footer: 'Terima kasih!\nWiFi: kopinusantara',
    language: 'id',
    training: false,
    utcOffsetMinutes: 420,
  },
  AT,
);

for (const width of [58, 80] as const) {
  const file = `${DOCS}receipt-preview-${width}mm.svg`;
  // White paper under the ink: the picture must read on a dark page too.
  const svg = toSvg({ type: 'receipt', document }, width).replace(
    /^(<svg[^>]*>)/,
    '$1<rect width="100%" height="100%" fill="#fff"/>',
  );
  writeFileSync(file, `${svg}\n`);
  console.log(`wrote ${file}`);
}
