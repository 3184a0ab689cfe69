/**
 * `npm run scan:electron`: Doyensec Electronegativity over the BUILT app (out/main, out/preload,
 * dist/renderer). Its CLI exits 0 whatever it finds, so this runner uses its API and fails on any
 * finding not justified in JUSTIFIED below, or on any file it could not parse (a file it cannot
 * read is a file it did not check). Plain Node; never loads electron.
 *
 * Two adaptations, both because the scanner dates from 2023:
 * - It only reads .js/.ts/.html/.json, and its scope analysis stops at class fields and `#private`
 *   members (the whole file is then skipped with "Unknown node type"). So each bundle is copied
 *   to a staging folder, lowered to ES2021 by Vite's own transformer (same code, older syntax),
 *   and .cjs preloads are staged as .js.
 * - It fetches translations and Electron's release list with an old `got` whose retry crashes the
 *   process when offline. Its `got` is replaced by one that fails at once, so the scan gives the
 *   same answer with or without internet and never waits on the network; the security-fixes
 *   check then uses its bundled list (Dependabot/`npm outdated electron` keep Electron current).
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc } from 'vite';

const root = fileURLToPath(new URL('../', import.meta.url));
const INPUTS = ['out/main', 'out/preload', 'dist/renderer'];
const TIME_LIMIT_MS = 60_000;

/** A finding reviewed and accepted: check id, the built file it is in ('*' for global checks), why. */
interface Justification {
  check: string;
  file: string;
  reason: string;
}

export const JUSTIFIED: readonly Justification[] = [
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'out/main/index.js',
    reason:
      'options come from windowOptions() (main/shell-logic/web-preferences.ts): contextIsolation: true, unit-tested',
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: 'out/main/index.js',
    reason: 'options come from windowOptions(): sandbox: true, plus app.enableSandbox(); unit-tested',
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'out/main/index.js',
    reason:
      'a middle-click can only open a window, and setWindowOpenHandler denies every one (web-contents-policy.ts)',
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: '*',
    reason:
      'the CSP is a header on every app:// response (main/screen-pages/security-headers.ts), which the scanner cannot see',
  },
];

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  manualReview?: boolean;
  severity?: { name: string };
  confidence?: { name: string };
  description?: string;
}

interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}

type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

/** Loads the scanner with a `got` that refuses at once (see the header). */
function loadScanner(): Run {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(entry).resolve('got');
  const offline = () => Promise.reject(new Error('the scan runs without network access'));
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = Object.assign(offline, { head: offline, get: offline });
  require.cache[gotPath] = stub;
  return require(entry) as Run;
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat();
}

/** Copies what the scanner reads into `stage`; returns staged path → built path (both relative). */
async function stageBuild(appRoot: string, stage: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const input of INPUTS) {
    let found: string[];
    try {
      found = await files(join(appRoot, input));
    } catch {
      throw new Error(`${input} is missing: run "npm run build" first`);
    }
    for (const file of found) {
      const built = relative(appRoot, file);
      const ext = extname(file);
      const script = ext === '.js' || ext === '.cjs' || ext === '.mjs';
      if (!script && ext !== '.html' && ext !== '.json') continue;
      const staged = script ? built.slice(0, -ext.length) + '.js' : built;
      await mkdir(dirname(join(stage, staged)), { recursive: true });
      if (script) {
        const lowered = await transformWithOxc(await readFile(file, 'utf8'), 'bundle.js', {
          target: 'es2021',
        });
        await writeFile(join(stage, staged), lowered.code);
      } else {
        await copyFile(file, join(stage, staged));
      }
      names.set(staged, built);
    }
  }
  // Its "electron" entry is what the version checks read.
  await copyFile(join(appRoot, 'package.json'), join(stage, 'package.json'));
  names.set('package.json', 'package.json');
  return names;
}

function justification(finding: Finding): Justification | undefined {
  return JUSTIFIED.find((j) => j.check === finding.id && (j.file === '*' || j.file === finding.file));
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

export interface ScanReport {
  files: number;
  checks: number;
  findings: (Finding & { justified: Justification | undefined })[];
  /** Built files the scanner could not parse, with its message. */
  unread: { file: string; message: string }[];
  failed: boolean;
}

/** Scans the built app under `appRoot` (the repository, or a test's folder with the same layout). */
export async function scanBuild(appRoot: string, electronVersion: string): Promise<ScanReport> {
  const stage = await mkdtemp(join(tmpdir(), 'kiosk-scan-'));
  try {
    const names = await stageBuild(appRoot, stage);
    const result = await loadScanner()({
      input: stage,
      isRelative: true,
      electronVersionOverride: electronVersion,
    });
    const findings = result.issues.map((issue) => {
      const finding = { ...issue, file: names.get(issue.file) ?? issue.file };
      return { ...finding, justified: justification(finding) };
    });
    const unread = result.errors
      .filter((e) => !e.tolerable)
      .map((e) => ({ file: names.get(relative(stage, e.file)) ?? e.file, message: e.message }));
    return {
      files: names.size,
      checks: result.atomicChecks + result.globalChecks,
      findings,
      unread,
      failed: unread.length > 0 || findings.some((f) => f.justified === undefined),
    };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

function print(report: ScanReport, electronVersion: string, ms: number): void {
  console.log(
    `\nElectronegativity (Electron ${electronVersion}): ${report.files} files, ${report.checks} checks, ${ms} ms`,
  );
  const rows = [['check', 'file', 'line', 'severity', 'verdict']];
  for (const f of report.findings) {
    const verdict = f.justified ? `justified: ${f.justified.reason}` : 'UNJUSTIFIED';
    rows.push([
      f.id,
      f.file === 'N/A' ? '*' : f.file,
      String(f.location.line),
      f.severity?.name ?? '',
      verdict,
    ]);
  }
  if (report.findings.length > 0) console.log(table(rows));
  for (const e of report.unread) console.log(`NOT SCANNED ${e.file}: ${e.message}`);
  for (const j of JUSTIFIED.filter((j) => !report.findings.some((f) => f.id === j.check))) {
    console.log(`note: the justification for ${j.check} (${j.file}) matched nothing; remove it?`);
  }
  const unjustified = report.findings.filter((f) => f.justified === undefined).length;
  console.log(
    report.failed
      ? `FAILED: ${unjustified} unjustified finding(s), ${report.unread.length} file(s) not scanned`
      : `OK: ${report.findings.length} finding(s), all justified`,
  );
}

if (import.meta.main) {
  const limit = setTimeout(() => {
    console.error(`the scan did not finish within ${TIME_LIMIT_MS / 1000} s`);
    process.exit(2);
  }, TIME_LIMIT_MS);
  limit.unref();
  const started = Date.now();
  const { version } = JSON.parse(
    await readFile(join(root, 'node_modules/electron/package.json'), 'utf8'),
  ) as {
    version: string;
  };
  scanBuild(root, version).then(
    (report) => {
      print(report, version, Date.now() - started);
      process.exit(report.failed ? 1 : 0);
    },
    (error: unknown) => {
      console.error(`scan failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
