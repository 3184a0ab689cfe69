/**
 * The display's only state: the last DisplayState the main process sent, and how far this
 * screen's clock is from the main process's when it arrived.
 */
import type { DisplayState } from '../../common/contract.ts';
import { clockOffset } from '../shared/clock.ts';

export interface DisplayModel {
  state: DisplayState | undefined;
  /** Main-process clock minus this screen's. */
  offset: number;
}

export const EMPTY_MODEL: DisplayModel = { state: undefined, offset: 0 };

/**
 * An event older than what is shown is dropped (`seq` only grows). A snapshot fetched after a
 * (re)connection is taken as it is: it is the newest truth on that connection, and after a
 * restart of the main process its `seq` starts again from the beginning.
 */
export function acceptDisplayState(
  model: DisplayModel,
  incoming: DisplayState,
  source: 'event' | 'snapshot',
  localNow: number,
): DisplayModel {
  if (source === 'event' && model.state !== undefined && incoming.seq < model.state.seq) return model;
  return { state: incoming, offset: clockOffset(incoming.serverNow, localNow) };
}

/**
 * Only an image carried inside the state may be shown: a data: URL of a raster image. Anything
 * else (an http address, javascript:, an SVG that could fetch) is refused.
 */
export function isInlineImage(src: string): boolean {
  return /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/.test(src);
}

/** The lines that fit on the display, and how many more there are. */
export function visibleItems<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  if (items.length <= max) return { shown: [...items], more: 0 };
  // One line is kept for "+N more", so the list never grows past `max` lines.
  const shown = items.slice(0, Math.max(0, max - 1));
  return { shown, more: items.length - shown.length };
}
