import { describe, expect, it } from 'vitest';
import { QrPngCache } from '../../main/emulator/qr-png.ts';
import { RequestLog } from '../../main/emulator/request-log.ts';

// Training mode runs the emulator inside the kiosk all day: nothing in it may grow forever.
describe('emulator memory stays bounded', () => {
  it('the request log keeps only the most recent entries, numbered on', () => {
    const log = new RequestLog(100);
    for (let i = 0; i < 1000; i++) {
      log.add({
        method: 'GET',
        path: `/v2/${i}/status`,
        target: 'status',
        idempotencyKey: null,
        authValid: true,
        timeMs: i,
      });
    }
    const entries = log.list();
    expect(entries.length).toBeGreaterThanOrEqual(100);
    expect(entries.length).toBeLessThanOrEqual(110);
    expect(entries.at(-1)).toMatchObject({ seq: 1000, path: '/v2/999/status' });
  });

  it('the QR image cache drops the least recently used images', async () => {
    const cache = new QrPngCache(3);
    const first = await cache.render('A');
    await cache.render('B');
    await cache.render('C');
    expect(await cache.render('A')).toBe(first); // A is now the most recent
    await cache.render('D'); // evicts B
    expect(cache.size).toBe(3);
    expect(await cache.render('A')).toBe(first);
  });
});
