/**
 * Schema step (issue 17): indexes for the history screen's search. History: never edit; append.
 *
 * The history pages newest first by (business_date, created_at, id), a key that only ever grows
 * and never changes once written, so these entries are written once per sale or order and never
 * touched by its later state changes. A till sale and a bare gateway order (one made before sales
 * existed, or by `kiosk charge`) are each one row of the history; an order that pays a sale is
 * found through its sale.
 *
 * Search by amount walks an index of (amount, key) and stops after one page; by transaction id it
 * is one lookup. Other filters (state, tender, payment type, issuer) are read from the rows the
 * chosen index yields, with a bound on how many rows one page may read (main/history/).
 */
export const HISTORY_SEARCH_INDEXES = `
CREATE INDEX orders_history ON orders (business_date, created_at, order_id) WHERE sale_id IS NULL;
CREATE INDEX orders_amount ON orders (gross_amount, business_date, created_at, order_id)
  WHERE sale_id IS NULL;
CREATE INDEX orders_transaction ON orders (transaction_id) WHERE transaction_id IS NOT NULL;

CREATE INDEX sales_history ON sales (business_date, created_at, sale_id);
CREATE INDEX sales_state ON sales (state, business_date, created_at, sale_id);
CREATE INDEX sales_total ON sales (total, business_date, created_at, sale_id);
-- What a cash customer paid when cash is rounded (Rp 44.350 paid as Rp 44.400).
CREATE INDEX sales_cash_total ON sales (cash_total, business_date, created_at, sale_id)
  WHERE cash_total <> total;
`;
