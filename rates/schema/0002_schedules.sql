-- Schedules and handling (rates/README.md, "Schedules and handling (network)"). Times of day are
-- INTEGER minutes after local midnight, durations INTEGER minutes, lengths INTEGER micrometres,
-- weights INTEGER grams, ratios INTEGER parts per million, dates TEXT 'YYYY-MM-DD'.
-- NULL carrier or airport scope = any (ZZZ).

-- Weekly flight legs in local times. days_mask: ISO weekdays, bit 0 = Monday ... bit 6 = Sunday.
CREATE TABLE flight_legs (
  leg_id TEXT PRIMARY KEY,
  carrier TEXT NOT NULL REFERENCES carriers (code),
  flight_number TEXT NOT NULL CHECK (flight_number <> ''),
  origin TEXT NOT NULL REFERENCES airports (code),
  destination TEXT NOT NULL REFERENCES airports (code),
  departure_minute INTEGER NOT NULL CHECK (departure_minute BETWEEN 0 AND 1439),
  arrival_minute INTEGER NOT NULL CHECK (arrival_minute BETWEEN 0 AND 1439),
  arrival_day_offset INTEGER NOT NULL CHECK (arrival_day_offset BETWEEN -1 AND 3),
  days_mask INTEGER NOT NULL CHECK (days_mask BETWEEN 1 AND 127),
  effective_from TEXT NOT NULL,
  effective_to TEXT NOT NULL,
  aircraft_type TEXT NOT NULL CHECK (aircraft_type <> ''),
  aircraft_category TEXT NOT NULL
    CHECK (aircraft_category IN ('freighter', 'widebody_belly', 'narrowbody_belly')),
  CHECK (origin <> destination),
  CHECK (effective_to >= effective_from)
) STRICT;
CREATE INDEX flight_legs_by_origin ON flight_legs (origin, departure_minute, carrier, flight_number);
CREATE INDEX flight_legs_by_flight ON flight_legs (carrier, flight_number, origin, destination);

-- The largest piece each aircraft category takes.
CREATE TABLE aircraft_limits (
  aircraft_category TEXT PRIMARY KEY
    CHECK (aircraft_category IN ('freighter', 'widebody_belly', 'narrowbody_belly')),
  max_length_um INTEGER NOT NULL CHECK (max_length_um > 0),
  max_width_um INTEGER NOT NULL CHECK (max_width_um > 0),
  max_height_um INTEGER NOT NULL CHECK (max_height_um > 0),
  max_piece_weight_g INTEGER NOT NULL CHECK (max_piece_weight_g > 0)
) STRICT;

-- Special cargo a carrier refuses (no row: accepted).
CREATE TABLE carrier_restrictions (
  carrier TEXT NOT NULL REFERENCES carriers (code),
  commodity TEXT NOT NULL CHECK (commodity IN ('DGR', 'AVI', 'PER', 'VAL', 'HUM')),
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (carrier, commodity)
) STRICT;

-- Minimum connection times; the row with airport NULL is the default.
CREATE TABLE connection_times (
  airport TEXT REFERENCES airports (code),
  online_minutes INTEGER NOT NULL CHECK (online_minutes > 0),
  interline_minutes INTEGER NOT NULL CHECK (interline_minutes > 0)
) STRICT;
CREATE UNIQUE INDEX connection_times_key ON connection_times (ifnull(airport, 'ZZZ'));

-- Latest acceptance before departure and availability after arrival; NULL scope = any.
CREATE TABLE handling_times (
  carrier TEXT REFERENCES carriers (code),
  airport TEXT REFERENCES airports (code),
  cutoff_minutes INTEGER NOT NULL CHECK (cutoff_minutes > 0),
  availability_minutes INTEGER NOT NULL CHECK (availability_minutes > 0)
) STRICT;
CREATE UNIQUE INDEX handling_times_key ON handling_times (ifnull(carrier, 'ZZZ'), ifnull(airport, 'ZZZ'));

-- Carrier performance (Cargo iQ flown-as-planned, claims, offloads).
CREATE TABLE carrier_performance (
  carrier TEXT PRIMARY KEY REFERENCES carriers (code),
  flights_observed INTEGER NOT NULL CHECK (flights_observed > 0),
  flights_as_planned INTEGER NOT NULL
    CHECK (flights_as_planned >= 0 AND flights_as_planned <= flights_observed),
  damage_claim_ratio_ppm INTEGER NOT NULL CHECK (damage_claim_ratio_ppm BETWEEN 0 AND 1000000),
  offload_rate_ppm INTEGER NOT NULL CHECK (offload_rate_ppm BETWEEN 0 AND 1000000)
) STRICT;
