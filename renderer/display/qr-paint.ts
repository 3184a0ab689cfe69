/**
 * The bench's "QR painted" moment: the image decoded, then two animation frames, so the mark
 * lands after the frame that shows it has been produced, not when the <img> was merely inserted.
 */
export const QR_PAINTED_MARK = 'kiosk:qr-painted';

export interface PaintEnvironment {
  requestAnimationFrame(callback: () => void): unknown;
  mark(name: string, options: { detail: unknown }): void;
}

const browser: PaintEnvironment = {
  requestAnimationFrame: (callback) => requestAnimationFrame(() => callback()),
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
        environment.requestAnimationFrame(() => {
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
