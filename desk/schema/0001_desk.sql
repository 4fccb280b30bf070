-- The quote desk's own database (separate from the rate database).
-- Instants are INTEGER Unix seconds in UTC ("*_at"); calendar dates are TEXT 'YYYY-MM-DD';
-- money is INTEGER micro-units (1e-6 of the major unit) beside its ISO 4217 currency code.
-- Nothing is ever deleted or overwritten: the triggers at the end refuse it, so the audit trail
-- and every quote shown stay as they were written. The one permitted change is a user's `active`
-- flag going from 1 to 0.

CREATE TABLE users (
  user_id INTEGER PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('staff', 'customer', 'admin')),
  name TEXT NOT NULL CHECK (length(name) > 0),
  -- Exactly the customer users are bound to a customer.
  customer_id TEXT CHECK ((role = 'customer') = (customer_id IS NOT NULL)),
  -- SHA-256 of the bearer token; the token itself is never stored.
  token_sha256 BLOB NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE inquiries (
  inquiry_id INTEGER PRIMARY KEY,
  request_json TEXT NOT NULL CHECK (json_valid(request_json)),
  customer_id TEXT,
  channel TEXT NOT NULL CHECK (channel IN ('staff', 'self_service')),
  taken_by INTEGER NOT NULL REFERENCES users (user_id),
  received_at INTEGER NOT NULL,
  origin TEXT NOT NULL CHECK (length(origin) = 3),
  destination TEXT NOT NULL CHECK (length(destination) = 3),
  rate_snapshot TEXT NOT NULL CHECK (length(rate_snapshot) > 0)
) STRICT;
CREATE INDEX inquiries_by_customer ON inquiries (customer_id, inquiry_id);
CREATE INDEX inquiries_by_agent ON inquiries (taken_by, inquiry_id);
CREATE INDEX inquiries_by_received ON inquiries (received_at);

-- Every option shown for an inquiry, as ranked by the engine. Totals are in the quote currency.
CREATE TABLE quoted_options (
  inquiry_id INTEGER NOT NULL REFERENCES inquiries (inquiry_id),
  rank INTEGER NOT NULL CHECK (rank >= 1),
  carrier TEXT NOT NULL CHECK (length(carrier) = 2),
  routing TEXT NOT NULL,
  transit_minutes INTEGER CHECK (transit_minutes >= 0),  -- NULL: rate-line quote, no schedule
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  sell_total_micros INTEGER NOT NULL,
  buy_total_micros INTEGER NOT NULL,
  margin_micros INTEGER NOT NULL CHECK (margin_micros = sell_total_micros - buy_total_micros),
  offer_valid_from TEXT NOT NULL,
  offer_valid_to TEXT NOT NULL CHECK (offer_valid_to >= offer_valid_from),
  option_json TEXT NOT NULL CHECK (json_valid(option_json)),
  -- What the customer may see (sell_view.hpp): no buy price, margin or rate-line id.
  sell_view_json TEXT NOT NULL CHECK (json_valid(sell_view_json)),
  PRIMARY KEY (inquiry_id, rank)
) STRICT;

-- The rate lines an option was priced on: one for an on-line option, one per sector interline.
CREATE TABLE option_rate_lines (
  inquiry_id INTEGER NOT NULL,
  rank INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  line_id TEXT NOT NULL,
  sheet TEXT NOT NULL,
  version TEXT NOT NULL,
  PRIMARY KEY (inquiry_id, rank, position),
  FOREIGN KEY (inquiry_id, rank) REFERENCES quoted_options (inquiry_id, rank)
) STRICT;

-- One quote per inquiry (UNIQUE inquiry_id): sending ends the handling time.
CREATE TABLE quotes (
  quote_id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  inquiry_id INTEGER NOT NULL UNIQUE REFERENCES inquiries (inquiry_id),
  sent_by INTEGER NOT NULL REFERENCES users (user_id),
  sent_at INTEGER NOT NULL,
  offer_valid_from TEXT NOT NULL,
  offer_valid_to TEXT NOT NULL CHECK (offer_valid_to >= offer_valid_from),
  UNIQUE (quote_id, inquiry_id)  -- the target of quote_options' foreign key
) STRICT;

-- The options a quote offers, each one of its inquiry's quoted options.
CREATE TABLE quote_options (
  quote_id INTEGER NOT NULL,
  inquiry_id INTEGER NOT NULL,
  rank INTEGER NOT NULL,
  PRIMARY KEY (quote_id, rank),
  FOREIGN KEY (quote_id, inquiry_id) REFERENCES quotes (quote_id, inquiry_id),
  FOREIGN KEY (inquiry_id, rank) REFERENCES quoted_options (inquiry_id, rank)
) STRICT;

-- At most one booking per quote (UNIQUE quote_id), of an option the quote offers.
CREATE TABLE bookings (
  booking_id INTEGER PRIMARY KEY,
  quote_id INTEGER NOT NULL UNIQUE,
  rank INTEGER NOT NULL,
  booked_by INTEGER NOT NULL REFERENCES users (user_id),
  booked_at INTEGER NOT NULL,
  FOREIGN KEY (quote_id, rank) REFERENCES quote_options (quote_id, rank)
) STRICT;

-- Every state change, in order. user_id NULL: done at the machine (the command line), no user.
CREATE TABLE audit_events (
  event_id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER REFERENCES users (user_id),
  entity TEXT NOT NULL CHECK (entity IN ('user', 'inquiry', 'quote', 'booking')),
  entity_id INTEGER NOT NULL,
  event TEXT NOT NULL CHECK (event IN ('user_added', 'user_deactivated', 'inquiry_received',
                                       'quote_sent', 'booking_made')),
  detail_json TEXT NOT NULL CHECK (json_valid(detail_json))
) STRICT;
CREATE INDEX audit_events_by_entity ON audit_events (entity, entity_id, event_id);

-- Append-only tables: no row is changed or removed once written.
CREATE TRIGGER inquiries_no_update BEFORE UPDATE ON inquiries
BEGIN SELECT RAISE(ABORT, 'inquiries are append-only'); END;
CREATE TRIGGER inquiries_no_delete BEFORE DELETE ON inquiries
BEGIN SELECT RAISE(ABORT, 'inquiries are append-only'); END;
CREATE TRIGGER quoted_options_no_update BEFORE UPDATE ON quoted_options
BEGIN SELECT RAISE(ABORT, 'quoted_options are append-only'); END;
CREATE TRIGGER quoted_options_no_delete BEFORE DELETE ON quoted_options
BEGIN SELECT RAISE(ABORT, 'quoted_options are append-only'); END;
CREATE TRIGGER option_rate_lines_no_update BEFORE UPDATE ON option_rate_lines
BEGIN SELECT RAISE(ABORT, 'option_rate_lines are append-only'); END;
CREATE TRIGGER option_rate_lines_no_delete BEFORE DELETE ON option_rate_lines
BEGIN SELECT RAISE(ABORT, 'option_rate_lines are append-only'); END;
CREATE TRIGGER quotes_no_update BEFORE UPDATE ON quotes
BEGIN SELECT RAISE(ABORT, 'quotes are append-only'); END;
CREATE TRIGGER quotes_no_delete BEFORE DELETE ON quotes
BEGIN SELECT RAISE(ABORT, 'quotes are append-only'); END;
CREATE TRIGGER quote_options_no_update BEFORE UPDATE ON quote_options
BEGIN SELECT RAISE(ABORT, 'quote_options are append-only'); END;
CREATE TRIGGER quote_options_no_delete BEFORE DELETE ON quote_options
BEGIN SELECT RAISE(ABORT, 'quote_options are append-only'); END;
CREATE TRIGGER bookings_no_update BEFORE UPDATE ON bookings
BEGIN SELECT RAISE(ABORT, 'bookings are append-only'); END;
CREATE TRIGGER bookings_no_delete BEFORE DELETE ON bookings
BEGIN SELECT RAISE(ABORT, 'bookings are append-only'); END;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events are append-only'); END;

-- Users are never deleted; of their columns only `active` changes, and only from 1 to 0.
CREATE TRIGGER users_no_delete BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'users are never deleted'); END;
CREATE TRIGGER users_only_deactivate BEFORE UPDATE ON users
WHEN NEW.user_id IS NOT OLD.user_id OR NEW.role IS NOT OLD.role OR NEW.name IS NOT OLD.name
  OR NEW.customer_id IS NOT OLD.customer_id OR NEW.token_sha256 IS NOT OLD.token_sha256
  OR NEW.created_at IS NOT OLD.created_at OR NEW.active > OLD.active
BEGIN SELECT RAISE(ABORT, 'a user can only be deactivated'); END;
