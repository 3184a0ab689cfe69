import { ManualClock } from '../../main/clock.ts';
import { basicAuthHeader, startEmulator } from '../../main/emulator/index.ts';
import type { EmulatorOptions, RunningEmulator } from '../../main/emulator/index.ts';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, or {} when it is not JSON. */
  json: Record<string, unknown>;
}

export interface Harness {
  emu: RunningEmulator;
  clock: ManualClock;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  charge(body: Record<string, unknown>, headers?: Record<string, string>): Promise<Answer>;
  /** A pending charge with a fresh order_id; returns the charge answer body. */
  newOrder(paymentType: 'gopay' | 'qris', grossAmount?: number): Promise<Record<string, unknown>>;
}

let counter = 0;
export function uniqueOrderId(prefix = 'ord'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const clock = new ManualClock();
  const emu = await startEmulator({ clock, ...options });
  const auth = basicAuthHeader(emu.serverKey);
  const call: Harness['call'] = async (method, path, body, headers = {}) => {
    const init: RequestInit = {
      method,
      headers: { authorization: auth, accept: 'application/json', ...headers },
    };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(`${emu.url}${path}`, init);
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON; tests that care look at text
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  const charge: Harness['charge'] = (body, headers) => call('POST', '/v2/charge', body, headers);
  const newOrder: Harness['newOrder'] = async (paymentType, grossAmount = 44000) => {
    const answer = await charge({
      payment_type: paymentType,
      transaction_details: { order_id: uniqueOrderId(paymentType), gross_amount: grossAmount },
    });
    if (answer.json['status_code'] !== '201') throw new Error(`charge failed: ${answer.text}`);
    return answer.json;
  };
  return { emu, clock, call, charge, newOrder };
}
