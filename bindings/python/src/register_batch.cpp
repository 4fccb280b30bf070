// Batch pricing from Python: a book held as columns (the docs/book-format.md names) in, result
// columns out, priced on every core with the GIL released (engine: batch/book_runner.hpp). The
// pandas and Dask front ends are cargoquote/batch.py and cargoquote/dask.py.
#include "python_engine.hpp"
#include "register.hpp"

#include <cargoquote/batch/book_runner.hpp>
#include <cargoquote/core/decimal.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <chrono>
#include <cmath>
#include <exception>
#include <future>
#include <thread>

namespace py = pybind11;

namespace cargoquote::python {

namespace {

using batch::BookColumn;
using batch::RowFields;

// Column text owned for the duration of the call (RowFields are views into it).
struct ColumnText {
    std::vector<std::array<std::string, batch::kBookColumnCount>> cells;
    std::vector<RowFields> rows;
};

// None and NaN are empty; numbers and strings become their text (str() of a float is its
// shortest round-trip decimal, so 12.5 stays 12.5).
std::string cell_text(const py::handle& value) {
    if (value.is_none()) return {};
    if (py::isinstance<py::float_>(value) && std::isnan(value.cast<double>())) return {};
    return py::str(value).cast<std::string>();
}

ColumnText column_text(const py::dict& columns) {
    ColumnText out;
    std::optional<std::size_t> length;
    for (const auto& [key, values] : columns) {
        const std::string name = py::str(key).cast<std::string>();
        const auto column = batch::book_column_named(name);
        if (!column) continue;  // unknown columns are ignored, as in a CSV book
        const py::sequence seq = py::reinterpret_borrow<py::sequence>(values);
        if (!length) {
            length = seq.size();
            out.cells.resize(*length);
        } else if (seq.size() != *length) {
            throw InputError(ErrorCode::InvalidInput, name, "columns differ in length");
        }
        const auto c = static_cast<std::size_t>(*column);
        for (std::size_t i = 0; i < *length; ++i) out.cells[i][c] = cell_text(seq[i]);
    }
    out.rows.resize(out.cells.size());
    for (std::size_t i = 0; i < out.cells.size(); ++i) {
        for (std::size_t c = 0; c < batch::kBookColumnCount; ++c) out.rows[i].values[c] = out.cells[i][c];
    }
    return out;
}

// The result as columns, in row order (errors merged in at their row): one entry per option
// (priced or rejected) and per row that could not be read. Amounts are decimal.Decimal (exact);
// None where absent.
class ResultColumns {
public:
    ResultColumns() : decimal_(py::module_::import("decimal").attr("Decimal")) {}

    void add(const batch::RowOutcome& o) {
        row_.append(o.line);
        shipment_id_.append(o.shipment_id);
        rank_.append(o.rank);
        status_.append(o.priced() ? "priced" : "rejected");
        reason_code_.append(o.priced() ? py::object(py::none()) : py::str(o.reason_code));
        reason_.append(o.priced() ? py::object(py::none()) : py::str(o.reason));
        error_field_.append(py::none());
        carrier_.append(o.carrier ? py::object(py::str(std::string(o.carrier->view()))) : py::none());
        routing_.append(o.routing);
        flights_.append(o.flights.empty() ? py::object(py::none()) : py::str(o.flights));
        transit_minutes_.append(o.transit_minutes ? py::object(py::int_(*o.transit_minutes)) : py::none());
        score_.append(o.score ? py::object(py::float_(*o.score)) : py::none());
        const bool priced = o.priced();
        currency_.append(priced ? py::object(py::str(std::string(o.currency.view()))) : py::none());
        chargeable_kg_.append(priced ? decimal(o.chargeable_weight.in_grams(), 3, 1) : py::none());
        for (auto& [list, amount] :
             {std::pair{&weight_charge_, &o.totals.weight_charge}, {&surcharges_, &o.totals.surcharges},
              {&valuation_, &o.totals.valuation}, {&buy_total_, &o.totals.buy_total},
              {&margin_, &o.totals.margin}, {&sell_total_, &o.totals.sell_total}}) {
            list->append(priced ? money(*amount) : py::none());
        }
        const bool compared = priced && o.previous_total;
        previous_total_.append(compared ? money(*o.previous_total) : py::none());
        change_.append(compared ? money(o.totals.sell_total - *o.previous_total) : py::none());
    }

    void add(const batch::RowError& e) {
        row_.append(e.line);
        rank_.append(0);
        status_.append("error");
        reason_code_.append(std::string(error_code_name(e.code)));
        reason_.append(e.message);
        error_field_.append(e.field);
        for (py::list* l : {&shipment_id_, &carrier_, &routing_, &flights_, &transit_minutes_,
                            &score_, &currency_, &chargeable_kg_, &weight_charge_, &surcharges_,
                            &valuation_, &buy_total_, &margin_, &sell_total_, &previous_total_,
                            &change_}) {
            l->append(py::none());
        }
    }

    [[nodiscard]] py::dict dict() const {
        py::dict out;
        const std::pair<const char*, const py::list*> columns[] = {
            {"row", &row_},           {"shipment_id", &shipment_id_},
            {"rank", &rank_},         {"status", &status_},
            {"reason_code", &reason_code_}, {"reason", &reason_},
            {"error_field", &error_field_}, {"carrier", &carrier_},
            {"routing", &routing_},   {"flights", &flights_},
            {"transit_minutes", &transit_minutes_}, {"score", &score_},
            {"currency", &currency_}, {"chargeable_kg", &chargeable_kg_},
            {"weight_charge", &weight_charge_}, {"surcharges", &surcharges_},
            {"valuation", &valuation_}, {"buy_total", &buy_total_},
            {"margin", &margin_},     {"sell_total", &sell_total_},
            {"previous_total", &previous_total_}, {"change", &change_}};
        for (const auto& [name, list] : columns) out[name] = *list;
        return out;
    }

private:
    py::object decimal(std::int64_t value, int scale, int min_decimals) const {
        std::string text;
        append_scaled_decimal(text, value, scale, min_decimals);
        return decimal_(text);
    }
    py::object money(const Money& m) const {
        return decimal(m.micros(), Money::kScale, m.currency().minor_unit_digits());
    }

    py::object decimal_;
    py::list row_, shipment_id_, rank_, status_, reason_code_, reason_, error_field_, carrier_,
        routing_, flights_, transit_minutes_, score_, currency_, chargeable_kg_, weight_charge_,
        surcharges_, valuation_, buy_total_, margin_, sell_total_, previous_total_, change_;
};

py::dict result_columns(const batch::PricedRows& priced) {
    ResultColumns out;
    auto error = priced.errors.begin();
    for (const batch::RowOutcome& o : priced.outcomes) {
        for (; error != priced.errors.end() && error->line < o.line; ++error) out.add(*error);
        out.add(o);
    }
    for (; error != priced.errors.end(); ++error) out.add(*error);
    return out.dict();
}

batch::BatchSettings settings_from(const std::string& mode, const std::optional<std::string>& as_of,
                                   int top_k, const std::optional<std::string>& sla,
                                   const std::optional<std::string>& method,
                                   const std::optional<std::string>& weights) {
    batch::BatchSettings s;
    if (mode == "reprice") {
        s.mode = batch::BatchMode::Reprice;
    } else if (mode == "requote") {
        s.mode = batch::BatchMode::Requote;
    } else {
        throw InputError(ErrorCode::InvalidInput, "mode", "expected 'reprice' or 'requote'");
    }
    if (as_of) s.as_of = Date::parse(*as_of, "as_of");
    s.top_k = top_k;
    s.sla_tier = sla;
    s.method = method;
    s.weights = weights;
    return s;
}

// Prices on a worker thread while this one, without the GIL, wakes every 100 ms to report
// progress (the callback needs the GIL; the pricing never takes it).
batch::PricedRows price_with_progress(const batch::BookPricer& pricer, std::span<const RowFields> rows,
                                      int threads, const py::object& progress) {
    if (progress.is_none()) {
        py::gil_scoped_release release;
        return batch::price_rows(pricer, rows, threads);
    }
    std::atomic<std::uint64_t> done{0};
    std::future<batch::PricedRows> result = std::async(std::launch::async, [&] {
        return batch::price_rows(pricer, rows, threads, &done);
    });
    while (true) {
        bool finished = false;
        {
            py::gil_scoped_release release;
            finished = result.wait_for(std::chrono::milliseconds(100)) == std::future_status::ready;
        }
        progress(done.load(), rows.size());
        if (finished) return result.get();
    }
}

py::dict price_book(const Engine& engine, const py::dict& columns, const std::string& mode,
                    const std::optional<std::string>& as_of, int top_k,
                    const std::optional<std::string>& sla, const std::optional<std::string>& method,
                    const std::optional<std::string>& weights, int threads, const py::object& progress) {
    const batch::BookPricer pricer(
        std::shared_ptr<const QuoteEngine>(std::shared_ptr<const void>(), &engine.quote_engine()),
        settings_from(mode, as_of, top_k, sla, method, weights));
    const ColumnText text = column_text(columns);
    const batch::PricedRows priced = price_with_progress(pricer, text.rows, threads, progress);
    return result_columns(priced);
}

}  // namespace

void register_batch(py::module_& m) {
    auto engine = py::reinterpret_borrow<py::class_<Engine>>(m.attr("Engine"));
    engine.def("_price_book", &price_book, py::arg("columns"), py::arg("mode"), py::arg("as_of"),
               py::arg("top_k"), py::arg("sla"), py::arg("method"), py::arg("weights"),
               py::arg("threads"), py::arg("progress"),
               R"doc(Price a book held as columns; the engine of quote_batch and reprice_batch.

columns maps docs/book-format.md column names to equal-length sequences (None/NaN = empty).
Returns a dict of result columns: one entry per option (status priced/rejected) and per row that
could not be read (status error, with reason_code, reason and error_field). Prices on `threads`
threads (0 = every core) with the GIL released; progress(done, total) is called about every
100 ms when given.)doc");
}

}  // namespace cargoquote::python
