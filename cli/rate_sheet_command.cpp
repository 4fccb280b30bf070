#include "rate_sheet_command.hpp"

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "database_option.hpp"

namespace cargoquote::cli {

namespace {

namespace fs = std::filesystem;

rates::SheetMapping read_mapping(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(ErrorCode::FileUnreadable, "--mapping",
                         fmt::format("cannot read the mapping file '{}'", path));
    }
    const auto document = nlohmann::json::parse(in, nullptr, false);
    if (document.is_discarded()) {
        throw InputError(ErrorCode::InvalidJson, "--mapping",
                         fmt::format("'{}' is not valid JSON", path));
    }
    try {
        return rates::parse_sheet_mapping(document);
    } catch (const InputError& e) {
        throw InputError(e.code(), "--mapping", fmt::format("{}: {}", path, e.detail()));
    }
}

std::string items_text(const rates::LineDiff& d) {
    std::string out;
    for (const auto& i : d.items) {
        out += fmt::format("  {} {}->{}{}", i.item, i.before.value_or("-"), i.after.value_or("-"),
                           i.change ? fmt::format(" ({})", *i.change) : "");
    }
    return out;
}

void print_table(const rates::SheetImportResult& r) {
    std::cout << fmt::format("{}: {} rate line(s), first valid day {}\n", r.sheet,
                             r.report.total_rows(),
                             r.first_valid_day ? r.first_valid_day->iso() : "-");
    std::cout << fmt::format("{:<10} {:<7} {:<7} {:<5} {:<9} {:<3} {}\n", "change", "carrier",
                             "lane", "class", "commodity", "ccy", "per break (before->after)");
    for (const auto& d : r.diff) {
        std::cout << fmt::format("{:<10} {:<7} {:<7} {:<5} {:<9} {:<3}{}\n",
                                 rates::line_change_name(d.change), d.carrier,
                                 d.origin + "-" + d.destination, d.rate_class, d.commodity,
                                 d.currency, items_text(d));
    }
    using rates::LineChange;
    std::cout << fmt::format(
        "{} new, {} removed, {} increased, {} decreased, {} unchanged, {} changed\n",
        r.count(LineChange::New), r.count(LineChange::Removed), r.count(LineChange::Increased),
        r.count(LineChange::Decreased), r.count(LineChange::Unchanged),
        r.count(LineChange::Changed));
    for (const auto& e : r.ended) {
        std::cout << fmt::format("ends {} on {}\n", e.line_id, e.valid_to.iso());
    }
}

}  // namespace

bool is_workbook_path(const std::string& path) {
    return fs::path(path).extension() == ".xlsx" && !fs::is_directory(path);
}

int run_sheet_import(const SheetImportOptions& o) {
    if (o.mapping.empty()) {
        throw InputError(ErrorCode::MissingField, "--mapping",
                         "importing a workbook needs --mapping MAP.json (propose one with "
                         "'cargoquote rates map SHEET.xlsx')");
    }
    const auto mapping = read_mapping(o.mapping);
    const fs::path db = resolve_database(o.db);
    // A sheet's lines refer to airports and carriers: the database must hold them already.
    auto store = o.dry_run ? rates::RateStore::open_read_only(db)
                           : (fs::exists(db) ? rates::RateStore::open_for_import(db)
                                             : rates::RateStore::open_read_only(db));
    const auto result = store.import_sheet(o.workbook, mapping, o.dry_run);
    if (o.json) {
        std::cout << to_json(result).dump(2) << "\n";
    } else {
        for (const auto& issue : result.report.errors) {
            std::cerr << fmt::format("{}: {}\n", issue.location(), issue.message);
        }
        if (result.report.ok()) print_table(result);
    }
    if (!result.report.ok()) {
        throw RateStoreError(
            ErrorCode::ImportRejected, {},
            fmt::format("{} error(s); nothing was written", result.report.errors.size()));
    }
    if (!o.json) {
        std::cout << (o.dry_run ? fmt::format("dry run: nothing written to {}\n", db.string())
                                : fmt::format("imported {} rate line(s) into {}\n",
                                              result.report.total_rows(), db.string()));
    }
    return 0;
}

int run_sheet_map(const std::string& workbook, const std::string& sheet) {
    const auto book = rates::Workbook::open(workbook);
    std::cout << to_json(rates::propose_sheet_mapping(book, sheet)).dump(2) << "\n";
    return 0;
}

}  // namespace cargoquote::cli
