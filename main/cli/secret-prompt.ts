/**
 * Reads a secret (the manager PIN) from the terminal without echoing it: Node's readline with its
 * echo sent nowhere, the question written to stderr so stdout stays machine-readable. No terminal,
 * no prompt: a script gives the PIN in KIOSK_MANAGER_PIN instead.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export function terminalSecretPrompt(
  input: NodeJS.ReadStream,
  output: NodeJS.WriteStream,
): ((question: string) => Promise<string | undefined>) | undefined {
  if (!input.isTTY) return undefined;
  return (question) =>
    new Promise((resolve) => {
      output.write(question);
      const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
      const reader = createInterface({ input, output: silent, terminal: true });
      let answered = false;
      const finish = (value: string | undefined) => {
        if (answered) return;
        answered = true;
        reader.close();
        output.write('\n');
        resolve(value);
      };
      reader.on('SIGINT', () => finish(undefined));
      reader.on('close', () => finish(undefined));
      reader.question('', (answer) => finish(answer));
    });
}
