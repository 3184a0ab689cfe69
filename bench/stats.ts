/**
 * Order statistics and the lines the bench prints. Percentiles use the nearest-rank method on a
 * sorted copy: with a few dozen samples an interpolated p95 would invent values never observed.
 */

export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0..100); NaN for no samples. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  const hi = s[mid] ?? Number.NaN;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] ?? hi) + hi) / 2;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function max(values: readonly number[]): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

export function min(values: readonly number[]): number {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  return { n: values.length, p50: median(values), p95: percentile(values, 95), max: max(values) };
}

/** Fixed decimals by magnitude, so columns of mixed sizes stay readable. */
export function num(value: number, unit = ''): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const text = abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
  return unit === '' ? text : `${text} ${unit}`;
}

export function ms(value: number): string {
  return num(value, 'ms');
}

export function mb(bytes: number): string {
  return num(bytes / (1024 * 1024), 'MB');
}

/** One figure measured against its goal; `ratio` is measured ÷ goal, so ≤ 1 means met. */
export interface GoalLine {
  group: string;
  metric: string;
  n: number;
  /** Preformatted: different figures use different units. */
  p50: string;
  p95: string;
  goal: string;
  ratio: number;
  /** null: printed for information, judged against no goal of its own. */
  met: boolean | null;
}

export function verdict(met: boolean | null): string {
  return met === null ? 'info' : met ? 'goal met' : 'goal missed';
}

/** A goal line as printed inside a figure group's own output. */
export function goalText(line: GoalLine): string {
  const ratio = Number.isFinite(line.ratio) ? `${line.ratio.toFixed(2)}×` : 'n/a';
  return (
    `  ${line.metric}: n=${line.n}  p50=${line.p50}  p95=${line.p95}  ` +
    `goal ${line.goal}  ratio ${ratio}  → ${verdict(line.met)}`
  );
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Collects the goal lines of every group for the final summary. */
export class Report {
  readonly lines: GoalLine[] = [];

  add(line: GoalLine): GoalLine {
    this.lines.push(line);
    console.log(goalText(line));
    return line;
  }

  info(text: string): void {
    console.log(`  · ${text}`);
  }

  summaryTable(): string {
    return table(
      ['group', 'metric', 'n', 'p50', 'p95', 'goal', 'ratio', 'verdict'],
      this.lines.map((l) => [
        l.group,
        l.metric,
        String(l.n),
        l.p50,
        l.p95,
        l.goal,
        Number.isFinite(l.ratio) ? `${l.ratio.toFixed(2)}×` : 'n/a',
        verdict(l.met),
      ]),
    );
  }
}
