#!/usr/bin/env node
/**
 * The `kiosk` command (see usage.ts, or `kiosk help`). Only wiring lives here: argv, the
 * environment, stdio, signals and the exit code; the commands are in run.ts.
 */
import { runKiosk } from './run.ts';
import { terminalSecretPrompt } from './secret-prompt.ts';

/** Something left holding the event loop must not keep a finished command alive. */
const EXIT_GRACE_MS = 5000;

// A reader that went away (`kiosk charge … | head -1`) must not kill a sale half-way through:
// the engine carries on and journals the outcome even when nobody reads the events.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

const controller = new AbortController();
let signals = 0;
const onSignal = (signal: NodeJS.Signals) => {
  signals += 1;
  // A second Ctrl+C means "now": the journal is crash-safe, so leaving mid-call loses nothing.
  if (signals > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const askSecret = terminalSecretPrompt(process.stdin, process.stderr);
const code = await runKiosk(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
  ...(askSecret === undefined ? {} : { askSecret }),
});
process.exitCode = code;
setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
