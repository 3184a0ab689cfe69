/**
 * A raw printer: something ESC/POS bytes can be sent to. The TCP and device transports implement
 * it; the OS printer takes a page instead (os-printer.ts).
 */
import type { PrinterStatus } from './status.ts';

export interface SendResult {
  /** Job bytes handed to the printer (status requests not counted). */
  bytes: number;
  /** What the printer said before the job, when it was asked; 'unknown' when it was not. */
  status: PrinterStatus;
}

export interface PrinterTransport {
  /** Where the bytes go, for messages: "tcp://192.168.1.50:9100", "/dev/usb/lp0". */
  readonly target: string;
  /**
   * Sends one whole job. Rejects with a PrinterError; its `maybePrinted` tells whether any job
   * byte may have reached the paper.
   */
  send(bytes: Uint8Array): Promise<SendResult>;
  /** Asks the printer how it is. Rejects with a PrinterError only when it cannot be reached. */
  status(): Promise<PrinterStatus>;
}
