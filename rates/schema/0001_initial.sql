-- Initial rate-store schema. Money is INTEGER micro-units (1e-6 of the major unit), weights are
-- INTEGER grams, ratios INTEGER parts per million, dates TEXT 'YYYY-MM-DD'. NULL scope = any (ZZZ).
CREATE TABLE airports (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  city TEXT NOT NULL,
  country TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  latitude REAL NOT NULL,
  longitude REAL NOT NULL
) STRICT;

CREATE TABLE carriers (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  awb_prefix TEXT NOT NULL,
  fictional INTEGER NOT NULL CHECK (fictional IN (0, 1)),
  note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE fx_rates (
  valid_from TEXT NOT NULL,
  base TEXT NOT NULL,
  quote TEXT NOT NULL,
  rate_nanos INTEGER NOT NULL CHECK (rate_nanos > 0),
  source TEXT NOT NULL,
  PRIMARY KEY (base, quote, valid_from)
) STRICT;

CREATE TABLE liability_limits (
  valid_from TEXT PRIMARY KEY,
  sdr_per_kg_micros INTEGER NOT NULL CHECK (sdr_per_kg_micros >= 0)
) STRICT;

CREATE TABLE rate_lines (
  line_id TEXT PRIMARY KEY,
  carrier TEXT NOT NULL REFERENCES carriers (code),
  origin TEXT NOT NULL REFERENCES airports (code),
  destination TEXT NOT NULL REFERENCES airports (code),
  rate_class TEXT NOT NULL CHECK (rate_class IN ('GEN', 'SCR', 'CLASS')),
  commodity TEXT NOT NULL,
  currency TEXT NOT NULL,
  min_charge_micros INTEGER NOT NULL CHECK (min_charge_micros >= 0),
  divisor_cm3_per_kg INTEGER NOT NULL CHECK (divisor_cm3_per_kg > 0),
  weight_step_g INTEGER NOT NULL CHECK (weight_step_g > 0),
  min_weight_g INTEGER NOT NULL CHECK (min_weight_g >= 0),
  class_percent_ppm INTEGER NOT NULL CHECK (class_percent_ppm >= 0),
  class_min_percent_ppm INTEGER NOT NULL CHECK (class_min_percent_ppm >= 0),
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL CHECK (valid_to >= valid_from),
  sheet TEXT NOT NULL,
  version TEXT NOT NULL
) STRICT;
CREATE INDEX rate_lines_by_lane ON rate_lines (origin, destination, carrier, rate_class, commodity);

CREATE TABLE rate_breaks (
  line_id TEXT NOT NULL REFERENCES rate_lines (line_id) ON DELETE CASCADE,
  from_g INTEGER NOT NULL CHECK (from_g >= 0),
  rate_micros INTEGER NOT NULL CHECK (rate_micros >= 0),
  PRIMARY KEY (line_id, from_g)
) STRICT;

CREATE TABLE surcharges (
  surcharge_id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  description TEXT NOT NULL,
  carrier TEXT,
  origin TEXT REFERENCES airports (code),
  destination TEXT REFERENCES airports (code),
  commodity TEXT NOT NULL,
  basis TEXT NOT NULL CHECK (basis IN ('chargeable_kg', 'gross_kg', 'piece', 'shipment',
                                       'freight_percent', 'value_percent')),
  amount_micros INTEGER NOT NULL CHECK (amount_micros >= 0),
  percent_ppm INTEGER NOT NULL CHECK (percent_ppm >= 0),
  currency TEXT NOT NULL,
  min_micros INTEGER CHECK (min_micros >= 0),
  max_micros INTEGER CHECK (max_micros >= 0),
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL CHECK (valid_to >= valid_from),
  apply_margin INTEGER NOT NULL CHECK (apply_margin IN (0, 1))
) STRICT;

CREATE TABLE customers (
  customer_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  customer_group TEXT NOT NULL,
  credit_status TEXT NOT NULL CHECK (credit_status IN ('good', 'new', 'overdue')),
  since TEXT
) STRICT;

CREATE TABLE margins (
  margin_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  customer_group TEXT NOT NULL,
  origin TEXT REFERENCES airports (code),
  destination TEXT REFERENCES airports (code),
  min_weight_g INTEGER NOT NULL CHECK (min_weight_g >= 0),
  percent_ppm INTEGER NOT NULL CHECK (percent_ppm >= 0),
  per_kg_micros INTEGER NOT NULL CHECK (per_kg_micros >= 0),
  min_per_shipment_micros INTEGER NOT NULL CHECK (min_per_shipment_micros >= 0),
  currency TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL CHECK (valid_to >= valid_from)
) STRICT;

CREATE TABLE imports (
  import_id INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  source TEXT NOT NULL,
  row_count INTEGER NOT NULL
) STRICT;
