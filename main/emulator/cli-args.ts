import { parseArgs } from 'node:util';
import type { ErrorTransport } from './types.ts';

/** Fixed so a training-mode kiosk and curl examples can rely on it; 0 asks for any free port. */
export const DEFAULT_CLI_PORT = 3900;

export interface CliConfig {
  help: boolean;
  host: string;
  port: number;
  serverKey: string | undefined;
  errorTransport: ErrorTransport;
  latencyMs: number;
}

export const USAGE = `Usage: npm run emulator -- [options]

Runs the Midtrans Core API emulator (GoPay and QRIS) until Ctrl+C.

Options:
  --port N                    port to listen on (default ${DEFAULT_CLI_PORT}; 0 = any free port)
  --host H                    interface to bind (default 127.0.0.1; anything else is exposed to the network)
  --key K                     server key to accept (default: a random SB-Mid-server-EMU... key)
  --error-transport MODE      openapi (default): 404/406/412/413/414 travel as HTTP 200 with the code in the body
                              mirror: the HTTP status equals the body status_code
  --latency-ms N              delay added to every API answer (default 0)
  --help                      show this help
`;

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

function integer(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) > max)
    throw new CliUsageError(`${name} must be an integer from 0 to ${max}, got "${text}"`);
  return Number(text);
}

/** Parses the command line; throws CliUsageError for anything it cannot use. */
export function parseCliArgs(argv: string[]): CliConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        key: { type: 'string' },
        'error-transport': { type: 'string' },
        'latency-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const transport = values['error-transport'] ?? 'openapi';
  if (transport !== 'openapi' && transport !== 'mirror') {
    throw new CliUsageError(`--error-transport must be "openapi" or "mirror", got "${transport}"`);
  }
  const key = values.key;
  if (key !== undefined && (key === '' || key.includes(':')))
    throw new CliUsageError('--key must be non-empty and contain no ":"');
  const host = values.host ?? '127.0.0.1';
  if (host === '') throw new CliUsageError('--host must not be empty');
  return {
    help: values.help ?? false,
    host,
    port: integer('--port', values.port, DEFAULT_CLI_PORT, 65_535),
    serverKey: key,
    errorTransport: transport,
    latencyMs: integer('--latency-ms', values['latency-ms'], 0, 600_000),
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
