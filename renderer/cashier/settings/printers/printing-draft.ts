/**
 * The printers section as the manager edits it, and the patch Save sends: only what differs from
 * what main last said, checked with the same rules main applies (common/printing-settings.ts), so
 * a refusal shows while typing.
 */
import type { ManagerSettings } from '../../../../common/contract.ts';
import type { PrinterConfig, ReceiptOptions, SoundSettings } from '../../../../common/printing-contract.ts';
import { MAX_PRINTERS } from '../../../../common/printing-contract.ts';
import { receiptPrinterProblems } from '../../../../common/printing-settings.ts';
import {
  checkSettingsPatch,
  type SettingsPatch,
  type SettingsProblem,
} from '../../../../common/settings-input.ts';

export interface PrintingDraft {
  printers: PrinterConfig[];
  receipt: ReceiptOptions;
  sound: SoundSettings;
}

export function draftFrom(settings: ManagerSettings): PrintingDraft {
  return {
    printers: settings.printers.map((p) => ({ ...p })),
    receipt: { ...settings.receipt },
    sound: { ...settings.sound },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface DraftCheck {
  patch: SettingsPatch;
  problems: SettingsProblem[];
}

export function checkDraft(saved: PrintingDraft, draft: PrintingDraft): DraftCheck {
  const patch: SettingsPatch = {};
  if (!same(saved.printers, draft.printers)) patch.printers = draft.printers;
  if (!same(saved.receipt, draft.receipt)) patch.receipt = draft.receipt;
  if (!same(saved.sound, draft.sound)) patch.sound = draft.sound;
  const problems = checkSettingsPatch(patch);
  // The receipt printer is checked against the printers as they will be, whichever changed.
  if (problems.length === 0 && (patch.printers !== undefined || patch.receipt !== undefined)) {
    problems.push(...receiptPrinterProblems(draft.printers, draft.receipt));
  }
  return { patch, problems };
}

/** A new printer: a code no other printer has, a name to change, a network printer on 58 mm. */
export function newPrinter(existing: readonly PrinterConfig[]): PrinterConfig | undefined {
  if (existing.length >= MAX_PRINTERS) return undefined;
  let n = existing.length + 1;
  while (existing.some((p) => p.id === `printer-${n}`)) n += 1;
  return { id: `printer-${n}`, name: `Printer ${n}`, kind: 'tcp', address: '', width: 58, drawer: false };
}

/** Test print and the drawer work on what is saved: a printer being edited must be saved first. */
export function isSaved(saved: PrintingDraft, printer: PrinterConfig): boolean {
  return saved.printers.some((p) => same(p, printer));
}

/** The printers with one replaced; a printer that can no longer have a drawer loses it. */
export function withPrinter(draft: PrintingDraft, id: string, change: Partial<PrinterConfig>): PrintingDraft {
  return {
    ...draft,
    printers: draft.printers.map((p) => {
      if (p.id !== id) return p;
      const next = { ...p, ...change };
      if (next.kind === 'os' || next.kind === 'browser') next.drawer = false;
      if (next.kind === 'browser') next.address = '';
      return next;
    }),
  };
}

/** Removing the receipt printer leaves receipts with no printer rather than a dangling one. */
export function withoutPrinter(draft: PrintingDraft, id: string): PrintingDraft {
  return {
    ...draft,
    printers: draft.printers.filter((p) => p.id !== id),
    receipt: draft.receipt.printerId === id ? { ...draft.receipt, printerId: null } : draft.receipt,
  };
}
