import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RefundRequest, RefundSummary } from '../../../common/refund-contract.ts';
import { BilingualText, NoticeBox } from '../../shared/Bilingual.tsx';
import type { Bilingual } from '../../shared/errors.ts';
import { formatRupiah } from '../../shared/format.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import {
  checkRefundForm,
  refundSplit,
  type RefundForm as Form,
  type RefundFormProblem,
} from './refund-form.ts';
import type { RefundFailureShown } from './use-refunds.ts';

interface RefundFormProps {
  summary: RefundSummary;
  form: Form;
  busy: boolean;
  /** Main's last refusal: beside its field, or over the form. */
  failure: RefundFailureShown | undefined;
  onEdit(changes: Partial<Form>): void;
  onSend(request: Pick<RefundRequest, 'amount' | 'reason'>): void;
  onCancel(): void;
}

function Problems({ id, lines }: { id: string; lines: readonly Bilingual[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="field-problems" id={id} data-testid={id} role="alert">
      {lines.map((line) => (
        <p className="field-problem" key={line.id}>
          <BilingualText text={line} />
        </p>
      ))}
    </div>
  );
}

/**
 * Full (everything left, the default) or part of it, and the reason. Refusals the screen can see
 * (not a number, zero, above what is left, no reason) are shown beside the field and nothing is
 * sent; main's refusals land at the same places in its own words.
 */
export function RefundForm({ summary, form, busy, failure, onEdit, onSend, onCancel }: RefundFormProps) {
  const t = useT();
  const bilingual = useBilingual();
  const [tried, setTried] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  const check = checkRefundForm(form, summary.left, (amount) => formatRupiah(amount, ' '));

  useEffect(() => {
    if (form.mode === 'partial') amountRef.current?.focus();
  }, [form.mode]);

  const words = (field: RefundFormProblem['field']) => [
    ...check.problems
      .filter((p) => p.field === field && (tried || (field === 'amount' && form.amountText !== '')))
      .map((p) => bilingual(p.key, p.values)),
    ...(failure?.field === field ? [failure.notice.message ?? bilingual('common.unexpectedError')] : []),
  ];
  const amountWords = words('amount');
  const reasonWords = words('reason');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (busy || check.request === undefined) return;
    onSend(check.request);
  };

  const amount = check.amount;
  const split = amount === undefined ? undefined : refundSplit(amount, summary.cashLeft);
  let how: string | undefined;
  if (split !== undefined && split.cash > 0 && split.gateway > 0) {
    how = t('refunds.form.cashFirst', { cash: formatRupiah(split.cash), rest: formatRupiah(split.gateway) });
  } else if (split !== undefined && split.cash > 0) {
    how = t('refunds.form.cashOnly', { amount: formatRupiah(split.cash) });
  } else if (split !== undefined && split.gateway > 0) {
    how = t('refunds.form.gatewayOnly', { amount: formatRupiah(split.gateway) });
  }

  return (
    <form className="refund-form" data-testid="refund-form" onSubmit={submit} noValidate>
      <h5>{t('refunds.form.title')}</h5>
      {failure?.field === 'form' && (
        <>
          <NoticeBox notice={failure.notice} testId="refund-error" />
          <p className="refund-nothing-written">{t('refunds.form.nothingWritten')}</p>
        </>
      )}
      <fieldset className="refund-mode">
        <label className="refund-choice">
          <input
            type="radio"
            name="refund-mode"
            data-testid="refund-mode-full"
            checked={form.mode === 'full'}
            disabled={busy}
            onChange={() => onEdit({ mode: 'full' })}
          />
          {t('refunds.form.full', { amount: formatRupiah(summary.left) })}
        </label>
        <label className="refund-choice">
          <input
            type="radio"
            name="refund-mode"
            data-testid="refund-mode-partial"
            checked={form.mode === 'partial'}
            disabled={busy}
            onChange={() => onEdit({ mode: 'partial' })}
          />
          {t('refunds.form.partial')}
        </label>
      </fieldset>
      {form.mode === 'partial' && (
        <div className="refund-field">
          <label htmlFor="refund-amount-input">{t('refunds.form.amount')}</label>
          <input
            id="refund-amount-input"
            ref={amountRef}
            data-testid="refund-amount-input"
            inputMode="numeric"
            autoComplete="off"
            value={form.amountText}
            disabled={busy}
            aria-invalid={amountWords.length > 0}
            aria-describedby={amountWords.length > 0 ? 'refund-amount-problems' : undefined}
            onChange={(event) => onEdit({ amountText: event.currentTarget.value })}
          />
          <Problems id="refund-amount-problems" lines={amountWords} />
        </div>
      )}
      <div className="refund-field">
        <label htmlFor="refund-reason-input">{t('refunds.form.reason')}</label>
        <input
          id="refund-reason-input"
          data-testid="refund-reason-input"
          autoComplete="off"
          placeholder={t('refunds.form.reasonHint')}
          value={form.reason}
          disabled={busy}
          aria-invalid={reasonWords.length > 0}
          aria-describedby={reasonWords.length > 0 ? 'refund-reason-problems' : undefined}
          onChange={(event) => onEdit({ reason: event.currentTarget.value })}
        />
        <Problems id="refund-reason-problems" lines={reasonWords} />
      </div>
      {how !== undefined && (
        <p className="refund-how" data-testid="refund-how">
          {how}
        </p>
      )}
      <div className="refund-actions">
        <button type="submit" className="primary-button" data-testid="refund-submit" disabled={busy}>
          {busy
            ? t('refunds.form.sending')
            : form.mode === 'full'
              ? t('refunds.form.submitFull')
              : amount === undefined
                ? t('refunds.open')
                : t('refunds.form.submit', { amount: formatRupiah(amount) })}
        </button>
        <button
          type="button"
          className="secondary-button"
          data-testid="refund-cancel"
          disabled={busy}
          onClick={onCancel}
        >
          {t('refunds.form.cancel')}
        </button>
      </div>
    </form>
  );
}
