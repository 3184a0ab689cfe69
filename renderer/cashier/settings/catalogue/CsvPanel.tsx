import { BilingualText } from '../../../shared/Bilingual.tsx';
import type { Bilingual } from '../../../shared/errors.ts';
import { useBilingual, useT } from '../../../shared/language.ts';
import type { ImportOutcome } from './catalogue-state.ts';

interface CsvPanelProps {
  disabled: boolean;
  outcome: ImportOutcome | undefined;
  onFile(file: File): void;
  onExport(): void;
}

function Outcome({ outcome }: { outcome: ImportOutcome }) {
  const t = useT();
  const bilingual = useBilingual();
  if (outcome.ok) {
    const { summary } = outcome;
    return (
      <p className="settings-done" data-testid="import-summary" role="status">
        {t('settings.catalogue.csv.imported', {
          file: outcome.fileName,
          rows: summary.rows,
          added: summary.added,
          updated: summary.updated,
          categories: summary.categoriesAdded,
        })}
      </p>
    );
  }
  // The refusal's own summary ("the catalogue was not changed") repeats the heading when the
  // lines follow; it is shown only when there are none (a file that could not be read at all).
  const lines: Bilingual[] = [];
  if (outcome.message !== undefined && outcome.problems.length === 0) lines.push(outcome.message);
  const withLine = outcome.problems.map((problem) => {
    if (problem.line === undefined) return problem.message;
    const at = bilingual('settings.catalogue.csv.line', { line: problem.line });
    // The main process already starts each message with its line; another source may not.
    if (problem.message.id.startsWith(`${at.id}:`)) return problem.message;
    return { id: `${at.id}: ${problem.message.id}`, en: `${at.en}: ${problem.message.en}` };
  });
  return (
    <div className="import-failed" data-testid="import-errors" role="alert">
      <p className="confirm-title" data-testid="import-nothing">
        <BilingualText
          text={bilingual('settings.catalogue.csv.nothingImported', { file: outcome.fileName })}
        />
      </p>
      {lines.map((line) => (
        <p key={line.id}>
          <BilingualText text={line} />
        </p>
      ))}
      {withLine.length > 0 && (
        <p>
          <BilingualText text={bilingual('settings.catalogue.csv.fixLines')} />
        </p>
      )}
      {withLine.length > 0 && (
        <ol className="import-problems">
          {withLine.map((line, index) => (
            <li key={`${index}-${line.id}`} data-testid="import-problem">
              <BilingualText text={line} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** CSV import (all or nothing, every refused line listed) and export, as a spreadsheet opens it. */
export function CsvPanel({ disabled, outcome, onFile, onExport }: CsvPanelProps) {
  const t = useT();
  return (
    <section className="panel csv-panel" aria-labelledby="csv-title" data-testid="csv-panel">
      <h3 id="csv-title">{t('settings.catalogue.csv.title')}</h3>
      <p className="field-hint" id="csv-hint">
        {t('settings.catalogue.csv.hint')}
      </p>
      <div className="key-actions">
        <label className={`file-button${disabled ? ' file-button-disabled' : ''}`}>
          <input
            type="file"
            accept=".csv,text/csv"
            className="file-input"
            data-testid="csv-import-input"
            aria-describedby="csv-hint"
            disabled={disabled}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              // Cleared, so choosing the same file again (after fixing it) is a new choice.
              event.currentTarget.value = '';
              if (file !== undefined) onFile(file);
            }}
          />
          {t('settings.catalogue.csv.import')}
        </label>
        <button type="button" data-testid="csv-export" disabled={disabled} onClick={onExport}>
          {t('settings.catalogue.csv.export')}
        </button>
      </div>
      <div aria-live="polite">{outcome !== undefined && <Outcome outcome={outcome} />}</div>
    </section>
  );
}
