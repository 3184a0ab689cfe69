/**
 * Standalone emulator: `npm run emulator -- --port 3900`. Prints what a developer needs to point
 * a kiosk (or curl) at it, and stops cleanly on Ctrl+C or SIGTERM.
 */
import { basicAuthHeader } from './auth.ts';
import { CliUsageError, USAGE, isLoopback, parseCliArgs } from './cli-args.ts';
import type { CliConfig } from './cli-args.ts';
import { startEmulator } from './index.ts';

async function main(): Promise<void> {
  let config: CliConfig;
  try {
    config = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`midtrans-emulator: ${error.message}\nRun with --help for usage.`);
    process.exitCode = 2;
    return;
  }
  if (config.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!isLoopback(config.host)) {
    console.error(
      `\n!!! WARNING: binding to ${config.host}, not loopback. Anyone who can reach this machine can create, ` +
        `pay and refund emulated transactions and read the server key from this console's output. !!!\n`,
    );
  }

  const emulator = await startEmulator({
    host: config.host,
    port: config.port,
    errorTransport: config.errorTransport,
    latencyMs: config.latencyMs,
    ...(config.serverKey === undefined ? {} : { serverKey: config.serverKey }),
  });
  const auth = basicAuthHeader(emulator.serverKey);
  console.log(`Midtrans emulator listening on ${emulator.url}`);
  console.log(`Server key: ${emulator.serverKey}`);
  console.log(`Error transport: ${config.errorTransport}; latency: ${config.latencyMs} ms`);
  console.log('\nExamples:');
  console.log(
    `  curl -s -X POST ${emulator.url}/v2/charge -H 'Authorization: ${auth}' -H 'Content-Type: application/json' \\\n` +
      `    -d '{"payment_type":"qris","transaction_details":{"order_id":"order-1","gross_amount":44000}}'`,
  );
  console.log(`  curl -s ${emulator.url}/v2/order-1/status -H 'Authorization: ${auth}'`);
  console.log(
    `  curl -s -X POST ${emulator.url}/_emulator/orders/order-1/pay -H 'Authorization: ${auth}' ` +
      `-H 'Content-Type: application/json' -d '{"issuer":"gopay"}'`,
  );
  console.log(`  curl -s ${emulator.url}/_emulator/orders -H 'Authorization: ${auth}'`);
  console.log('\nPress Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received, stopping.`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('midtrans-emulator: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
