/**
 * Where a command writes. Commands get this instead of process.stdout so they can run in-process
 * in tests; every line passes through a redactor so the server key cannot leak even if some
 * error message were to carry it.
 */
export interface TextSink {
  write(chunk: string): unknown;
}

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: TextSink;
  stderr: TextSink;
  /** Aborted on SIGINT/SIGTERM: waiting commands stop, close the services and exit. */
  signal?: AbortSignal;
  /**
   * Asks the person at the terminal for a secret (the manager PIN), without echoing it; undefined
   * when there is no terminal to ask (a script, a pipe) or the person gave up (Ctrl+C).
   */
  askSecret?: (question: string) => Promise<string | undefined>;
}

/** Shorter "keys" would mangle ordinary words; no real Midtrans key is this short. */
const MIN_REDACTED_LENGTH = 8;

export class Output {
  readonly #io: CliIo;
  readonly #secrets: string[];

  constructor(io: CliIo, secrets: readonly (string | undefined)[]) {
    this.#io = io;
    this.#secrets = secrets
      .map((s) => s?.trim())
      .filter((s): s is string => s !== undefined && s.length >= MIN_REDACTED_LENGTH)
      .flatMap((s) => [s, Buffer.from(`${s}:`).toString('base64')]);
  }

  get signal(): AbortSignal | undefined {
    return this.#io.signal;
  }

  get env(): NodeJS.ProcessEnv {
    return this.#io.env;
  }

  /** A secret typed at the terminal (never echoed, never printed); undefined without a terminal. */
  async askSecret(question: string): Promise<string | undefined> {
    return this.#io.askSecret === undefined ? undefined : this.#io.askSecret(`kiosk: ${question}`);
  }

  /** One JSON document per line: what scripts and tests read. */
  json(value: unknown, pretty = false): void {
    this.#io.stdout.write(this.#redact(JSON.stringify(value, null, pretty ? 2 : undefined)) + '\n');
  }

  /** Text exactly as given (a CSV export, a receipt's lines), still redacted. */
  raw(text: string): void {
    this.#io.stdout.write(this.#redact(text));
  }

  /** Binary output (ESC/POS bytes): a receipt holds no key, and bytes are not text to redact. */
  bytes(data: Uint8Array): void {
    // process.stdout takes bytes as well as text; the sinks' type only names what lines need.
    (this.#io.stdout as unknown as { write(chunk: Uint8Array): unknown }).write(data);
  }

  line(text = ''): void {
    this.#io.stdout.write(this.#redact(text) + '\n');
  }

  /** A refusal, in both languages the till speaks. */
  refusal(headline: string, words: { id: string; en: string }): void {
    this.note(`${headline}:\n  id: ${words.id}\n  en: ${words.en}`);
  }

  /** Human notes go to stderr so stdout stays machine-readable. */
  note(text: string): void {
    this.#io.stderr.write(this.#redact(`kiosk: ${text}`) + '\n');
  }

  #redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.replaceAll(secret, '[redacted]');
    return out;
  }
}
