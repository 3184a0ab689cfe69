import type { PrinterConfig, ReceiptOptions } from '../../../../common/printing-contract.ts';
import { AUTO_PRINT_MODES } from '../../../../common/printing-contract.ts';
import { useT } from '../../../shared/language.ts';

/** Which printer prints receipts, when, and what the shop puts on them. */
export function ReceiptFields({
  receipt,
  printers,
  onChange,
}: {
  receipt: ReceiptOptions;
  printers: readonly PrinterConfig[];
  onChange(change: Partial<ReceiptOptions>): void;
}) {
  const t = useT();
  return (
    <div className="receipt-fields">
      <div className="field">
        <label htmlFor="receipt-printer">{t('printing.settings.receiptPrinter')}</label>
        <select
          id="receipt-printer"
          data-testid="receipt-printer"
          value={receipt.printerId ?? ''}
          onChange={(e) =>
            onChange({ printerId: e.currentTarget.value === '' ? null : e.currentTarget.value })
          }
        >
          <option value="">{t('printing.settings.noReceiptPrinter')}</option>
          {printers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field inline-choices">
        <legend>{t('printing.settings.autoPrint')}</legend>
        {AUTO_PRINT_MODES.map((mode) => (
          <label key={mode} className="inline-choice">
            <input
              type="radio"
              name="receipt-auto-print"
              data-testid={`receipt-auto-${mode}`}
              checked={receipt.autoPrint === mode}
              onChange={() => onChange({ autoPrint: mode })}
            />
            {t(`printing.settings.autoPrintModes.${mode}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="receipt-address">{t('printing.settings.shopAddress')}</label>
        <textarea
          id="receipt-address"
          data-testid="receipt-address"
          rows={2}
          value={receipt.shopAddress}
          onChange={(e) => onChange({ shopAddress: e.currentTarget.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="receipt-npwp">{t('printing.settings.npwp')}</label>
        <input
          id="receipt-npwp"
          data-testid="receipt-npwp"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={receipt.npwp}
          aria-describedby="receipt-npwp-hint"
          onChange={(e) => onChange({ npwp: e.currentTarget.value })}
        />
        <p className="field-hint" id="receipt-npwp-hint">
          {t('printing.settings.npwpHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="receipt-footer">{t('printing.settings.footer')}</label>
        <textarea
          id="receipt-footer"
          data-testid="receipt-footer"
          rows={3}
          value={receipt.footer}
          aria-describedby="receipt-footer-hint"
          onChange={(e) => onChange({ footer: e.currentTarget.value })}
        />
        <p className="field-hint" id="receipt-footer-hint">
          {t('printing.settings.footerHint')}
        </p>
      </div>
    </div>
  );
}
