/**
 * app.requestSingleInstanceLock(), as Electron does it on Linux: a lock in the user-data folder,
 * and a socket the second instance uses to hand its command line to the first, which emits
 * 'second-instance'. The lock is a file holding the owner's pid (a dead owner's lock is taken
 * over), taken synchronously as Electron's call is.
 */
import { existsSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';

const LOCK = 'standin-singleton.lock';
const SOCKET = 'standin-singleton.sock';

export interface InstanceMessage {
  argv: string[];
  workingDirectory: string;
  additionalData: unknown;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeLock(file: string): boolean {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}

export class SingleInstance {
  #dir: string | undefined;
  #server: Server | undefined;
  #handover: Promise<void> | undefined;

  /** true: this process is the one instance; false: another holds the lock and was told. */
  request(userData: string, message: InstanceMessage, onSecond: (message: InstanceMessage) => void): boolean {
    if (this.#dir !== undefined) return true;
    if (!takeLock(join(userData, LOCK))) {
      this.#handover = this.#tell(join(userData, SOCKET), message);
      return false;
    }
    this.#dir = userData;
    const socket = join(userData, SOCKET);
    rmSync(socket, { force: true });
    this.#server = createServer((connection) => {
      let text = '';
      connection.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      connection.on('end', () => {
        try {
          onSecond(JSON.parse(text) as InstanceMessage);
        } catch {
          // Not one of ours: nothing to hand over.
        }
      });
    });
    this.#server.listen(socket);
    this.#server.unref();
    return true;
  }

  get held(): boolean {
    return this.#dir !== undefined;
  }

  /** A second instance's hand-over, finished (or given up) before its process exits. */
  async settled(): Promise<void> {
    await this.#handover;
  }

  release(): void {
    const dir = this.#dir;
    if (dir === undefined) return;
    this.#dir = undefined;
    this.#server?.close();
    rmSync(join(dir, SOCKET), { force: true });
    if (existsSync(join(dir, LOCK))) rmSync(join(dir, LOCK), { force: true });
  }

  #tell(socket: string, message: InstanceMessage): Promise<void> {
    return new Promise((resolve) => {
      const connection = connect(socket, () => connection.end(JSON.stringify(message)));
      connection.on('close', () => resolve());
      connection.on('error', () => resolve());
      setTimeout(resolve, 5_000).unref();
    });
  }
}
