import { BilingualText } from '../../shared/Bilingual.tsx';
import { useBilingual } from '../../shared/language.ts';
import type { ScanNotice } from '../cashier-state.ts';

const KEYS = {
  added: 'cashier.scan.added',
  unknown: 'cashier.scan.unknown',
  inactive: 'cashier.scan.inactive',
  locked: 'cashier.scan.locked',
} as const;

/**
 * What the last scan did, in both languages: an unknown or inactive code, or an item that could
 * not be added now, is said plainly where the cashier looks; an added item is announced quietly.
 */
export function ScanNoticeLine({ notice }: { notice: ScanNotice | undefined }) {
  const bilingual = useBilingual();
  const problem = notice !== undefined && notice.kind !== 'added';
  return (
    <div className="scan-notice-region" aria-live={problem ? 'assertive' : 'polite'}>
      {notice !== undefined && (
        <p
          key={notice.seq}
          className="scan-notice"
          data-testid="scan-notice"
          data-kind={notice.kind}
          role={problem ? 'alert' : 'status'}
        >
          <BilingualText
            text={bilingual(KEYS[notice.kind], { code: notice.code, name: notice.name ?? '' })}
          />
        </p>
      )}
    </div>
  );
}
