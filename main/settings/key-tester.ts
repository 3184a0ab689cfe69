/**
 * "Does this key work?" asked the only harmless way: a Get Status call for an order id that cannot
 * exist. Midtrans checks the key before it looks the order up, so 404 means the key was accepted
 * and 401 that it was not. The key never leaves this function except as the client's Basic
 * credentials, and no answer or log line quotes it.
 */
import { randomUUID } from 'node:crypto';
import type { GatewayEnvironment, KeyTestOutcome, KeyTestResult } from '../../common/contract.ts';
import type { Clock } from '../clock.ts';
import { MidtransClient, type MidtransTimeouts } from '../midtrans/client.ts';
import { MidtransError } from '../midtrans/errors.ts';

export interface KeyTestOptions {
  environment: GatewayEnvironment;
  key: string;
  /** Whether `key` is the stored one (goes into the result as is). */
  stored: boolean;
  /** Undefined: Midtrans' own host for the environment. */
  baseUrl: string | undefined;
  clock: Clock;
  /** Short: the owner is waiting at the screen, and a dead network should say so quickly. */
  timeouts?: Partial<MidtransTimeouts>;
}

export const KEY_TEST_TIMEOUTS: Partial<MidtransTimeouts> = { connectMs: 3_000, statusMs: 6_000 };

type Words = { id: string; en: string };

const WORDS: Record<KeyTestOutcome, (environment: GatewayEnvironment) => Words> = {
  works: (environment) => ({
    id: `Server key diterima oleh Midtrans ${environment}.`,
    en: `Midtrans ${environment} accepted the server key.`,
  }),
  rejected: (environment) => ({
    id: `Midtrans ${environment} menolak server key ini (401). Pastikan ini server key ${environment}, bukan client key atau key lingkungan lain.`,
    en: `Midtrans ${environment} refused this server key (401). Check that it is the ${environment} server key, not the client key or the other environment's key.`,
  }),
  unreachable: (environment) => ({
    id: `Midtrans ${environment} tidak dapat dihubungi. Periksa koneksi internet, lalu uji lagi.`,
    en: `Midtrans ${environment} could not be reached. Check the internet connection, then test again.`,
  }),
  unexpected: (environment) => ({
    id: `Midtrans ${environment} memberi jawaban yang tidak terduga, jadi server key belum dapat dipastikan. Coba lagi nanti.`,
    en: `Midtrans ${environment} gave an unexpected answer, so the server key could not be confirmed. Try again later.`,
  }),
};

export function classifyKeyTestError(error: unknown): KeyTestOutcome {
  if (!(error instanceof MidtransError)) return 'unexpected';
  switch (error.code) {
    case 'not-found':
      // Midtrans' own "Transaction doesn't exist." carries status_code 404 in its JSON body. A
      // bare HTTP 404 (a web page at the wrong address) says nothing about the key.
      return error.statusCode === '404' ? 'works' : 'unexpected';
    case 'unauthorized':
      return 'rejected';
    case 'network':
    case 'timeout':
    case 'connection-lost':
    case 'server-error':
      return 'unreachable';
    default:
      return 'unexpected';
  }
}

/** A random order id no shop would use; within Midtrans' 50-character order_id limit. */
export function keyTestOrderId(): string {
  return `keytest-${randomUUID()}`;
}

export async function testServerKey(options: KeyTestOptions): Promise<KeyTestResult> {
  const { environment, clock } = options;
  let outcome: KeyTestOutcome;
  let client: MidtransClient | undefined;
  try {
    client = new MidtransClient({
      serverKey: options.key,
      environment,
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
      timeouts: { ...KEY_TEST_TIMEOUTS, ...options.timeouts },
    });
    await client.status(keyTestOrderId());
    // Someone has an order by that name: the key was accepted, but this is not the answer expected.
    outcome = 'unexpected';
  } catch (error) {
    outcome = classifyKeyTestError(error);
  } finally {
    client?.close();
  }
  return {
    environment,
    outcome,
    stored: options.stored,
    at: clock.now(),
    detail: WORDS[outcome](environment),
  };
}
