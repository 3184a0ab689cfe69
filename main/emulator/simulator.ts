import { formatGatewayAmount } from '../midtrans/money.ts';
import { EmulatorControlError } from './control.ts';
import type { Ledger } from './ledger.ts';
import { SIMULATOR_PATH } from './routes.ts';
import type { EmulatorControl } from './types.ts';
import { htmlNotFound, htmlResponse } from './wire.ts';
import type { WireResponse } from './wire.ts';

/**
 * Where a GoPay charge's deeplink-redirect points: a stand-in for the sandbox's GoPay app page.
 * Like the sandbox simulator it needs no auth, and paying here settles the order "via gopay".
 */
export function handleSimulator(
  method: string,
  transactionId: string,
  ledger: Ledger,
  control: EmulatorControl,
): WireResponse {
  const order = ledger.findByTransactionId(transactionId);
  if (!order || order.paymentType !== 'gopay') return htmlNotFound();
  let notice = '';
  if (method === 'POST') {
    try {
      control.pay(transactionId, { via: 'gopay' });
      notice = '<p><strong>Payment successful.</strong></p>';
    } catch (error) {
      if (!(error instanceof EmulatorControlError)) throw error;
      notice = `<p><strong>Payment refused:</strong> ${escapeHtml(error.message)}</p>`;
    }
  }
  const form =
    order.status === 'pending'
      ? `<form method="post" action="${SIMULATOR_PATH}?id=${encodeURIComponent(transactionId)}"><button>Pay with GoPay</button></form>`
      : '';
  return htmlResponse(
    200,
    `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>GoPay simulator (emulator)</title></head>
<body>
<h1>GoPay simulator</h1>
${notice}
<p>Order <code>${escapeHtml(order.orderId)}</code>, Rp ${formatGatewayAmount(order.grossAmount)}, status <code>${order.status}</code>.</p>
${form}
</body>
</html>
`,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
