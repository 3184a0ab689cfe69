/**
 * Command-line parsing shared by the commands: node:util parseArgs in strict mode, with its
 * errors turned into UsageError (exit 2) and the numbers every command takes checked here.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { ORDER_ID_MAX_LENGTH, ORDER_ID_PATTERN } from '../../common/midtrans-limits.ts';
import { isBusinessDate } from '../journal/business-date.ts';
import { UsageError } from './usage.ts';

export interface Parsed<T extends ParseArgsOptionsConfig> {
  values: ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: true }>>['values'];
  positionals: string[];
}

/** "-5" as an amount is a typing mistake to explain, not an unknown option. */
const NEGATIVE_NUMBER = /^-\d[\d.,]*$/;
/** "--cash -5" or "--discount -10%": a value to judge, which parseArgs would call ambiguous. */
const NEGATIVE_VALUE = /^-\d/;

export function parseCommand<T extends ParseArgsOptionsConfig>(
  command: string,
  argv: readonly string[],
  options: T,
  positionalNames: readonly string[],
): Parsed<T> {
  const flags: string[] = [];
  const loose: string[] = [];
  for (const [i, arg] of argv.entries()) {
    const previous = i > 0 ? argv[i - 1] : undefined;
    const valueOf = previous === undefined ? undefined : optionTakingValue(previous, options);
    if (valueOf !== undefined && NEGATIVE_VALUE.test(arg)) flags.splice(-1, 1, `--${valueOf}=${arg}`);
    else if (NEGATIVE_NUMBER.test(arg) && valueOf === undefined) loose.push(arg);
    else flags.push(arg);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: flags, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`, parseErrorInIndonesian(command, error));
  }
  const positionals = [...parsed.positionals, ...loose];
  if (positionals.length > positionalNames.length) {
    const extra = positionals.slice(positionalNames.length).join(' ');
    const wanted = positionalNames.map((n) => `<${n}>`).join(' ');
    throw positionalNames.length === 0
      ? new UsageError(
          `${command} takes no arguments (got: ${extra})`,
          `"${command}" tidak menerima argumen (ada: ${extra}).`,
        )
      : new UsageError(
          `${command} takes ${wanted} only (extra: ${extra})`,
          `"${command}" hanya menerima ${wanted} (kelebihan: ${extra}).`,
        );
  }
  return { values: parsed.values as Parsed<T>['values'], positionals };
}

function parseErrorInIndonesian(command: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const option = /'(-[^']*)'/.exec((error as Error).message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Opsi ${option} tidak dikenal untuk "${command}".`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return `Nilai untuk opsi ${option} tidak valid atau tidak ada.`;
  return `Argumen untuk "${command}" tidak valid.`;
}

/** The long name of the string option `arg` names, when the next argument is its value. */
function optionTakingValue(arg: string, options: ParseArgsOptionsConfig): string | undefined {
  if (arg.includes('=')) return undefined;
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== 'string') continue;
    if (arg === `--${name}` || (option.short !== undefined && arg === `-${option.short}`)) return name;
  }
  return undefined;
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(
      `--${option} must be a whole number from ${min} to ${max}, not "${text}"`,
      `--${option} harus bilangan bulat dari ${min} sampai ${max}, bukan "${text}".`,
    );
  }
  return Number(text);
}

/** Up to a week, like KIOSK_TIMEOUT_SECONDS. */
export function secondsOption(option: string, text: string | undefined, fallbackMs: number): number {
  return text === undefined ? fallbackMs : wholeNumber(option, text, 1, 7 * 24 * 3600) * 1000;
}

export function limitOption(text: string | undefined, fallback: number, max: number): number {
  return text === undefined ? fallback : wholeNumber('limit', text, 1, max);
}

export function cursorOption(text: string | undefined): number | undefined {
  return text === undefined ? undefined : wholeNumber('before', text, 1, Number.MAX_SAFE_INTEGER);
}

export function dateOption(text: string | undefined): string | undefined {
  if (text !== undefined && !isBusinessDate(text)) {
    throw new UsageError(
      `--date must be a calendar date written YYYY-MM-DD, not "${text}"`,
      `--date harus tanggal kalender berformat YYYY-MM-DD, bukan "${text}".`,
    );
  }
  return text;
}

export function orderIdArgument(command: string, text: string | undefined): string {
  if (text === undefined) {
    throw new UsageError(
      `${command} needs an <order_id>`,
      `"${command}" memerlukan <order_id> (nomor pesanan).`,
    );
  }
  if (text.length > ORDER_ID_MAX_LENGTH || !ORDER_ID_PATTERN.test(text)) {
    throw new UsageError(
      `"${text}" is not an order id: at most ${ORDER_ID_MAX_LENGTH} of A-Z a-z 0-9 - _ ~ .`,
      `"${text}" bukan nomor pesanan: paling banyak ${ORDER_ID_MAX_LENGTH} karakter A-Z a-z 0-9 - _ ~ .`,
    );
  }
  return text;
}
