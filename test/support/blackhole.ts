/**
 * A TCP port on 127.0.0.1 where a connect() never completes: the connect-stage timeout, on
 * loopback and deterministic. A worker thread listens with a backlog of one and then blocks, so
 * nothing ever accepts; the kernel completes handshakes only while the accept queue has room,
 * then drops further SYNs, and a new connect() waits in SYN retransmission until its caller gives
 * up. The queue is filled here before the port is handed out, and a probe checks that a further
 * connect() really hangs.
 */
import net from 'node:net';
import { Worker } from 'node:worker_threads';

export interface Blackhole {
  url: string;
  close(): Promise<void>;
}

const LISTENER = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const server = net.createServer();
server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  // Blocks this thread until the test releases it: no accept() runs meanwhile.
  Atomics.wait(new Int32Array(workerData), 0, 0);
  server.close();
});
`;

/** Resolves true once connected, false if the handshake has not completed within `ms`. */
function connects(port: number, ms: number, keep: net.Socket[]): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('error', () => undefined);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(false);
    }, ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      keep.push(socket);
      resolve(true);
    });
  });
}

export async function startBlackhole(): Promise<Blackhole> {
  const gate = new SharedArrayBuffer(4);
  const worker = new Worker(LISTENER, { eval: true, workerData: gate });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (p: number) => resolve(p));
    worker.once('error', reject);
  });
  const fillers: net.Socket[] = [];
  const release = async () => {
    for (const s of fillers) s.destroy();
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    await worker.terminate();
  };
  // Fill the accept queue; the first connect() that does not complete shows it is full.
  for (let i = 0; ; i++) {
    if (!(await connects(port, 500, fillers))) break;
    if (i >= 64) {
      await release();
      throw new Error('the blackhole listener kept accepting connections: no full backlog here');
    }
  }
  return { url: `http://127.0.0.1:${port}`, close: release };
}
