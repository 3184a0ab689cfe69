import type { ReactNode } from 'react';
import { useT } from '../shared/language.ts';

export const WORK_VIEWS = ['sale', 'items', 'keypad', 'history'] as const;
export type WorkView = (typeof WORK_VIEWS)[number];

const LABELS: Record<WorkView, string> = {
  sale: 'cashier.views.sale',
  items: 'cashier.views.items',
  keypad: 'cashier.views.keypad',
  history: 'cashier.views.history',
};

interface WorkAreaProps {
  view: WorkView;
  onView(view: WorkView): void;
  /** The sale on screen (its QR, what it waits for, how it ended); null while ringing up. */
  sale: ReactNode;
  items: ReactNode;
  keypad: ReactNode;
  history: ReactNode;
}

/**
 * The left of the screen, the cashier's main surface: the sale once charged, the catalogue, the
 * keypad (free amounts and cash received) or the recent transactions. They stay mounted, so a
 * search or a scroll position survives a look at the keypad.
 */
export function WorkArea({ view, onView, sale, items, keypad, history }: WorkAreaProps) {
  const t = useT();
  const content: Record<WorkView, ReactNode> = { sale, items, keypad, history };
  const views = WORK_VIEWS.filter((name) => name !== 'sale' || sale !== null);
  return (
    <div className="work-area">
      <div className="segmented work-views" role="group" aria-label={t('cashier.views.label')}>
        {views.map((name) => (
          <button
            key={name}
            type="button"
            data-testid={`view-${name}`}
            aria-pressed={view === name}
            onClick={() => onView(name)}
          >
            {t(LABELS[name])}
          </button>
        ))}
      </div>
      {views.map((name) => (
        <div key={name} className="work-view" data-view={name} hidden={view !== name}>
          {content[name]}
        </div>
      ))}
    </div>
  );
}
