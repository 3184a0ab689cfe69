/**
 * Schema step 4 (issue 15): the till's sales. History: never edit; append a step instead.
 *
 * A sale is what the customer buys: its lines (copies of name and price, never references to the
 * catalogue, so history never changes when the catalogue does), its totals, and how it is paid.
 * Cash is a row of cash_tenders; each QRIS/GoPay payment is an order (the gateway's order_id)
 * carrying the sale's id. What a sale has been paid is therefore read from the two, never kept
 * twice: a crash between a payment and the sale's own state can always be put right from them.
 */
export const V4_SALES = `
CREATE TABLE sales (
  id INTEGER PRIMARY KEY,
  sale_id TEXT NOT NULL UNIQUE,
  environment TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'paid', 'voided')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  closed_at INTEGER,
  business_date TEXT NOT NULL
    CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  subtotal INTEGER NOT NULL CHECK (subtotal > 0),
  line_discounts INTEGER NOT NULL CHECK (line_discounts >= 0),
  order_discount INTEGER NOT NULL CHECK (order_discount >= 0),
  service INTEGER NOT NULL CHECK (service >= 0),
  tax INTEGER NOT NULL CHECK (tax >= 0),
  tax_included INTEGER NOT NULL CHECK (tax_included IN (0, 1)),
  total INTEGER NOT NULL CHECK (total > 0),
  cash_total INTEGER NOT NULL CHECK (cash_total > 0),
  -- The whole priced breakdown (rates, tax base, DPP, rounding), for receipts and reports.
  breakdown TEXT NOT NULL,
  void_reason TEXT CHECK (void_reason IN ('abandoned', 'cash-returned')),
  CHECK ((state = 'voided') = (void_reason IS NOT NULL)),
  CHECK ((state = 'open') = (closed_at IS NULL))
) STRICT;

-- The till looks for open sales at start and on every snapshot: a handful among many.
CREATE INDEX sales_open ON sales (created_at) WHERE state = 'open';
CREATE INDEX sales_day ON sales (business_date, state);

CREATE TABLE sale_lines (
  sale_id TEXT NOT NULL REFERENCES sales (sale_id),
  line_no INTEGER NOT NULL CHECK (line_no >= 1),
  item_id TEXT,
  sku TEXT,
  name TEXT NOT NULL CHECK (length(name) >= 1),
  unit_price INTEGER NOT NULL CHECK (unit_price > 0),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  line_discount INTEGER NOT NULL CHECK (line_discount >= 0),
  -- What the line cost the customer, its share of the order discount, service and tax included.
  total INTEGER NOT NULL CHECK (total >= 0),
  PRIMARY KEY (sale_id, line_no)
) STRICT, WITHOUT ROWID;

-- "Was this catalogue item ever sold?" and sales by item.
CREATE INDEX sale_lines_item ON sale_lines (item_id) WHERE item_id IS NOT NULL;

CREATE TABLE cash_tenders (
  id INTEGER PRIMARY KEY,
  sale_id TEXT NOT NULL REFERENCES sales (sale_id),
  -- What this cash pays of the sale; received − amount went back as change.
  amount INTEGER NOT NULL CHECK (amount > 0),
  received INTEGER NOT NULL CHECK (received >= amount),
  change INTEGER NOT NULL CHECK (change = received - amount),
  state TEXT NOT NULL CHECK (state IN ('taken', 'returned')),
  created_at INTEGER NOT NULL,
  returned_at INTEGER,
  CHECK ((state = 'returned') = (returned_at IS NOT NULL))
) STRICT;

CREATE INDEX cash_tenders_sale ON cash_tenders (sale_id);

-- Like events: evidence of what the till did with a sale (created, cash taken, voided, approved
-- discounts); nothing may rewrite it.
CREATE TABLE sale_events (
  seq INTEGER PRIMARY KEY,
  sale_id TEXT NOT NULL REFERENCES sales (sale_id),
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (
    'created', 'cash-taken', 'cash-returned', 'charge', 'paid', 'voided', 'approval', 'note')),
  detail TEXT NOT NULL
) STRICT;

CREATE INDEX sale_events_sale ON sale_events (sale_id, seq);

CREATE TRIGGER sale_events_no_update BEFORE UPDATE ON sale_events
BEGIN
  SELECT RAISE(ABORT, 'sale events are append-only');
END;
CREATE TRIGGER sale_events_no_delete BEFORE DELETE ON sale_events
BEGIN
  SELECT RAISE(ABORT, 'sale events are append-only');
END;

-- Each QRIS/GoPay payment of a sale is one order at the gateway ("charge again" makes another).
ALTER TABLE orders ADD COLUMN sale_id TEXT REFERENCES sales (sale_id);
CREATE INDEX orders_sale ON orders (sale_id) WHERE sale_id IS NOT NULL;
`;
