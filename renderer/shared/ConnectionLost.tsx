import { BilingualText } from './Bilingual.tsx';
import { useBilingual } from './language.ts';

/** Shown only while the socket is down; the screen keeps what it last knew underneath. */
export function ConnectionLost() {
  const bilingual = useBilingual();
  return (
    <div className="connection-lost" role="alert" data-testid="connection-lost">
      <BilingualText text={bilingual('common.connectionLost')} />
    </div>
  );
}

/** Neither a preload nor a token: say how to get a working address instead of a blank page. */
export function NoSession() {
  const bilingual = useBilingual();
  return (
    <main className="no-session" role="alert" data-testid="no-session">
      <p>
        <BilingualText text={bilingual('common.noToken')} />
      </p>
    </main>
  );
}
