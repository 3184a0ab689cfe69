/**
 * Printing: transports (raw TCP, device file), the OS printer's interface, ESC/POS status, and
 * the print queue that keeps receipts away from the sale's path. See queue.ts for the rules.
 */
export { BrowserPagePrinter } from './browser-printer.ts';
export { DevicePrinter } from './device.ts';
export type { DeviceFs, DevicePrinterOptions } from './device.ts';
export { conditionOfError, PrinterError, printerWords } from './errors.ts';
export type { Bilingual, PrinterErrorCode } from './errors.ts';
export { sendPayload } from './job-output.ts';
export type { QueuePrinter } from './job-output.ts';
export { MemoryDrawerLog, SqliteDrawerLog } from './drawer-log.ts';
export type { DrawerLog, DrawerOpening, DrawerOutcome } from './drawer-log.ts';
export { issuerName } from './issuers.ts';
export { MemoryJobStore } from './job-store.ts';
export type { JobChange, PrintJobRecord, PrintJobState, PrintJobStore, PrintPayload } from './job-store.ts';
export { osPrintFailure, silentPrintOptions } from './os-printer.ts';
export type { PagePrinter, PagePrintJob } from './os-printer.ts';
export { parsePrinterAddress, PrinterAddressError, transportFor } from './printer-address.ts';
export type { PrinterAddress } from './printer-address.ts';
export { PrintService } from './print-service.ts';
export type {
  PinOutcome,
  PrintingConfig,
  PrintingEvent,
  PrintServiceDeps,
  RefundPulse,
  RefundSource,
  SaleSource,
  ZIdentity,
} from './print-service.ts';
export { REFUND_SLIP_TITLE, refundSlip } from './refund-slip.ts';
export { PrinterSet } from './printer-set.ts';
export { DEFAULT_BACKOFF, jobView, PrintQueue } from './queue.ts';
export { NotPaidError, receiptFromOrder, receiptFromSale } from './receipt-from-sale.ts';
export type { ReceiptContext } from './receipt-from-sale.ts';
export { PrintingRefusal } from './refusal.ts';
export type { PrintingRefusalCode } from './refusal.ts';
export { SqliteJobStore } from './sqlite-job-store.ts';
export type { Backoff, PrintQueueOptions, PrintRequest } from './queue.ts';
export { blockingProblem, conditionOf, decodeStatus } from './status.ts';
export type { PrinterStatus, StatusReplies } from './status.ts';
export { DEFAULT_RAW_PORT, TcpPrinter } from './tcp.ts';
export type { TcpPrinterOptions } from './tcp.ts';
export type { PrinterTransport, SendResult } from './transport.ts';
