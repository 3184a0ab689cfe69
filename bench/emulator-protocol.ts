/** Messages between the memory bench and the emulator it runs in a child process. */

export type EmulatorRequest =
  { op: 'pay'; orderId: string; issuer: string } | { op: 'memory' } | { op: 'close' };

/** Each request carries an id its answer repeats, so answers can overtake each other. */
export type ToEmulator = EmulatorRequest & { id: number };

export interface EmulatorMemory {
  heapUsed: number;
  rss: number;
  orders: number;
  loggedRequests: number;
}

export type FromEmulator =
  | { op: 'ready'; url: string; serverKey: string }
  | { id: number; ok: true; memory?: EmulatorMemory }
  | { id: number; ok: false; error: string };
