import { useEffect, useState } from 'react';
import type { ManagerApi } from '../../../../common/contract.ts';
import type { ReceiptOptions } from '../../../../common/printing-contract.ts';
import type { PaperWidth, ReceiptPreview as Preview } from '../../../../common/printing.ts';
import { useT } from '../../../shared/language.ts';

const DEBOUNCE_MS = 250;

/**
 * The receipt as the options being edited would print it (the last sale, or a sample), drawn by
 * main from the same markup as the paper: an SVG, shown as an image so the page's CSP is untouched.
 */
export function ReceiptPreview({
  manager,
  receipt,
  width,
  valid,
}: {
  manager: ManagerApi;
  receipt: ReceiptOptions;
  width: PaperWidth;
  valid: boolean;
}) {
  const t = useT();
  const [preview, setPreview] = useState<Preview>();
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(receipt);
  useEffect(() => {
    if (!valid) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      manager.printing.preview(width, receipt).then(
        (next) => {
          if (!current) return;
          setPreview(next);
          setFailed(false);
        },
        () => {
          if (current) setFailed(true);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // Keyed by content: the options object is new on every render.
  }, [manager, width, key, valid]);
  return (
    <figure className="receipt-preview" data-testid="receipt-preview" data-width={preview?.width}>
      <figcaption>{t('printing.settings.preview')}</figcaption>
      {preview !== undefined && (
        <img
          data-testid="receipt-preview-image"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(preview.svg)}`}
          alt={t('printing.settings.previewAlt', { width: preview.width })}
        />
      )}
      {preview !== undefined && (
        <pre className="visually-hidden" data-testid="receipt-preview-text">
          {preview.lines.join('\n')}
        </pre>
      )}
      {failed && <p className="field-hint">{t('printing.settings.previewFailed')}</p>}
    </figure>
  );
}
