// `cargoquote quote`: builds a QuoteRequest from options (or a JSON request file), quotes it on
// the rate database and prints a table or the JSON result.
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "customer_quote_text.hpp"
#include "database_option.hpp"
#include "quote_table.hpp"

namespace cargoquote::cli {

namespace {

struct QuoteOptions {
    std::string from, to, commodity = "GEN", ready, customer, currency, date, db, request_file,
                          declared_value;
    std::vector<std::string> pieces;
    bool json = false;
    std::string format = "table";
    std::size_t limit = 10;
    bool limit_given = false;
    std::size_t width = 0;  // 0: the terminal's, else 100
    std::string sla, method, weights;
    bool explain = false;
};

// Engine errors name JSON Pointers; on the command line the option is the clearer name.
std::string option_for(const std::string& pointer) {
    static const std::map<std::string, std::string> names = {
        {"/shipment/origin", "--from"},
        {"/shipment/destination", "--to"},
        {"/shipment/customer", "--customer"},
        {"/shipment/pieces", "--piece"},
        {"/shipment/commodity", "--commodity"},
        {"/shipment/readyTime", "--ready"},
        {"/shipment/declaredValue", "--declared-value"},
        {"/currency", "--currency"},
        {"/quoteDate", "--date"},
        {"/sla", "--sla"},
        {"/method", "--method"},
        {"/weights", "--weights"}};
    const auto it = names.find(pointer);
    if (it != names.end()) return it->second;
    if (pointer.rfind("/shipment/pieces/", 0) == 0) return "--piece";
    return pointer;
}

Money parse_declared_value(const std::string& text) {
    const auto space = text.find(' ');
    if (space == std::string::npos) {
        throw InputError(ErrorCode::InvalidNumber, "--declared-value",
                         fmt::format("'{}' is not 'AMOUNT CURRENCY' (e.g. '50000 EUR')", text));
    }
    const auto ccy = CurrencyCode::parse(text.substr(space + 1), "--declared-value");
    return Money::parse(ccy, text.substr(0, space), "--declared-value");
}

QuoteRequest request_from_options(const QuoteOptions& o) {
    QuoteRequest request;
    Shipment& s = request.shipment;
    s.origin = AirportCode::parse(o.from, "--from");
    s.destination = AirportCode::parse(o.to, "--to");
    for (const auto& spec : o.pieces) s.pieces.push_back(parse_piece_spec(spec, "--piece"));
    validate_shipment_totals(s.pieces, "--piece");
    s.commodity = Commodity::parse(o.commodity, "--commodity");
    s.ready_time = LocalDateTime::parse(o.ready, "--ready");
    if (!o.customer.empty()) s.customer_id = o.customer;
    if (!o.declared_value.empty()) s.declared_value = parse_declared_value(o.declared_value);
    if (!o.currency.empty()) request.currency = CurrencyCode::parse(o.currency, "--currency");
    if (!o.date.empty()) request.quote_date = Date::parse(o.date, "--date");
    return request;
}

void apply_selection_options(const QuoteOptions& o, QuoteRequest& request) {
    if (!o.sla.empty()) request.sla_tier = o.sla;
    if (!o.method.empty()) request.method = selection::require_ranking_method(o.method, "--method");
    if (!o.weights.empty()) {
        request.weights = selection::CriterionWeights::parse(o.weights, "--weights");
    }
    if (o.explain) request.explain = true;
}

QuoteRequest request_from_file(const std::string& path) {
    std::stringstream text;
    if (path == "-") {
        text << std::cin.rdbuf();
    } else {
        std::ifstream in(path);
        if (!in) {
            throw InputError(ErrorCode::FileUnreadable, "--request",
                             fmt::format("cannot read '{}'", path));
        }
        text << in.rdbuf();
    }
    return parse_quote_request(text.str());
}

// The terminal's width when printing to one (between 60 and 100 columns), else 100.
std::size_t output_width() {
    winsize size{};
    if (::isatty(STDOUT_FILENO) != 0 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
        size.ws_col > 0) {
        return std::clamp<std::size_t>(size.ws_col, 60, 100);
    }
    return 100;
}

int run_quote(const QuoteOptions& o) {
    const bool from_file = !o.request_file.empty();
    if (!from_file) {
        const std::pair<const char*, const std::string*> required[] = {
            {"--from", &o.from}, {"--to", &o.to}, {"--ready", &o.ready}};
        for (const auto& [name, value] : required) {
            if (value->empty()) {
                throw InputError(ErrorCode::MissingField, name,
                                 fmt::format("{} is required (or give --request FILE)", name));
            }
        }
        if (o.pieces.empty()) {
            throw InputError(ErrorCode::MissingField, "--piece",
                             "at least one --piece COUNTxLxWxH@KG is required");
        }
    }
    QuoteRequest request = from_file ? request_from_file(o.request_file) : request_from_options(o);
    apply_selection_options(o, request);
    const QuoteEngine engine(rates::load_rate_book(resolve_database(o.db)));
    QuoteResult result;
    try {
        result = engine.quote(request);
    } catch (const InputError& e) {
        if (from_file) throw;
        throw InputError(e.code(), option_for(e.field()), e.detail());
    }
    const std::size_t width = o.width != 0 ? o.width : output_width();
    if (o.json || o.format == "json") {
        std::cout << quote_result_text(result, 2) << "\n";
    } else if (o.format == "customer") {
        // A customer is offered a few options, not the whole market.
        std::cout << format_customer_quote(result, o.limit_given ? o.limit : 3, width);
    } else {
        std::cout << format_quote_table(
            result, TableOptions{.max_options = o.limit, .explain = o.explain, .width = width});
    }
    return 0;
}

}  // namespace

Action add_quote_command(CLI::App& app) {
    auto options = std::make_shared<QuoteOptions>();
    CLI::App* cmd = app.add_subcommand("quote", "Price a shipment with every carrier on the lane");
    cmd->footer(
        "Required: --from, --to, --ready and at least one --piece (or --request FILE).\n\n"
        "Example:\n"
        "  cargoquote quote --db sample.db --from PVG --to FRA --piece 3x120x80x100@250 \\\n"
        "      --ready 2026-11-26T10:00 --customer ACME-DE --sla standard --currency EUR\n"
        "  (add --format customer for the quote to send, --json for the full document)");
    std::vector<CLI::Option*> shipment_options;
    shipment_options.push_back(
        cmd->add_option("--from", options->from, "REQUIRED Origin airport (IATA), e.g. PVG"));
    shipment_options.push_back(
        cmd->add_option("--to", options->to, "REQUIRED Destination airport (IATA), e.g. FRA"));
    shipment_options.push_back(cmd->add_option(
        "--piece", options->pieces,
        "REQUIRED Pieces as COUNTxLxWxH@KG in cm and kg per piece, e.g. 3x120x80x100@250 "
        "(repeatable)"));
    shipment_options.push_back(
        cmd->add_option(
               "--commodity", options->commodity,
               "GEN, a 4-digit specific commodity item, or AVI NWP VAL PER DGR HUM EAT ICE")
            ->capture_default_str());
    shipment_options.push_back(cmd->add_option(
        "--ready", options->ready, "REQUIRED Ready time, local at origin: YYYY-MM-DDTHH:MM"));
    shipment_options.push_back(
        cmd->add_option("--customer", options->customer, "Customer id (margins, credit)"));
    shipment_options.push_back(
        cmd->add_option("--declared-value", options->declared_value,
                        "Declared value for carriage, e.g. '50000 EUR' (default: NVD)"));
    shipment_options.push_back(cmd->add_option("--currency", options->currency,
                                               "Quote currency (default: the rates' currency)"));
    shipment_options.push_back(cmd->add_option(
        "--date", options->date, "Quote date YYYY-MM-DD (default: the shipping date)"));
    CLI::Option* request =
        cmd->add_option("--request", options->request_file,
                        "JSON quote request file ('-' for stdin) instead of the options above");
    // The request file holds the whole shipment: an option beside it would be silently ignored.
    for (CLI::Option* o : shipment_options) request->excludes(o);
    add_database_option(*cmd, options->db);
    cmd->add_option("--sla", options->sla,
                    "SLA tier the options must meet (express, standard, ...; none = no SLA)");
    cmd->add_option("--method", options->method,
                    "Ranking method: " + selection::ranking_method_choices());
    cmd->add_option(
        "--weights", options->weights,
        "Criterion weights, e.g. price=0.4,time=0.3,reliability=0.2,risk=0.1 (also co2)");
    cmd->add_flag(
        "--explain", options->explain,
        "Show each option's criteria, normalized values, contributions and why it ranks there");
    CLI::Option* limit =
        cmd->add_option("--limit", options->limit,
                        "Options shown in full (0 = all; default 10, 3 with --format customer)")
            ->check(CLI::Range(0, 10'000));
    CLI::Option* format =
        cmd->add_option("--format", options->format,
                        "table: the agent's view with buy price, margin and rate lines; customer: "
                        "the quote to send (sell price and its lines only); json: the document")
            ->capture_default_str()
            ->check(CLI::IsMember({"table", "customer", "json"}));
    cmd->add_flag("--json", options->json,
                  "Print the JSON result (schema cargoquote.quote_result/1), as --format json")
        ->excludes(format);
    cmd->add_option("--width", options->width,
                    "Columns the table fits (default: the terminal's, at most 100; else 100)")
        ->check(CLI::Range(60, 400));
    return [cmd, options, limit] {
        if (!cmd->parsed()) return -1;
        options->limit_given = limit->count() > 0;
        return run_quote(*options);
    };
}

}  // namespace cargoquote::cli
