import type { ReactNode, Ref } from 'react';
import type { Bilingual } from '../../shared/errors.ts';
import { FieldProblems } from './FieldProblems.tsx';

/** The ids an input is described by: its hint, and its problems when there are any. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length === 0 ? undefined : list.join(' ');
}

interface TextFieldProps {
  /** Also the test id; the hint is `${id}-hint`, the problems `problems-${id}`. */
  id: string;
  label: string;
  value: string;
  hint?: string | undefined;
  problems: readonly Bilingual[] | undefined;
  inputMode?: 'text' | 'numeric' | 'decimal';
  className?: string;
  disabled?: boolean;
  /** For an input whose problems are shown once for a group (both halves of a fraction). */
  invalid?: boolean;
  problemsId?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Shown after the input on the same row (a unit, a computed value). */
  after?: ReactNode;
  onChange(value: string): void;
}

/** A labelled text input with its hint and, when refused, why, in both languages. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, hint, problems, after } = props;
  const own = problems !== undefined && problems.length > 0;
  const invalid = own || props.invalid === true;
  return (
    <div className={`field ${props.className ?? ''}`.trim()}>
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        <input
          id={id}
          ref={props.inputRef}
          data-testid={id}
          type="text"
          autoComplete="off"
          inputMode={props.inputMode ?? 'text'}
          value={value}
          disabled={props.disabled}
          aria-invalid={invalid}
          aria-describedby={describedBy(
            hint !== undefined && `${id}-hint`,
            own && `problems-${id}`,
            props.invalid === true && props.problemsId,
          )}
          onChange={(event) => props.onChange(event.currentTarget.value)}
        />
        {after}
      </div>
      {hint !== undefined && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldProblems id={`problems-${id}`} problems={problems} />
    </div>
  );
}

export interface RadioOption<T> {
  value: T;
  label: string;
  hint?: string | undefined;
}

interface RadioChoicesProps<T> {
  /** The group's name and test-id prefix: each option is `${name}-${value}`. */
  name: string;
  legend: string;
  options: readonly RadioOption<T>[];
  value: T;
  problems: readonly Bilingual[] | undefined;
  /** A sentence about the whole choice, under the options. */
  hint?: string | undefined;
  /** Options with hints are shown as cards, one a line; short ones side by side. */
  layout?: 'cards' | 'inline';
  onChange(value: T): void;
}

export function RadioChoices<T extends string | number>(props: RadioChoicesProps<T>) {
  const { name, legend, options, value, problems, hint } = props;
  const cards = props.layout === 'cards';
  const invalid = problems !== undefined && problems.length > 0;
  return (
    <fieldset
      className={cards ? 'choice-group choice-list' : 'field inline-choices'}
      aria-describedby={describedBy(hint !== undefined && `${name}-hint`, invalid && `problems-${name}`)}
    >
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={String(option.value)} className={cards ? 'choice' : 'inline-choice'}>
          <input
            type="radio"
            name={name}
            data-testid={`${name}-${String(option.value)}`}
            checked={option.value === value}
            onChange={() => props.onChange(option.value)}
          />
          {cards ? (
            <span className="choice-text">
              <span className="choice-name">{option.label}</span>
              {option.hint !== undefined && <span className="choice-hint">{option.hint}</span>}
            </span>
          ) : (
            option.label
          )}
        </label>
      ))}
      {hint !== undefined && (
        <p className="field-hint choices-hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldProblems id={`problems-${name}`} problems={problems} />
    </fieldset>
  );
}

interface CheckFieldProps {
  id: string;
  label: string;
  checked: boolean;
  hint?: string | undefined;
  onChange(checked: boolean): void;
}

export function CheckField({ id, label, checked, hint, onChange }: CheckFieldProps) {
  return (
    <div className="field">
      <label className="inline-choice">
        <input
          type="checkbox"
          data-testid={id}
          checked={checked}
          aria-describedby={hint === undefined ? undefined : `${id}-hint`}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        {label}
      </label>
      {hint !== undefined && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
