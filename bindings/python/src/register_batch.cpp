// Batch pricing from Python: a shipment book held as columns (the docs/shipment-book-format.md
// names) in, result columns out, priced on every core with the GIL released (engine:
// batch/book_runner.hpp). The pandas and Dask front ends are cargoquote/batch.py and
// cargoquote/dask.py.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cargoquote/batch/book_output.hpp>
#include <cargoquote/batch/book_runner.hpp>
#include <cargoquote/core/decimal.hpp>
#include <chrono>
#include <cmath>
#include <exception>
#include <future>
#include <limits>
#include <map>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "python_engine.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace cargoquote::python {

namespace {

using batch::BookColumn;
using batch::RowFields;

// The shipment book's cells as text for the engine, without copying strings: a str cell is viewed
// in place (CPython keeps a str's UTF-8 form, and for ASCII that is its own storage), other values
// through their str(). The objects viewed are owned here, so the views stay valid while the
// pricing runs without the GIL even if the caller's lists change meanwhile.
struct ColumnText {
    std::vector<py::tuple> columns;  // each column's cells as given
    std::vector<py::str> converted;  // str() of the cells that were not str
    std::vector<RowFields> rows;
};

std::string_view utf8_view(PyObject* text) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(text, &size);
    if (data == nullptr) throw py::error_already_set();
    return {data, static_cast<std::size_t>(size)};
}

// None and NaN are empty; numbers and other objects become their str() (str() of a float is its
// shortest round-trip decimal, so 12.5 stays 12.5).
std::string_view cell_text(PyObject* value, std::vector<py::str>& converted) {
    if (value == Py_None) return {};
    if (PyUnicode_Check(value)) return utf8_view(value);
    if (PyFloat_Check(value) && std::isnan(PyFloat_AS_DOUBLE(value))) return {};
    converted.push_back(py::str(value));
    return utf8_view(converted.back().ptr());
}

ColumnText column_text(const py::dict& columns) {
    ColumnText out;
    std::optional<std::size_t> length;
    for (const auto& [key, values] : columns) {
        const std::string name = py::str(key).cast<std::string>();
        const auto column = batch::book_column_named(name);
        if (!column) continue;  // unknown columns are ignored, as in a CSV book
        py::tuple cells = py::reinterpret_steal<py::tuple>(PySequence_Tuple(values.ptr()));
        if (!cells) throw py::error_already_set();
        const std::size_t n = cells.size();
        if (!length) {
            length = n;
            out.rows.resize(n);
        } else if (n != *length) {
            throw InputError(ErrorCode::InvalidInput, name, "columns differ in length");
        }
        const auto c = static_cast<std::size_t>(*column);
        for (std::size_t i = 0; i < n; ++i) {
            out.rows[i].values[c] = cell_text(PyTuple_GET_ITEM(cells.ptr(), i), out.converted);
        }
        out.columns.push_back(std::move(cells));
    }
    return out;
}

// One result column as a numpy object array, each cell set once. pandas takes an object array
// as it is, where from a list it would first inspect every element (about a microsecond per
// Decimal, most of the cost of a large batch).
class ObjectColumn {
  public:
    explicit ObjectColumn(std::size_t n)
        : array_(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)}),
          cells_(static_cast<PyObject**>(array_.mutable_data())) {}

    void set(std::size_t i, py::object value) {
        PyObject* previous = cells_[i];  // NULL in a fresh array
        cells_[i] = value.release().ptr();
        Py_XDECREF(previous);
    }
    [[nodiscard]] const py::array& array() const { return array_; }

  private:
    py::array array_;
    PyObject** cells_;
};

// The result as columns, in row order (errors merged in at their row): one entry per option
// (priced or rejected) and per row that could not be read. Amounts are decimal.Decimal (exact);
// None where absent. Columns hold the types pandas would infer from lists of the same values:
// row and rank int64, score float64 (NaN when absent) unless no row has one.
class ResultColumns {
  public:
    explicit ResultColumns(std::size_t n)
        : decimal_(py::module_::import("decimal").attr("Decimal")),
          row_(n),
          rank_(n),
          score_(n, std::numeric_limits<double>::quiet_NaN()),
          shipment_id_(n),
          status_(n),
          reason_code_(n),
          reason_(n),
          error_field_(n),
          carrier_(n),
          routing_(n),
          flights_(n),
          transit_minutes_(n),
          currency_(n),
          chargeable_kg_(n),
          weight_charge_(n),
          surcharges_(n),
          valuation_(n),
          buy_total_(n),
          margin_(n),
          sell_total_(n),
          previous_total_(n),
          change_(n),
          change_percent_(n) {}

    void add(const batch::RowOutcome& o) {
        const std::size_t i = next_++;
        row_[i] = static_cast<std::int64_t>(o.line);
        rank_[i] = o.rank;
        const bool priced = o.priced();
        shipment_id_.set(i, text(o.shipment_id));
        status_.set(i, priced ? priced_ : rejected_);
        reason_code_.set(i, priced ? none() : text(rejection_reason_name(*o.reason_code)));
        reason_.set(i, priced ? none() : text(o.reason));
        error_field_.set(i, none());
        carrier_.set(i, o.carrier ? code(o.carrier->view()) : none());
        routing_.set(i, o.routing.empty() ? empty_ : text(o.routing));
        flights_.set(i, o.flights.empty() ? none() : text(o.flights));
        transit_minutes_.set(i, o.transit_minutes ? py::reinterpret_steal<py::object>(
                                                        PyLong_FromLong(*o.transit_minutes))
                                                  : none());
        if (o.score) {
            score_[i] = *o.score;
            any_score_ = true;
        }
        currency_.set(i, priced ? code(o.currency.view()) : none());
        chargeable_kg_.set(i, priced ? kilograms(o.chargeable_weight) : none());
        for (auto& [column, amount] : {std::pair{&weight_charge_, &o.totals.weight_charge},
                                       {&surcharges_, &o.totals.surcharges},
                                       {&valuation_, &o.totals.valuation},
                                       {&buy_total_, &o.totals.buy_total},
                                       {&margin_, &o.totals.margin},
                                       {&sell_total_, &o.totals.sell_total}}) {
            column->set(i, priced ? money(*amount) : none());
        }
        const bool compared = priced && o.previous_total;
        previous_total_.set(i, compared ? money(*o.previous_total) : none());
        const Money change = compared ? o.totals.sell_total - *o.previous_total : Money{};
        change_.set(i, compared ? money(change) : none());
        change_percent_.set(i, compared ? percent(change, *o.previous_total) : none());
    }

    void add(const batch::RowError& e) {
        const std::size_t i = next_++;
        row_[i] = static_cast<std::int64_t>(e.line);
        rank_[i] = 0;
        shipment_id_.set(i, e.shipment_id.empty() ? none() : text(e.shipment_id));
        status_.set(i, error_);
        reason_code_.set(i, code(error_code_name(e.code)));
        reason_.set(i, text(e.message));
        error_field_.set(i, text(e.field));
        for (ObjectColumn* c :
             {&carrier_, &routing_, &flights_, &transit_minutes_, &currency_, &chargeable_kg_,
              &weight_charge_, &surcharges_, &valuation_, &buy_total_, &margin_, &sell_total_,
              &previous_total_, &change_, &change_percent_}) {
            c->set(i, none());
        }
    }

    [[nodiscard]] py::dict dict() const {
        py::dict out;
        out["row"] = int_column(row_);
        out["shipment_id"] = shipment_id_.array();
        out["rank"] = int_column(rank_);
        const std::pair<const char*, const ObjectColumn*> columns[] = {
            {"status", &status_},
            {"reason_code", &reason_code_},
            {"reason", &reason_},
            {"error_field", &error_field_},
            {"carrier", &carrier_},
            {"routing", &routing_},
            {"flights", &flights_},
            {"transit_minutes", &transit_minutes_},
            {"currency", &currency_},
            {"chargeable_kg", &chargeable_kg_},
            {"weight_charge", &weight_charge_},
            {"surcharges", &surcharges_},
            {"valuation", &valuation_},
            {"buy_total", &buy_total_},
            {"margin", &margin_},
            {"sell_total", &sell_total_},
            {"previous_total", &previous_total_},
            {"change", &change_},
            {"change_percent", &change_percent_}};
        for (const auto& [name, column] : columns) out[name] = column->array();
        out["score"] = score_column();
        return out;
    }

  private:
    static py::object none() { return py::none(); }
    static py::object text(std::string_view s) {
        return py::reinterpret_steal<py::object>(
            PyUnicode_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size())));
    }
    // Carrier, currency and error codes repeat on every row: one str object for each.
    py::object code(std::string_view s) {
        auto found = codes_.find(s);
        if (found == codes_.end()) found = codes_.emplace(std::string(s), text(s)).first;
        return found->second;
    }
    py::object decimal(std::int64_t value, int scale, int min_decimals) {
        buffer_.clear();
        append_scaled_decimal(buffer_, value, scale, min_decimals);
        PyObject* result = PyObject_CallOneArg(decimal_.ptr(), text(buffer_).ptr());
        if (result == nullptr) throw py::error_already_set();
        return py::reinterpret_steal<py::object>(result);
    }
    // A shipment book repeats few distinct weights and many zero amounts (valuation): one Decimal
    // for each, shared, since a Decimal is immutable.
    py::object kilograms(Mass m) {
        auto [found, added] = kilograms_.try_emplace(m.in_grams());
        if (added) found->second = decimal(m.in_grams(), 3, 1);
        return found->second;
    }
    // The CLI's change_percent (book_output.hpp) as a Decimal; None against a zero total.
    py::object percent(const Money& change, const Money& previous) {
        const std::string hundredths = batch::change_percent_text(change, previous);
        if (hundredths.empty()) return none();
        PyObject* result = PyObject_CallOneArg(decimal_.ptr(), text(hundredths).ptr());
        if (result == nullptr) throw py::error_already_set();
        return py::reinterpret_steal<py::object>(result);
    }
    py::object money(const Money& m) {
        const int digits = m.currency().minor_unit_digits();
        if (m.is_zero() && digits >= 0 && digits < static_cast<int>(zeros_.size())) {
            py::object& zero = zeros_[static_cast<std::size_t>(digits)];
            if (!zero) zero = decimal(0, Money::kScale, digits);
            return zero;
        }
        return decimal(m.micros(), Money::kScale, digits);
    }
    static py::array int_column(const std::vector<std::int64_t>& values) {
        return py::array_t<std::int64_t>(static_cast<py::ssize_t>(values.size()), values.data());
    }
    [[nodiscard]] py::object score_column() const {
        if (any_score_)
            return py::array_t<double>(static_cast<py::ssize_t>(score_.size()), score_.data());
        ObjectColumn nothing(score_.size());
        for (std::size_t i = 0; i < score_.size(); ++i) nothing.set(i, none());
        return nothing.array();
    }

    py::object decimal_;
    py::str priced_{"priced"}, rejected_{"rejected"}, error_{"error"}, empty_{""};
    std::map<std::string, py::object, std::less<>> codes_;
    std::unordered_map<std::int64_t, py::object> kilograms_;
    std::array<py::object, Money::kScale + 1> zeros_;  // by minor-unit digits
    std::string buffer_;
    std::size_t next_ = 0;
    std::vector<std::int64_t> row_, rank_;
    std::vector<double> score_;
    bool any_score_ = false;
    ObjectColumn shipment_id_, status_, reason_code_, reason_, error_field_, carrier_, routing_,
        flights_, transit_minutes_, currency_, chargeable_kg_, weight_charge_, surcharges_,
        valuation_, buy_total_, margin_, sell_total_, previous_total_, change_, change_percent_;
};

py::dict result_columns(const batch::PricedRows& priced) {
    const std::size_t n = priced.outcomes.size() + priced.errors.size();
    if (n == 0) {  // empty lists, from which pandas makes the same empty frame as before
        py::dict empty;
        for (const char* name : {"row",         "shipment_id",     "rank",
                                 "status",      "reason_code",     "reason",
                                 "error_field", "carrier",         "routing",
                                 "flights",     "transit_minutes", "score",
                                 "currency",    "chargeable_kg",   "weight_charge",
                                 "surcharges",  "valuation",       "buy_total",
                                 "margin",      "sell_total",      "previous_total",
                                 "change",      "change_percent"}) {
            empty[name] = py::list();
        }
        return empty;
    }
    ResultColumns out(n);
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
    s.mode = batch::parse_batch_mode(mode, "mode");
    if (as_of) s.as_of = Date::parse(*as_of, "as_of");
    s.top_k = top_k;
    s.sla_tier = sla;
    if (method) s.method = selection::require_ranking_method(*method, "method");
    if (weights) s.weights = selection::CriterionWeights::parse(*weights, "weights");
    return s;
}

// Prices on a worker thread while this one, without the GIL, wakes every 100 ms to report
// progress (the callback needs the GIL; the pricing never takes it).
batch::PricedRows price_with_progress(const batch::BookPricer& pricer,
                                      std::span<const RowFields> rows, int threads,
                                      const py::object& progress) {
    if (progress.is_none()) {
        py::gil_scoped_release release;
        return batch::price_rows(pricer, rows, threads);
    }
    std::atomic<std::uint64_t> done{0};
    std::future<batch::PricedRows> result = std::async(
        std::launch::async, [&] { return batch::price_rows(pricer, rows, threads, &done); });
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
                    const std::optional<std::string>& weights, int threads,
                    const py::object& progress) {
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
    engine.def(
        "_price_book", &price_book, py::arg("columns"), py::arg("mode"), py::arg("as_of"),
        py::arg("top_k"), py::arg("sla"), py::arg("method"), py::arg("weights"), py::arg("threads"),
        py::arg("progress"),
        R"doc(Price a shipment book held as columns; the engine of quote_batch and reprice_batch.

columns maps docs/shipment-book-format.md column names to equal-length sequences (None/NaN = empty).
Returns a dict of result columns: one entry per option (status priced/rejected) and per row that
could not be read (status error, with reason_code, reason and error_field). The columns are numpy
arrays (row and rank int64, score float64 when any row has one, the others object), empty lists
when there are no rows. Prices on `threads`
threads (0 = every core) with the GIL released; progress(done, total) is called about every
100 ms when given.)doc");
}

}  // namespace cargoquote::python
