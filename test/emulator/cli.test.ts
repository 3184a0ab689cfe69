import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliUsageError, DEFAULT_CLI_PORT, isLoopback, parseCliArgs } from '../../main/emulator/cli-args.ts';

const CLI = fileURLToPath(new URL('../../main/emulator/cli.ts', import.meta.url));

describe('CLI arguments', () => {
  it('has sensible defaults', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      host: '127.0.0.1',
      port: DEFAULT_CLI_PORT,
      serverKey: undefined,
      errorTransport: 'openapi',
      latencyMs: 0,
    });
    expect(DEFAULT_CLI_PORT).toBe(3900);
  });

  it('parses every flag', () => {
    expect(
      parseCliArgs([
        '--port',
        '0',
        '--host',
        '::1',
        '--key',
        'SB-Mid-server-x',
        '--error-transport',
        'mirror',
        '--latency-ms',
        '25',
      ]),
    ).toEqual({
      help: false,
      host: '::1',
      port: 0,
      serverKey: 'SB-Mid-server-x',
      errorTransport: 'mirror',
      latencyMs: 25,
    });
    expect(parseCliArgs(['--help']).help).toBe(true);
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--port', '-1']],
    [['--error-transport', 'carrier-pigeon']],
    [['--latency-ms', '1.5']],
    [['--key', 'a:b']],
    [['--bogus']],
    [['positional']],
  ])('rejects %j', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
  });

  it('recognises loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '192.168.1.5', '::'].some(isLoopback)).toBe(false);
  });
});

describe('CLI process', () => {
  it('starts, prints URL, key and examples, serves a request, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', CLI, '--port', '0', '--key', 'SB-Mid-server-cli'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed; output so far: ${out}`)), 8000);
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m?.[1] && out.includes('Ctrl+C')) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${String(code)}: ${out}`)));
      });
      expect(out).toContain('SB-Mid-server-cli');
      expect(out).toContain('/v2/charge');
      expect(out).toContain('/_emulator/orders/order-1/pay');
      const res = await fetch(`${url}/v2/ghost/status`, {
        headers: { authorization: `Basic ${Buffer.from('SB-Mid-server-cli:').toString('base64')}` },
      });
      expect((await res.json()) as unknown).toMatchObject({ status_code: '404' });
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('exits with code 2 and a clear message on a bad flag', async () => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', CLI, '--port', 'nope'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => (err += c));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(err).toMatch(/--port must be an integer/);
  });
});
