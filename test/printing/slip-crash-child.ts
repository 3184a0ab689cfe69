/**
 * A kiosk killed while a refund's slip is on the wire (test/printing/slip-crash.test.ts): the whole
 * kiosk (journal, till, refund desk, print service) with its receipt printer a server that takes
 * every byte and never says it is done. A cash sale (its receipt left to the cashier's "ask"),
 * then its refund: the slip is the only paper sent, so the first byte says it is on the wire.
 * The parent then SIGKILLs this process, leaving the slip's job 'sending' in the journal.
 *
 * argv[2]: JSON { dir }.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { configFromEnv } from '../../main/host/env-config.ts';
import { openKiosk } from '../../main/host/kiosk-services.ts';
import type { PrintingConfig } from '../../main/printing/print-service.ts';

const spec = JSON.parse(process.argv[2] ?? '{}') as { dir: string };
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

let received = 0;
const stuck = createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('data', (chunk: Buffer) => {
    received += chunk.length;
    say({ t: 'bytes', received });
  });
  socket.on('error', () => undefined);
});
await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
const { port } = stuck.address() as AddressInfo;

const config: PrintingConfig = {
  shopName: 'Warung Uji',
  language: 'id',
  printers: [
    { id: 'kasir', name: 'Kasir', kind: 'tcp', address: `127.0.0.1:${port}`, width: 58, drawer: false },
  ],
  receipt: { printerId: 'kasir', autoPrint: 'ask', shopAddress: '', npwp: '', footer: '' },
};
const services = await openKiosk(configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: spec.dir }), {
  engine: { chargeSettleMs: 0 },
  printing: { config: () => config, transports: { tcp: { checkStatus: 'never', closeTimeoutMs: 600_000 } } },
});
const sale = await services.till.start({
  lines: [{ name: 'Kopi Susu', unitPrice: 18_000, quantity: 1 }],
  tender: { kind: 'cash', received: 20_000 },
});
const outcome = await services.refunds.create({ saleId: sale.saleId, reason: 'Kopi tumpah' }, 'manager-pin');
say({ t: 'refunded', saleId: sale.saleId, refundKey: outcome.refunds[0]?.refundKey });
