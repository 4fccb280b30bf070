#pragma once
// After a command-line parse error, the likely intended name: "unknown option --peice; did you
// mean --piece?" or "unknown command 'qoute'; did you mean quote?".

#include <CLI/CLI.hpp>
#include <string>

namespace cargoquote::cli {

// A hint for the first unrecognised argument of the (sub)command the parse reached, with where
// its help is; "" when nothing was left unrecognised.
[[nodiscard]] std::string usage_hint(const CLI::App& app);

}  // namespace cargoquote::cli
