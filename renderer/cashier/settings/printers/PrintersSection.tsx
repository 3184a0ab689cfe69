import { useCallback, useEffect, useState } from 'react';
import type { ManagerApi } from '../../../../common/contract.ts';
import { receiptOptionsProblems } from '../../../../common/printing-settings.ts';
import { NoticeBox } from '../../../shared/Bilingual.tsx';
import { noticeFromError, type Notice } from '../../../shared/errors.ts';
import { useBilingual, useT } from '../../../shared/language.ts';
import { FieldProblems } from '../FieldProblems.tsx';
import { PrinterRow } from './PrinterRow.tsx';
import {
  checkDraft,
  draftFrom,
  isSaved,
  newPrinter,
  withoutPrinter,
  withPrinter,
  type PrintingDraft,
} from './printing-draft.ts';
import { ReceiptFields } from './ReceiptFields.tsx';
import { ReceiptPreview } from './ReceiptPreview.tsx';
import { SoundFields } from './SoundFields.tsx';
import './printers.css';

/**
 * Printers, receipts and sound, behind the manager's PIN like every setting, with a Save of their
 * own: this section reads and writes only its three fields, so it never touches what the rest of
 * the settings screen is editing.
 */
export function PrintersSection({ manager, online }: { manager: ManagerApi; online: boolean }) {
  const t = useT();
  const bilingual = useBilingual();
  const [saved, setSaved] = useState<PrintingDraft>();
  const [draft, setDraft] = useState<PrintingDraft>();
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  const load = useCallback(async () => {
    try {
      const next = draftFrom(await manager.read());
      setSaved(next);
      setDraft(next);
    } catch (error) {
      setNotice(noticeFromError(error, bilingual('common.unexpectedError')));
    }
  }, [manager, bilingual]);
  useEffect(() => {
    void load();
    // Once per opening; a save reloads from its own answer.
  }, [manager]);

  if (saved === undefined || draft === undefined) {
    return notice === undefined ? null : <NoticeBox notice={notice} testId="printers-load-error" />;
  }
  const check = checkDraft(saved, draft);
  const changed = Object.keys(check.patch).length > 0;
  const byField = (field: string) => check.problems.filter((p) => p.field === field).map((p) => p.message);
  const edit = (next: PrintingDraft) => {
    setDraft(next);
    setDone(false);
  };
  const save = async () => {
    if (!changed || check.problems.length > 0 || saving) return;
    setSaving(true);
    setNotice(undefined);
    try {
      const next = draftFrom(await manager.update(check.patch));
      setSaved(next);
      setDraft(next);
      setDone(true);
    } catch (error) {
      setNotice(noticeFromError(error, bilingual('common.unexpectedError')));
    } finally {
      setSaving(false);
    }
  };
  const receiptPrinter = draft.printers.find((p) => p.id === draft.receipt.printerId);
  let reason = '';
  if (done) reason = t('printing.settings.saved');
  else if (!changed) reason = t('printing.settings.nothingChanged');
  else if (check.problems.length > 0) reason = t('printing.settings.fixFirst');

  return (
    <section
      className="panel settings-section printers-section"
      data-testid="printers-section"
      aria-labelledby="printers-title"
    >
      <h3 id="printers-title">{t('printing.settings.title')}</h3>
      <p className="field-hint">{t('printing.settings.intro')}</p>
      <div className="printers-layout">
        <div className="printers-fields">
          <h4>{t('printing.settings.printers')}</h4>
          {draft.printers.length === 0 && <p className="field-hint">{t('printing.settings.none')}</p>}
          {draft.printers.map((printer) => (
            <PrinterRow
              key={printer.id}
              printer={printer}
              saved={isSaved(saved, printer)}
              manager={manager}
              disabled={!online}
              onChange={(change) => edit(withPrinter(draft, printer.id, change))}
              onRemove={() => edit(withoutPrinter(draft, printer.id))}
            />
          ))}
          <FieldProblems id="problems-printers" problems={byField('printers')} />
          <button
            type="button"
            data-testid="printer-add"
            disabled={newPrinter(draft.printers) === undefined}
            onClick={() => {
              const added = newPrinter(draft.printers);
              if (added !== undefined) edit({ ...draft, printers: [...draft.printers, added] });
            }}
          >
            {t('printing.settings.add')}
          </button>

          <h4>{t('printing.settings.receipt')}</h4>
          <ReceiptFields
            receipt={draft.receipt}
            printers={draft.printers}
            onChange={(change) => edit({ ...draft, receipt: { ...draft.receipt, ...change } })}
          />
          <FieldProblems id="problems-receipt" problems={byField('receipt')} />

          <h4>{t('printing.settings.sound')}</h4>
          <SoundFields sound={draft.sound} onChange={(sound) => edit({ ...draft, sound })} />
          <FieldProblems id="problems-sound" problems={byField('sound')} />
        </div>
        <ReceiptPreview
          manager={manager}
          receipt={draft.receipt}
          width={receiptPrinter?.width ?? 58}
          valid={online && receiptOptionsProblems(draft.receipt).length === 0}
        />
      </div>
      <div className="savebar-row">
        <button
          type="button"
          className="primary-button"
          data-testid="printers-save"
          disabled={!changed || check.problems.length > 0 || saving || !online}
          onClick={() => void save()}
        >
          {saving ? t('printing.settings.saving') : t('printing.settings.save')}
        </button>
        <p className="charge-reason" data-testid="printers-save-reason" data-done={done} aria-live="polite">
          {reason}
        </p>
      </div>
      {notice !== undefined && <NoticeBox notice={notice} testId="printers-error" />}
    </section>
  );
}
