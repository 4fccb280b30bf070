#include "usage_hint.hpp"

#include <fmt/format.h>

#include <cargoquote/core/suggest.hpp>
#include <string_view>
#include <vector>

namespace cargoquote::cli {

namespace {

// The deepest subcommand the parse selected, and its path ("cargoquote rates").
const CLI::App* selected_command(const CLI::App& app, std::string& path) {
    const CLI::App* current = &app;
    path = "cargoquote";
    while (true) {
        const auto parsed = current->get_subcommands();
        if (parsed.empty()) return current;
        current = parsed.front();
        path += " " + current->get_name();
    }
}

// Long option names of `command` and the commands above it (their options apply too).
std::vector<std::string> option_names(const CLI::App* command) {
    std::vector<std::string> names;
    for (; command != nullptr; command = command->get_parent()) {
        for (const CLI::Option* option : command->get_options()) {
            for (const auto& name : option->get_lnames()) names.push_back("--" + name);
        }
    }
    return names;
}

std::vector<std::string> subcommand_names(const CLI::App* command) {
    std::vector<std::string> names;
    for (const CLI::App* sub : command->get_subcommands([](const CLI::App*) { return true; })) {
        names.push_back(sub->get_name());
    }
    return names;
}

std::string suggestion(std::string_view given, const std::vector<std::string>& names,
                       std::string_view quote) {
    const std::vector<std::string_view> views(names.begin(), names.end());
    return did_you_mean(given, views, quote);
}

}  // namespace

std::string usage_hint(const CLI::App& app) {
    std::string path;
    const CLI::App* command = selected_command(app, path);
    for (const std::string& arg : app.remaining(true)) {
        if (arg.rfind("--", 0) == 0) {
            const std::string name = arg.substr(0, arg.find('='));
            return fmt::format("unknown option {}{} (see {} --help)", name,
                               suggestion(name, option_names(command), ""), path);
        }
        const auto subcommands = subcommand_names(command);
        if (!subcommands.empty() && arg.rfind('-', 0) != 0) {
            return fmt::format("unknown command '{}'{} (see {} --help)", arg,
                               suggestion(arg, subcommands, ""), path);
        }
    }
    return "";
}

}  // namespace cargoquote::cli
