/**
 * The shell's log lines: one prefix per part so a support log can be grepped. Only messages the
 * shell and main/shell-logic compose go through here, never a payload or a settings value, so the
 * server key has no way in.
 */
export type Log = (line: string) => void;

export function shellLog(part: string): Log {
  return (line) => console.log(`[kiosk:${part}] ${line}`);
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
