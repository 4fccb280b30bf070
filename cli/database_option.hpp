#pragma once
// The --db option shared by subcommands: explicit path, else $CARGOQUOTE_DB.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

namespace cargoquote::cli {

void add_database_option(CLI::App& command, std::string& path);
// The path to use; throws RateStoreError(DatabaseMissing) naming --db when neither is given.
[[nodiscard]] std::filesystem::path resolve_database(const std::string& path);

}  // namespace cargoquote::cli
