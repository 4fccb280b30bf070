// `cargoquote network search`: the scheduled itineraries between two airports, without pricing.
#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/network/route_network.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "database_option.hpp"
#include "itinerary_text.hpp"

namespace cargoquote::cli {

namespace {

struct SearchOptions {
    std::string from, to, ready, commodity = "GEN", db;
    std::vector<std::string> pieces;
    int max_legs = 3;
    int horizon_days = 7;
    bool all = false;
    bool json = false;
};

int run_search(const SearchOptions& o) {
    SearchRequest request{.origin = AirportCode::parse(o.from, "--from"),
                          .destination = AirportCode::parse(o.to, "--to"),
                          .ready = LocalDateTime::parse(o.ready, "--ready"),
                          .commodity = Commodity::parse(o.commodity, "--commodity"),
                          .max_legs = o.max_legs,
                          .horizon_days = o.horizon_days,
                          .keep_dominated = o.all};
    for (const auto& spec : o.pieces) request.pieces.push_back(parse_piece_spec(spec, "--piece"));
    validate_shipment_totals(request.pieces, "--piece");
    if (o.max_legs < 1 || o.max_legs > 4) {
        throw InputError(ErrorCode::InvalidNumber, "--max-legs", "must be 1 to 4");
    }
    const auto book = rates::load_rate_book(resolve_database(o.db));
    const RouteNetwork network(*book);
    SearchOutcome outcome;
    try {
        outcome = network.search(request);
    } catch (const InputError& e) {
        throw InputError(e.code(), e.field() == "/shipment/origin" ? "--from" : "--to", e.detail());
    }
    if (o.json) {
        std::cout << route_search_text(outcome, *book, 2) << "\n";
        return 0;
    }
    std::cout << fmt::format("{} -> {}: {} itinerar{}{}\n", request.origin.view(),
                             request.destination.view(), outcome.itineraries.size(),
                             outcome.itineraries.size() == 1 ? "y" : "ies",
                             o.all ? " (all, including dominated)" : "");
    int n = 0;
    for (const auto& it : outcome.itineraries) {
        std::string text;
        append_itinerary(text, *book, it);
        std::cout << fmt::format("#{}\n{}", ++n, text);
    }
    if (outcome.itineraries.empty()) {
        std::cout << fmt::format("{}: {}\n", rejection_reason_name(*outcome.reason_code()),
                                 outcome.reason());
    }
    return 0;
}

}  // namespace

Action add_route_search(CLI::App& network) {
    auto options = std::make_shared<SearchOptions>();
    CLI::App* cmd = network.add_subcommand(
        "search", "Scheduled itineraries between two airports (cut-off, connections, piece fit)");
    cmd->add_option("--from", options->from, "Origin airport")->required();
    cmd->add_option("--to", options->to, "Destination airport")->required();
    cmd->add_option("--ready", options->ready, "Ready time, local at origin: YYYY-MM-DDTHH:MM")
        ->required();
    cmd->add_option("--piece", options->pieces, "Pieces COUNTxLxWxH@KG (checked against aircraft)");
    cmd->add_option("--commodity", options->commodity, "GEN, item number or class code")
        ->capture_default_str();
    cmd->add_option("--max-legs", options->max_legs, "At most this many legs (1-4)")
        ->capture_default_str();
    cmd->add_option("--horizon-days", options->horizon_days,
                    "Latest departure after ready, in days")
        ->capture_default_str();
    cmd->add_flag("--all", options->all,
                  "Every feasible airport sequence and carrier combination, not only the "
                  "non-dominated itineraries");
    add_database_option(*cmd, options->db);
    cmd->add_flag("--json", options->json, "Print JSON (schema cargoquote.route_search/1)");
    return [cmd, options] { return cmd->parsed() ? run_search(*options) : -1; };
}

}  // namespace cargoquote::cli
