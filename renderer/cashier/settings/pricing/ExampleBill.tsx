import { percentText } from '../../../../common/pricing/problems.ts';
import { formatRupiah } from '../../../shared/format.ts';
import { useLanguage, useT } from '../../../shared/language.ts';
import { EXAMPLE_DISCOUNT, EXAMPLE_LINES, exampleBill } from './example-bill.ts';
import type { PricingRead } from './pricing-draft.ts';

const TAX_NAMES = { pb1: 'PB1', ppn: 'PPN' } as const;

function Row({
  label,
  amount,
  testId,
  strong,
}: {
  label: string;
  amount: string;
  testId: string;
  strong?: boolean;
}) {
  return (
    <tr className={strong === true ? 'bill-total' : undefined}>
      <th scope="row">{label}</th>
      <td data-testid={testId}>{amount}</td>
    </tr>
  );
}

/** A sample order priced with the settings as typed, before they are saved. */
export function ExampleBill({ read, changed }: { read: PricingRead; changed: boolean }) {
  const t = useT();
  const language = useLanguage();
  const bill = exampleBill(read);
  const percent = (value: number) => percentText(value)[language];
  return (
    <section className="example-bill" aria-labelledby="example-bill-title" data-testid="example-bill">
      <h4 id="example-bill-title">
        {t('settings.pricing.example.title')}
        {changed && <span className="example-unsaved"> · {t('settings.pricing.example.unsaved')}</span>}
      </h4>
      {!bill.ok ? (
        <p className="field-hint" data-testid="example-invalid">
          {t('settings.pricing.example.invalid')}
        </p>
      ) : (
        <>
          <table className="bill-table">
            <tbody>
              {EXAMPLE_LINES.map((line) => (
                <tr key={line.name} className="bill-line">
                  <th scope="row">
                    {line.quantity} × {line.name}
                  </th>
                  <td>{formatRupiah(line.unitPrice * line.quantity)}</td>
                </tr>
              ))}
              <Row
                label={t('settings.pricing.example.subtotal')}
                amount={formatRupiah(bill.breakdown.subtotal)}
                testId="example-subtotal"
              />
              <Row
                label={t('settings.pricing.example.discount', { percent: percent(EXAMPLE_DISCOUNT.value) })}
                amount={`−${formatRupiah(bill.breakdown.orderDiscount)}`}
                testId="example-discount"
              />
              {bill.breakdown.service > 0 && (
                <Row
                  label={t('settings.pricing.example.service', {
                    percent: percent(bill.breakdown.servicePercent),
                  })}
                  amount={formatRupiah(bill.breakdown.service)}
                  testId="example-service"
                />
              )}
              {bill.breakdown.tax.kind !== 'none' && !bill.breakdown.tax.inclusive && (
                <Row
                  label={`${TAX_NAMES[bill.breakdown.tax.kind]} ${percent(bill.breakdown.tax.ratePercent)}`}
                  amount={formatRupiah(bill.breakdown.tax.amount)}
                  testId="example-tax"
                />
              )}
              <Row
                label={t('settings.pricing.example.total')}
                amount={formatRupiah(bill.breakdown.total)}
                testId="example-total"
                strong
              />
              {bill.breakdown.cashRounding !== 0 && (
                <Row
                  label={t('settings.pricing.example.cash')}
                  amount={formatRupiah(bill.breakdown.cashTotal)}
                  testId="example-cash"
                />
              )}
            </tbody>
          </table>
          {bill.breakdown.tax.kind !== 'none' && bill.breakdown.tax.inclusive && (
            <p className="field-hint" data-testid="example-tax-included">
              {t('settings.pricing.example.taxIncluded', {
                tax: `${TAX_NAMES[bill.breakdown.tax.kind]} ${percent(bill.breakdown.tax.ratePercent)}`,
                amount: formatRupiah(bill.breakdown.tax.amount),
              })}
            </p>
          )}
          {bill.breakdown.tax.kind === 'ppn' && (
            <p className="field-hint" data-testid="example-dpp">
              {t('settings.pricing.example.dpp', { amount: formatRupiah(bill.breakdown.tax.dpp) })}
            </p>
          )}
          {read.approval !== null && (
            <p className="field-hint" data-testid="example-approval">
              {bill.discountNeedsPin
                ? t('settings.pricing.example.needsPin', { percent: percent(EXAMPLE_DISCOUNT.value) })
                : t('settings.pricing.example.noPin', { percent: percent(EXAMPLE_DISCOUNT.value) })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
