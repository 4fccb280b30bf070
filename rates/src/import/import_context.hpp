#pragma once
// What the readers of every CSV file share: the rows accepted so far, what the database already
// holds, the codes known from both, and the checks several tables make (duplicate keys, validity
// windows, references to airports, carriers and customers).

#include <algorithm>
#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/rates/import_report.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "row_reader.hpp"

namespace cargoquote::rates {

inline constexpr std::string_view kAny = "ZZZ";

// Keys other tables refer to, from the database and from the rows accepted so far.
struct KnownKeys {
    std::set<std::string> airports;
    std::set<std::string> carriers;
    std::set<std::string> customers;
    std::map<std::string, std::string> time_zones;  // airport code -> IANA zone
    std::set<std::string> tiers;                    // SLA tiers defined (rows without a customer)
    // The credit rule of each defined tier whose rule is known (unset = none).
    std::map<std::string, selection::CreditRule> tier_credit_rules;
};

struct ImportContext {
    ImportContext(const RateBookData& existing, RateBookData& rows,
                  std::vector<ImportIssue>& issues);

    const RateBookData& existing;  // the database's content before the import
    RateBookData& rows;            // what the files add or replace
    std::vector<ImportIssue>& issues;
    KnownKeys known;
};

// Reads the rows of one CSV file into ImportContext::rows. Readers keep a row only when it has no
// fault, and report every fault of it.
class TableReader {
  public:
    explicit TableReader(ImportContext& context) : context_(context) {}
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;
    virtual ~TableReader() = default;

    // `r` is a row with as many fields as the header.
    virtual void read_row(RowReader& r) = 0;
    // Checks that need the whole file (overlapping validity, references to later rows).
    virtual void finish() {}

  protected:
    [[nodiscard]] const RateBookData& existing() const { return context_.existing; }
    [[nodiscard]] RateBookData& rows() { return context_.rows; }
    [[nodiscard]] KnownKeys& known() { return context_.known; }
    [[nodiscard]] std::vector<ImportIssue>& issues() { return context_.issues; }

    // False, with a duplicate-key issue, when `key` came earlier in this file.
    bool first_time(RowReader& r, std::string_view column, const std::string& key);
    // True, with a duplicate-key issue, when a stored row matches.
    template <typename Stored, typename Match>
    bool in_database(RowReader& r, std::string_view column, const std::string& key,
                     const Stored& stored, Match match) {
        if (std::none_of(stored.begin(), stored.end(), match)) return false;
        report_in_database(r, column, key);
        return true;
    }
    static void report_in_database(RowReader& r, std::string_view column, const std::string& key);

    // A required airport code that exists. `ZZZ` (any) gives nullopt, sets `*is_any`, and is an
    // error unless `allow_any`.
    std::optional<AirportCode> known_airport(RowReader& r, std::string_view column, bool allow_any,
                                             bool* is_any = nullptr);
    // A required carrier code that exists; `ZZZ` as for airports.
    std::optional<CarrierCode> known_carrier(RowReader& r, std::string_view column, bool allow_any);
    // A required customer id that exists.
    std::optional<std::string> known_customer(RowReader& r, std::string_view column);

  private:
    ImportContext& context_;
    std::set<std::string> keys_seen_;
};

// `to` must not be before `from` (validity windows are inclusive).
void check_window(RowReader& r, const std::optional<Date>& from, const std::optional<Date>& to,
                  std::string_view from_column = "valid_from",
                  std::string_view to_column = "valid_to");
// A lane needs two airports.
void check_distinct(RowReader& r, const std::optional<AirportCode>& origin,
                    const std::optional<AirportCode>& destination);

}  // namespace cargoquote::rates
