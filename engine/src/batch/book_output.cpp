#include <fmt/format.h>

#include <cargoquote/batch/book_output.hpp>
#include <cargoquote/core/decimal.hpp>

namespace cargoquote::batch {

namespace {

// RFC 4180: quote a field holding a comma, quote or line break.
void append_field(std::string& out, std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += value;
        return;
    }
    out += '"';
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_money(std::string& out, const Money& m) {
    append_scaled_decimal(out, m.micros(), Money::kScale, m.currency().minor_unit_digits());
}

}  // namespace

std::string_view output_header() noexcept {
    return "line,shipment_id,rank,status,reason_code,carrier,routing,flights,transit_minutes,"
           "currency,chargeable_kg,weight_charge,surcharges,valuation,buy_total,margin,sell_total,"
           "previous_total,change,change_percent\n";
}

std::string_view errors_header() noexcept { return "line,shipment_id,column,field,code,message\n"; }

std::string change_percent_text(const Money& change, const Money& previous) {
    if (previous.is_zero()) return "";
    // Hundredths of a percent, rounded half away from zero, in exact integer arithmetic.
    Int128 numerator = Int128(change.micros()) * 10000;
    Int128 divisor = previous.micros();
    if (divisor < 0) {
        numerator = -numerator;
        divisor = -divisor;
    }
    const Int128 hundredths = divide_round_half_up(numerator, divisor);
    const bool negative = hundredths < 0;
    const Int128 magnitude = negative ? -hundredths : hundredths;
    const auto whole = static_cast<std::int64_t>(magnitude / 100);
    const auto cents = static_cast<std::int64_t>(magnitude % 100);
    return fmt::format("{}{}.{:02d}", negative ? "-" : "", whole, cents);
}

void append_outcome_csv(std::string& out, const RowOutcome& o) {
    append_scaled_decimal(out, static_cast<std::int64_t>(o.line), 0, 0);
    out += ',';
    append_field(out, o.shipment_id);
    out += ',';
    append_scaled_decimal(out, o.rank, 0, 0);
    out += o.priced() ? ",priced," : ",rejected,";
    if (o.reason_code) out += rejection_reason_name(*o.reason_code);
    out += ',';
    if (o.carrier) out += o.carrier->view();
    out += ',';
    append_field(out, o.routing);
    out += ',';
    append_field(out, o.flights);
    out += ',';
    if (o.transit_minutes) fmt::format_to(std::back_inserter(out), "{}", *o.transit_minutes);
    out += ',';
    if (!o.priced()) {
        out += ",,,,,,,,,,\n";
        return;
    }
    out += o.currency.view();
    out += ',';
    append_scaled_decimal(out, o.chargeable_weight.in_grams(), 3, 1);
    for (const Money* m : {&o.totals.weight_charge, &o.totals.surcharges, &o.totals.valuation,
                           &o.totals.buy_total, &o.totals.margin, &o.totals.sell_total}) {
        out += ',';
        append_money(out, *m);
    }
    out += ',';
    if (o.previous_total) {
        const Money change = o.totals.sell_total - *o.previous_total;
        append_money(out, *o.previous_total);
        out += ',';
        append_money(out, change);
        out += ',';
        out += change_percent_text(change, *o.previous_total);
    } else {
        out += ",,";
    }
    out += '\n';
}

void append_error_csv(std::string& out, const RowError& e) {
    fmt::format_to(std::back_inserter(out), "{},", e.line);
    append_field(out, e.shipment_id);
    fmt::format_to(std::back_inserter(out), ",{},", e.column);
    append_field(out, e.field);
    out += ',';
    out += error_code_name(e.code);
    out += ',';
    append_field(out, e.message);
    out += '\n';
}

}  // namespace cargoquote::batch
