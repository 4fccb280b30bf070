// cargoquote: quote air-freight shipments from a rate database. Exit codes are the stable error
// codes of cargoquote::ErrorCode (0 success, 2 usage).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/version.hpp>
#include <iostream>

#include "commands.hpp"
#include "usage_hint.hpp"

int main(int argc, char** argv) {
    CLI::App app{"cargoquote: air-freight carrier selection and quoting"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "cargoquote " + std::string(cargoquote::kVersion));
    const cargoquote::cli::Action actions[] = {
        cargoquote::cli::add_quote_command(app),   cargoquote::cli::add_rates_command(app),
        cargoquote::cli::add_network_command(app), cargoquote::cli::add_ahp_command(app),
        cargoquote::cli::add_book_command(app),    cargoquote::cli::add_reprice_command(app),
        cargoquote::cli::add_serve_command(app),   cargoquote::cli::add_desk_command(app)};
    try {
        app.parse(argc, argv);
        // Each action returns -1 when its subcommand was not the one given.
        for (const auto& action : actions) {
            if (const int code = action(); code >= 0) return code;
        }
        return 0;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        const std::string hint = cargoquote::cli::usage_hint(app);
        std::cerr << "cargoquote: "
                  << (hint.empty() ? std::string(e.what()) + " (see --help)" : hint) << "\n";
        return static_cast<int>(cargoquote::ErrorCode::Usage);
    } catch (const cargoquote::Error& e) {
        std::cerr << "cargoquote: " << e.what() << "\n";
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        std::cerr << "cargoquote: internal error: " << e.what() << "\n";
        return static_cast<int>(cargoquote::ErrorCode::Internal);
    }
}
