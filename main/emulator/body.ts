import type { IncomingMessage } from 'node:http';
import { MAX_REQUEST_BYTES } from '../../common/midtrans-limits.ts';

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'aborted' };

/** Past this the sender is not a confused client but a flood; stop listening to it. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads a request body, keeping at most the 16 KB Midtrans accepts (reference §1.1). An oversized
 * body is drained rather than cut off, so the client reads our refusal instead of a reset socket.
 */
export function readBody(req: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) {
        settle({ kind: 'aborted' });
        req.destroy();
      }
    });
    req.on('end', () =>
      settle(
        size > MAX_REQUEST_BYTES
          ? { kind: 'too-large' }
          : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') },
      ),
    );
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}
