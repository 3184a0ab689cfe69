/**
 * Electron's `screen` with monitors a test can plug in, unplug and change: each change updates
 * the list first and then emits the event Electron emits, with the Display objects Electron
 * would pass. The first display is the primary one.
 */
import { EventEmitter } from 'node:events';
import type { Display, Point, Rectangle, Screen } from 'electron';
import { electronEvent, type Shape } from './support.ts';

/** What a test says about a monitor; the rest of Electron's Display is filled in. */
export interface MonitorSpec {
  id: number;
  label: string;
  bounds: Rectangle;
  /** Default: the bounds less a 40-pixel panel at the bottom. */
  workArea?: Rectangle;
  scaleFactor?: number;
  internal?: boolean;
}

export const DEFAULT_MONITORS: MonitorSpec[] = [
  { id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: true },
];

export function workAreaOf(spec: MonitorSpec): Rectangle {
  return spec.workArea ?? { ...spec.bounds, height: Math.max(spec.bounds.height - 40, 0) };
}

function toDisplay(spec: MonitorSpec): Display {
  const { bounds } = spec;
  const workArea = workAreaOf(spec);
  return {
    id: spec.id,
    label: spec.label,
    bounds: { ...bounds },
    workArea: { ...workArea },
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    scaleFactor: spec.scaleFactor ?? 1,
    rotation: 0,
    internal: spec.internal ?? false,
    detected: true,
    monochrome: false,
    colorDepth: 24,
    colorSpace: '{primaries:BT709, transfer:SRGB, matrix:RGB, range:FULL}',
    depthPerComponent: 8,
    displayFrequency: 60,
    accelerometerSupport: 'unknown',
    touchSupport: 'unknown',
    maximumCursorSize: { width: 64, height: 64 },
    nativeOrigin: { x: bounds.x, y: bounds.y },
  } satisfies Display;
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

class StandInScreen extends EventEmitter implements Shape<Screen> {
  #displays: Display[] = [];

  getAllDisplays(): Display[] {
    return this.#displays.map((d) => structuredClone(d));
  }

  getPrimaryDisplay(): Display {
    const primary = this.#displays[0];
    if (primary === undefined) throw new Error('stand-in screen: no display connected');
    return structuredClone(primary);
  }

  getDisplayMatching(rect: Rectangle): Display {
    const best = [...this.#displays].sort((a, b) => overlap(b.bounds, rect) - overlap(a.bounds, rect))[0];
    return structuredClone(best ?? this.getPrimaryDisplay());
  }

  getDisplayNearestPoint(point: Point): Display {
    return this.getDisplayMatching({ ...point, width: 1, height: 1 });
  }

  getCursorScreenPoint(): Point {
    return { x: 0, y: 0 };
  }

  /** The stand-in's side: monitors as a test scripts them. */
  readonly monitors = {
    set: (specs: MonitorSpec[]) => {
      this.#displays = specs.map(toDisplay);
    },
    plug: (spec: MonitorSpec) => {
      if (this.#displays.some((d) => d.id === spec.id))
        throw new Error(`display ${spec.id} is already plugged in`);
      const display = toDisplay(spec);
      this.#displays.push(display);
      this.emit('display-added', electronEvent(), structuredClone(display));
    },
    unplug: (id: number) => {
      const display = this.#displays.find((d) => d.id === id);
      if (display === undefined) throw new Error(`no display ${id}`);
      this.#displays = this.#displays.filter((d) => d.id !== id);
      this.emit('display-removed', electronEvent(), structuredClone(display));
    },
    change: (spec: MonitorSpec) => {
      const index = this.#displays.findIndex((d) => d.id === spec.id);
      if (index === -1) throw new Error(`no display ${spec.id}`);
      const display = toDisplay(spec);
      this.#displays[index] = display;
      this.emit('display-metrics-changed', electronEvent(), structuredClone(display), ['bounds', 'workArea']);
    },
  };
}

export const screen = new StandInScreen();
