#pragma once
// Subcommand registration. Each returns the action to run once arguments are parsed; the action
// returns the process exit code. Errors propagate as cargoquote::Error to main.

#include <CLI/CLI.hpp>
#include <functional>

namespace cargoquote::cli {

using Action = std::function<int()>;

Action add_quote_command(CLI::App& app);
Action add_rates_command(CLI::App& app);
Action add_network_command(CLI::App& app);
// `network search`, registered under the network subcommand.
Action add_route_search(CLI::App& network);
// `ahp MATRIX.json`: AHP weights and consistency of a pairwise-comparison matrix.
Action add_ahp_command(CLI::App& app);
// `book synth`: a synthetic shipment book drawn from a database's rates.
Action add_book_command(CLI::App& app);
// `reprice BOOK --db DB --out OUT`: batch repricing or requoting of a shipment book.
Action add_reprice_command(CLI::App& app);
// `serve`: the quote desk's HTTP server.
Action add_serve_command(CLI::App& app);
// `desk user add|list`: the desk's users and tokens.
Action add_desk_command(CLI::App& app);

}  // namespace cargoquote::cli
