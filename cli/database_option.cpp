#include "database_option.hpp"

#include <cargoquote/core/error.hpp>
#include <cstdlib>

namespace cargoquote::cli {

void add_database_option(CLI::App& command, std::string& path) {
    command.add_option("--db", path, "Rate database (default: $CARGOQUOTE_DB)");
}

std::filesystem::path resolve_database(const std::string& path) {
    if (!path.empty()) return path;
    if (const char* env = std::getenv("CARGOQUOTE_DB"); env != nullptr && *env != '\0') return env;
    throw RateStoreError(ErrorCode::DatabaseMissing, "--db",
                         "no rate database given: pass --db PATH or set CARGOQUOTE_DB");
}

}  // namespace cargoquote::cli
