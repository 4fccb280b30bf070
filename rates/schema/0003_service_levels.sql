-- Service levels (rates/README.md, "Service levels (QPR)"). Probabilities and percents are
-- INTEGER parts per million (100 % = 1000000), durations INTEGER hours, money INTEGER micro-units
-- with its currency. NULL in an optional limit = not set (a customer override inherits the tier's).

-- SLA tiers and per-customer overrides. customer_id NULL = the tier itself.
-- required_capabilities: space-separated `freighter`, `online`, `direct` ('' = none).
CREATE TABLE sla_tiers (
  tier TEXT NOT NULL CHECK (tier <> ''),
  customer_id TEXT REFERENCES customers (customer_id),
  max_transit_hours INTEGER CHECK (max_transit_hours >= 0),
  min_reliability_ppm INTEGER CHECK (min_reliability_ppm BETWEEN 0 AND 1000000),
  max_price_micros INTEGER CHECK (max_price_micros >= 0),
  max_price_currency TEXT,
  max_price_over_cheapest_ppm INTEGER CHECK (max_price_over_cheapest_ppm >= 0),
  max_risk_ppm INTEGER CHECK (max_risk_ppm BETWEEN 0 AND 1000000),
  required_capabilities TEXT NOT NULL DEFAULT '',
  credit_rule TEXT
    CHECK (credit_rule IN ('none', 'prepayment_for_new', 'withhold_risky_for_new')),
  credit_max_risk_ppm INTEGER CHECK (credit_max_risk_ppm BETWEEN 0 AND 1000000),
  CHECK ((max_price_micros IS NULL) = (max_price_currency IS NULL)),
  CHECK (credit_max_risk_ppm IS NULL OR credit_rule IS NULL
         OR credit_rule = 'withhold_risky_for_new')
) STRICT;
CREATE UNIQUE INDEX sla_tiers_key ON sla_tiers (tier, ifnull(customer_id, ''));

-- A customer's ranking defaults; NULL = none (the engine's default).
CREATE TABLE customer_preferences (
  customer_id TEXT PRIMARY KEY REFERENCES customers (customer_id),
  default_tier TEXT CHECK (default_tier <> ''),
  method TEXT CHECK (method IN ('weighted_sum', 'topsis', 'vikor')),
  weights TEXT CHECK (weights <> '')
) STRICT;
