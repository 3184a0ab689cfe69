/**
 * One way to run a day command from the screen: a busy flag (so a button cannot send twice) and
 * the refusal as a bilingual notice, with what was typed left in place to be corrected.
 */
import { useCallback, useMemo, useState } from 'react';
import { noticeFromError, type Notice } from '../../shared/errors.ts';
import { useBilingual } from '../../shared/language.ts';

export interface DayAction {
  busy: boolean;
  notice: Notice | undefined;
  clear(): void;
  /** Undefined when refused (the notice says why). */
  run<T>(act: () => Promise<T>): Promise<T | undefined>;
}

export function useDayAction(): DayAction {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();
  const bilingual = useBilingual();
  const unexpected = useMemo(() => bilingual('common.unexpectedError'), [bilingual]);
  const run = useCallback(
    async <T>(act: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setNotice(undefined);
      try {
        return await act();
      } catch (error) {
        setNotice(noticeFromError(error, unexpected));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [unexpected],
  );
  const clear = useCallback(() => setNotice(undefined), []);
  return { busy, notice, clear, run };
}
