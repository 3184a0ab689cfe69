import { useEffect, useRef } from 'react';
import type { PrintPageRequest } from '../../../common/printing-contract.ts';
import { useT } from '../../shared/language.ts';

/**
 * The receipt the browser prints (printer kind "browser"): shown only on paper (printing.css hides
 * the rest of the page there), as an image of the receipt's SVG, so the page's CSP allows it.
 * The print dialog opens once the image has loaded; then main hears that the page was handed over.
 */
export function PrintPage({ request, onDone }: { request: PrintPageRequest; onDone(ok: boolean): void }) {
  const t = useT();
  const printed = useRef<string | undefined>(undefined);
  const print = () => {
    if (printed.current === request.requestId) return;
    printed.current = request.requestId;
    try {
      window.print();
      onDone(true);
    } catch {
      onDone(false);
    }
  };
  useEffect(() => {
    printed.current = undefined;
  }, [request.requestId]);
  return (
    <div
      className="print-page"
      data-testid="print-page"
      data-width={request.width}
      data-request-id={request.requestId}
    >
      <img
        className={`print-receipt print-receipt-${request.width}`}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(request.svg)}`}
        alt={`${t('printing.page.title')} ${request.title}`}
        onLoad={print}
        onError={() => onDone(false)}
      />
    </div>
  );
}
