import { useState } from 'react';
import type { ManagerApi } from '../../../../common/contract.ts';
import type { PrinterConfig, PrinterKind } from '../../../../common/printing-contract.ts';
import { PRINTER_KINDS, RAW_PRINTER_KINDS } from '../../../../common/printing-contract.ts';
import { PAPER_WIDTHS } from '../../../../common/printing.ts';
import { NoticeBox } from '../../../shared/Bilingual.tsx';
import { noticeFromError, type Notice } from '../../../shared/errors.ts';
import { useBilingual, useT } from '../../../shared/language.ts';

interface PrinterRowProps {
  printer: PrinterConfig;
  /** Saved as shown: test print and the drawer act on what main has. */
  saved: boolean;
  manager: ManagerApi;
  disabled: boolean;
  onChange(change: Partial<PrinterConfig>): void;
  onRemove(): void;
}

/** One printer: what it is called, how it is reached, its paper, its drawer, and its test print. */
export function PrinterRow({ printer, saved, manager, disabled, onChange, onRemove }: PrinterRowProps) {
  const t = useT();
  const bilingual = useBilingual();
  const [done, setDone] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [pin, setPin] = useState<string | undefined>(undefined);
  const base = `printer-${printer.id}`;
  const act = async (work: () => Promise<unknown>, success: string) => {
    setDone(undefined);
    setNotice(undefined);
    try {
      await work();
      setDone(success);
    } catch (error) {
      setNotice(noticeFromError(error, bilingual('common.unexpectedError')));
    }
  };
  const canDrawer = RAW_PRINTER_KINDS.includes(printer.kind);
  return (
    <fieldset className="printer-row" data-testid={base} data-kind={printer.kind}>
      <legend>{printer.name.trim() === '' ? printer.id : printer.name}</legend>
      <div className="field">
        <label htmlFor={`${base}-name`}>{t('printing.settings.name')}</label>
        <input
          id={`${base}-name`}
          data-testid={`${base}-name`}
          type="text"
          autoComplete="off"
          value={printer.name}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${base}-kind`}>{t('printing.settings.kind')}</label>
        <select
          id={`${base}-kind`}
          data-testid={`${base}-kind`}
          value={printer.kind}
          onChange={(e) => onChange({ kind: e.currentTarget.value as PrinterKind })}
        >
          {PRINTER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`printing.settings.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {printer.kind !== 'browser' && (
        <div className="field">
          <label htmlFor={`${base}-address`}>{t(`printing.settings.address.${printer.kind}`)}</label>
          <input
            id={`${base}-address`}
            data-testid={`${base}-address`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={printer.address}
            aria-describedby={`${base}-address-hint`}
            onChange={(e) => onChange({ address: e.currentTarget.value })}
          />
        </div>
      )}
      <p className="field-hint" id={`${base}-address-hint`}>
        {t(`printing.settings.addressHint.${printer.kind}`)}
      </p>
      <fieldset className="field inline-choices">
        <legend>{t('printing.settings.width')}</legend>
        {PAPER_WIDTHS.map((width) => (
          <label key={width} className="inline-choice">
            <input
              type="radio"
              name={`${base}-width`}
              data-testid={`${base}-width-${width}`}
              checked={printer.width === width}
              onChange={() => onChange({ width })}
            />
            {t('printing.settings.widthValue', { width })}
          </label>
        ))}
      </fieldset>
      <label className="inline-choice">
        <input
          type="checkbox"
          data-testid={`${base}-drawer`}
          checked={printer.drawer}
          disabled={!canDrawer}
          onChange={(e) => onChange({ drawer: e.currentTarget.checked })}
        />
        {t('printing.settings.drawer')}
      </label>
      <div className="key-actions">
        <button
          type="button"
          data-testid={`${base}-test`}
          disabled={disabled || !saved}
          title={saved ? undefined : t('printing.settings.saveFirst')}
          onClick={() => void act(() => manager.printing.test(printer.id), t('printing.settings.testSent'))}
        >
          {t('printing.settings.test')}
        </button>
        {canDrawer && printer.drawer && pin === undefined && (
          <button
            type="button"
            data-testid={`${base}-open-drawer`}
            disabled={disabled || !saved}
            onClick={() => setPin('')}
          >
            {t('printing.settings.openDrawer')}
          </button>
        )}
        <button type="button" className="danger-button" data-testid={`${base}-remove`} onClick={onRemove}>
          {t('printing.settings.remove')}
        </button>
      </div>
      {pin !== undefined && (
        <form
          className="drawer-pin"
          onSubmit={(e) => {
            e.preventDefault();
            const typed = pin;
            setPin(undefined);
            void act(
              () => manager.printing.openDrawer(printer.id, typed),
              t('printing.settings.drawerOpened'),
            );
          }}
        >
          <label htmlFor={`${base}-pin`}>{t('printing.settings.drawerPin')}</label>
          <input
            id={`${base}-pin`}
            data-testid={`${base}-pin`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
          />
          <button type="submit" className="danger-button" data-testid={`${base}-pin-confirm`}>
            {t('printing.settings.drawerConfirm')}
          </button>
          <button type="button" onClick={() => setPin(undefined)}>
            {t('printing.settings.drawerCancel')}
          </button>
        </form>
      )}
      <p className="field-hint" role="status" data-testid={`${base}-done`}>
        {done ?? ''}
      </p>
      {notice !== undefined && <NoticeBox notice={notice} testId={`${base}-error`} />}
    </fieldset>
  );
}
