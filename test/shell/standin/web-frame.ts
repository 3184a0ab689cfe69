/**
 * A Playwright frame seen as Electron's WebFrameMain: its URL and origin as the shell would see
 * them (app-url.ts), its parent, and whether it is gone. This is what an IPC event's senderFrame
 * is, so the shell's IPC gate judges the frame that really called.
 */
import type { Frame } from '@playwright/test';
import type { WebFrameMain } from 'electron';
import { fromChromiumUrl, shellUrl } from './app-url.ts';
import type { Shape } from './support.ts';

const ids = new WeakMap<Frame, number>();
let nextId = 1;

export function frameIdOf(frame: Frame): number {
  let id = ids.get(frame);
  if (id === undefined) {
    id = nextId++;
    ids.set(frame, id);
  }
  return id;
}

export class StandInFrame implements Shape<
  WebFrameMain,
  'parent' | 'top' | 'frames' | 'framesInSubtree' | 'ipc'
> {
  readonly #frame: Frame;

  constructor(frame: Frame) {
    this.#frame = frame;
  }

  get url(): string {
    return shellUrl(this.#frame.url());
  }

  get origin(): string {
    const mapped = fromChromiumUrl(this.#frame.url());
    if (mapped !== undefined) {
      const url = new URL(mapped.url);
      return `${mapped.scheme}://${url.host}`;
    }
    try {
      return new URL(this.#frame.url()).origin;
    } catch {
      return 'null';
    }
  }

  get name(): string {
    return this.#frame.name();
  }

  get frameTreeNodeId(): number {
    return frameIdOf(this.#frame);
  }

  get routingId(): number {
    return frameIdOf(this.#frame);
  }

  get detached(): boolean {
    return this.#frame.isDetached();
  }

  get parent(): StandInFrame | null {
    const parent = this.#frame.parentFrame();
    return parent === null ? null : new StandInFrame(parent);
  }

  get top(): StandInFrame {
    let frame = this.#frame;
    for (let parent = frame.parentFrame(); parent !== null; parent = frame.parentFrame()) frame = parent;
    return new StandInFrame(frame);
  }

  isDestroyed(): boolean {
    return this.#frame.isDetached();
  }
}

/** As Electron's getter: null once the frame is gone. */
export function senderFrameOf(frame: Frame): StandInFrame | null {
  return frame.isDetached() ? null : new StandInFrame(frame);
}
