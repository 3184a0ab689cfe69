import { HISTORY_STATES, HISTORY_TENDERS } from '../../../common/history-contract.ts';
import type { HistoryField } from '../../../common/history-input.ts';
import { PAYMENT_TYPES } from '../../../common/midtrans-limits.ts';
import type { Bilingual } from '../../shared/errors.ts';
import { paymentTypeName } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';
import { FieldProblems } from '../settings/FieldProblems.tsx';
import type { HistoryForm } from './history-form.ts';

/** Issuers a shop sees most; any other name the gateway uses can be typed. */
const COMMON_ISSUERS = ['gopay', 'ovo', 'dana', 'shopeepay', 'linkaja', 'bca', 'bri', 'mandiri'];

interface HistoryFiltersProps {
  form: HistoryForm;
  problems: Partial<Record<HistoryField, Bilingual[]>>;
  searching: boolean;
  onEdit(changes: Partial<HistoryForm>): void;
  onSearch(): void;
  onClear(): void;
}

function TextField(props: {
  field: HistoryField;
  label: string;
  value: string;
  type?: 'text' | 'date';
  inputMode?: 'numeric' | 'text';
  hint?: string;
  problems: Bilingual[] | undefined;
  list?: string;
  onChange(value: string): void;
}) {
  const id = `history-${props.field}`;
  const described = [
    props.hint === undefined ? '' : `${id}-hint`,
    props.problems === undefined ? '' : `${id}-problems`,
  ]
    .filter((x) => x !== '')
    .join(' ');
  return (
    <div className="field history-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        data-testid={`${id}-input`}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autoComplete="off"
        list={props.list}
        value={props.value}
        aria-invalid={props.problems !== undefined}
        aria-describedby={described === '' ? undefined : described}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
      {props.hint !== undefined && (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldProblems id={`${id}-problems`} problems={props.problems} />
    </div>
  );
}

function Choice<V extends string>(props: {
  field: HistoryField;
  label: string;
  value: V | '';
  options: readonly { value: V; label: string }[];
  problems: Bilingual[] | undefined;
  onChange(value: V | ''): void;
}) {
  const t = useT();
  const id = `history-${props.field}`;
  return (
    <div className="field history-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        data-testid={`${id}-select`}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value as V | '')}
      >
        <option value="">{t('history.form.any')}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldProblems id={`${id}-problems`} problems={props.problems} />
    </div>
  );
}

/** Search by id or amount, filter by business days, state, tender, payment type and issuer. */
export function HistoryFilters({
  form,
  problems,
  searching,
  onEdit,
  onSearch,
  onClear,
}: HistoryFiltersProps) {
  const t = useT();
  return (
    <form
      className="panel history-filters"
      data-testid="history-filters"
      aria-labelledby="history-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch();
      }}
    >
      <h3 id="history-form-title">{t('history.form.title')}</h3>
      <div className="history-fields">
        <TextField
          field="id"
          label={t('history.form.id')}
          hint={t('history.form.idHint')}
          value={form.idText}
          problems={problems.id}
          onChange={(idText) => onEdit({ idText })}
        />
        <TextField
          field="amount"
          label={t('history.form.amount')}
          inputMode="numeric"
          value={form.amountText}
          problems={problems.amount}
          onChange={(amountText) => onEdit({ amountText })}
        />
        <TextField
          field="from"
          label={t('history.form.from')}
          type="date"
          value={form.from}
          problems={problems.from}
          onChange={(from) => onEdit({ from })}
        />
        <TextField
          field="to"
          label={t('history.form.to')}
          type="date"
          value={form.to}
          problems={problems.to}
          onChange={(to) => onEdit({ to })}
        />
        <Choice
          field="state"
          label={t('history.form.state')}
          value={form.state}
          options={HISTORY_STATES.map((value) => ({ value, label: t(`history.states.${value}`) }))}
          problems={problems.state}
          onChange={(state) => onEdit({ state })}
        />
        <Choice
          field="tender"
          label={t('history.form.tender')}
          value={form.tender}
          options={HISTORY_TENDERS.map((value) => ({ value, label: t(`history.tenders.${value}`) }))}
          problems={problems.tender}
          onChange={(tender) => onEdit({ tender })}
        />
        <Choice
          field="paymentType"
          label={t('history.form.paymentType')}
          value={form.paymentType}
          options={PAYMENT_TYPES.map((value) => ({ value, label: paymentTypeName(value) }))}
          problems={problems.paymentType}
          onChange={(paymentType) => onEdit({ paymentType })}
        />
        <TextField
          field="issuer"
          label={t('history.form.issuer')}
          value={form.issuer}
          list="history-issuers"
          problems={problems.issuer}
          onChange={(issuer) => onEdit({ issuer })}
        />
        <datalist id="history-issuers">
          {COMMON_ISSUERS.map((issuer) => (
            <option key={issuer} value={issuer} />
          ))}
        </datalist>
      </div>
      <div className="history-form-actions">
        <button type="submit" className="primary-button" data-testid="history-search" disabled={searching}>
          {t('history.form.search')}
        </button>
        <button type="button" data-testid="history-clear" onClick={onClear}>
          {t('history.form.clear')}
        </button>
      </div>
    </form>
  );
}
