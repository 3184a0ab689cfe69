import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DebouncedFileWriter } from '../../main/emulator/persister.ts';

let root: string;
let counter = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'emulator-writer-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

function fixture() {
  const dir = join(root, `case-${++counter}`);
  mkdirSync(dir);
  const file = join(dir, 'state.json');
  const state = { content: 'v0', renders: 0 };
  const writer = new DebouncedFileWriter(file, () => {
    state.renders += 1;
    return state.content;
  });
  return { dir, file, state, writer };
}

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

describe('DebouncedFileWriter', () => {
  it('coalesces a burst of changes into one write and leaves no temp file', async () => {
    const { dir, file, state, writer } = fixture();
    for (let i = 1; i <= 100; i++) {
      state.content = `v${i}`;
      writer.changed();
    }
    expect(read(file)).toBeUndefined();
    await vi.waitFor(() => expect(read(file)).toBe('v100'), { timeout: 5000, interval: 2 });
    expect(state.renders).toBe(1);
    await writer.close();
    // Nothing was left unwritten, so close() had nothing to do.
    expect(state.renders).toBe(1);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('lets a synchronous flush overtake a background write without the older one landing later', async () => {
    const dir = join(root, `case-${++counter}`);
    mkdirSync(dir);
    const file = join(dir, 'state.json');
    let content = 'older';
    let overtaken = false;
    const writer: DebouncedFileWriter = new DebouncedFileWriter(file, () => {
      const rendered = content;
      if (!overtaken) {
        overtaken = true;
        // Runs once the background write has rendered 'older' and is waiting on its file I/O.
        queueMicrotask(() => {
          content = 'newer';
          writer.flushSync();
        });
      }
      return rendered;
    });
    writer.changed();
    await vi.waitFor(() => expect(overtaken).toBe(true), { timeout: 5000, interval: 2 });
    expect(read(file)).toBe('newer');
    await writer.close();
    expect(read(file)).toBe('newer');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('close() writes what is pending before it returns, and ignores changes after it', async () => {
    const { file, state, writer } = fixture();
    state.content = 'last';
    writer.changed();
    const closed = writer.close();
    expect(read(file)).toBe('last');
    await closed;
    state.content = 'too late';
    writer.changed();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(read(file)).toBe('last');
  });

  it('retries a failed background write, and close() reports a final failure', async () => {
    const { dir, file, state, writer } = fixture();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    rmSync(dir, { recursive: true });
    state.content = 'after the folder came back';
    writer.changed();
    await vi.waitFor(() => expect(logged).toHaveBeenCalledTimes(1), { timeout: 5000, interval: 2 });
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/cannot save .*state\.json; retrying/);
    mkdirSync(dir);
    await vi.waitFor(() => expect(read(file)).toBe('after the folder came back'), {
      timeout: 2000,
      interval: 5,
    });

    rmSync(dir, { recursive: true });
    state.content = 'lost';
    writer.changed();
    await expect(writer.close()).rejects.toThrow(/ENOENT/);
  });
});
