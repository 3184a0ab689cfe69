import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Discount, PricingProblem } from '../../../common/pricing/index.ts';
import { NoticeBox } from '../../shared/Bilingual.tsx';
import { useT } from '../../shared/language.ts';
import { discountText, readDiscount, type DiscountKind } from './discount-entry.ts';

interface DiscountEditorProps {
  /** Test ids start with it: `line-kopi-susu`, `order`. */
  idPrefix: string;
  /** What the discount is of, for a screen reader ("Kopi Susu", "the order"). */
  subject: string;
  current: Discount | undefined;
  /** The field a refusal names (`lines.0.discount`, `orderDiscount`). */
  field: string;
  onApply(discount: Discount | undefined): void;
  onClose(): void;
}

/** A discount as a percentage or rupiah, checked as it is typed; Apply keeps it, Remove drops it. */
export function DiscountEditor({ idPrefix, subject, current, field, onApply, onClose }: DiscountEditorProps) {
  const t = useT();
  const [kind, setKind] = useState<DiscountKind>(current?.kind ?? 'percent');
  const [text, setText] = useState(() => discountText(current));
  const [problems, setProblems] = useState<PricingProblem[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), [kind]);

  const apply = (event?: FormEvent) => {
    event?.preventDefault();
    // The field itself, not the last render's copy: digits a scanner check held back may have
    // landed in it during this very key press.
    const typed = inputRef.current?.value ?? text;
    const read = readDiscount(kind, typed, field);
    if (!read.ok) {
      setProblems(read.problems);
      return;
    }
    onApply(read.discount);
    onClose();
  };

  return (
    <form
      className="discount-editor"
      data-testid={`${idPrefix}-discount-editor`}
      aria-label={t('cashier.discount.editorFor', { subject })}
      onSubmit={apply}
    >
      <div className="segmented discount-kind" role="group" aria-label={t('cashier.discount.kind')}>
        {(['percent', 'amount'] as const).map((choice) => (
          <button
            key={choice}
            type="button"
            data-testid={`${idPrefix}-discount-${choice}`}
            aria-pressed={kind === choice}
            onClick={() => {
              setKind(choice);
              setProblems([]);
            }}
          >
            {choice === 'percent' ? '%' : 'Rp'}
          </button>
        ))}
      </div>
      <input
        ref={inputRef}
        className="discount-input"
        data-testid={`${idPrefix}-discount-input`}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        aria-label={t(kind === 'percent' ? 'cashier.discount.percentLabel' : 'cashier.discount.amountLabel')}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setProblems([]);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <button type="submit" className="primary-button" data-testid={`${idPrefix}-discount-apply`}>
        {t('cashier.discount.apply')}
      </button>
      {current !== undefined && (
        <button
          type="button"
          className="secondary-button"
          data-testid={`${idPrefix}-discount-remove`}
          onClick={() => {
            onApply(undefined);
            onClose();
          }}
        >
          {t('cashier.discount.remove')}
        </button>
      )}
      {problems.length > 0 && (
        <div className="discount-problems" aria-live="assertive">
          <NoticeBox notice={{ message: undefined, problems }} testId={`${idPrefix}-discount-problem`} />
        </div>
      )}
    </form>
  );
}
