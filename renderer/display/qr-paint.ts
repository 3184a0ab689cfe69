/**
 * The bench's "QR painted" moment: the image decoded, then the next animation frame, then a task
 * queued from inside that frame. The task runs once the frame holding the image has been
 * rendered and handed to the compositor (the usual "next paint" measure), not when the <img>
 * was merely inserted. A second rAF would add up to a whole idle frame that shows nothing new.
 */
export const QR_PAINTED_MARK = 'kiosk:qr-painted';

export interface PaintEnvironment {
  requestAnimationFrame(callback: () => void): unknown;
  /** Runs `callback` as a new task (after the current frame's rendering). */
  postTask(callback: () => void): void;
  mark(name: string, options: { detail: unknown }): void;
}

function postTask(callback: () => void): void {
  // A MessageChannel task is not clamped the way a nested setTimeout(0) may be.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

const browser: PaintEnvironment = {
  requestAnimationFrame: (callback) => requestAnimationFrame(() => callback()),
  postTask,
  mark: (name, options) => performance.mark(name, options),
};

/** Returns a cancel function; a cancelled or undecodable image makes no mark. */
export function markWhenPainted(
  image: { decode(): Promise<void> },
  detail: { orderId: string; serverNow: number },
  environment: PaintEnvironment = browser,
): () => void {
  let cancelled = false;
  image.decode().then(
    () => {
      if (cancelled) return;
      environment.requestAnimationFrame(() => {
        if (cancelled) return;
        environment.postTask(() => {
          if (!cancelled) environment.mark(QR_PAINTED_MARK, { detail });
        });
      });
    },
    () => {
      // Not decodable: nothing was painted, so there is nothing to measure.
    },
  );
  return () => {
    cancelled = true;
  };
}
