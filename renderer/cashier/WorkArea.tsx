import type { ReactNode } from 'react';
import { useT } from '../shared/language.ts';

export const WORK_VIEWS = ['items', 'keypad', 'history'] as const;
export type WorkView = (typeof WORK_VIEWS)[number];

const LABELS: Record<WorkView, string> = {
  items: 'cashier.views.items',
  keypad: 'cashier.views.keypad',
  history: 'cashier.views.history',
};

interface WorkAreaProps {
  view: WorkView;
  onView(view: WorkView): void;
  items: ReactNode;
  keypad: ReactNode;
  history: ReactNode;
}

/**
 * The left of the screen, the cashier's main surface: the catalogue, the keypad (free amounts and
 * cash received) or the recent transactions. The three stay mounted, so a search or a scroll
 * position survives a look at the keypad.
 */
export function WorkArea({ view, onView, items, keypad, history }: WorkAreaProps) {
  const t = useT();
  const content: Record<WorkView, ReactNode> = { items, keypad, history };
  return (
    <div className="work-area">
      <div className="segmented work-views" role="group" aria-label={t('cashier.views.label')}>
        {WORK_VIEWS.map((name) => (
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
      {WORK_VIEWS.map((name) => (
        <div key={name} className="work-view" data-view={name} hidden={view !== name}>
          {content[name]}
        </div>
      ))}
    </div>
  );
}
