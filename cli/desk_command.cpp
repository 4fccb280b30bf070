// `cargoquote desk user add --role R --name N [--customer ID] --desk DESK.db`: adds a desk user
// and prints its bearer token, the only time it is shown (the store keeps its hash).
// `cargoquote desk user list --desk DESK.db`.

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/desk_store.hpp>
#include <chrono>
#include <iostream>
#include <memory>

#include "commands.hpp"

namespace cargoquote::cli {

namespace {

struct DeskOptions {
    std::string desk = "desk.db";
    std::string role, name, customer;
};

Instant now() {
    return Instant(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

int add_user(const DeskOptions& o) {
    const auto role = desk::parse_role(o.role);
    if (!role) throw InputError(ErrorCode::Usage, "--role", "expected staff, customer or admin");
    auto store = desk::DeskStore::open(o.desk);
    desk::NewUser user{*role, o.name,
                       o.customer.empty() ? std::nullopt : std::optional<std::string>(o.customer)};
    const auto issued = store.add_user(user, std::nullopt, now());
    std::cerr << fmt::format("added {} user {} '{}'{}; the token is shown this once:\n",
                             desk::role_name(issued.user.role), issued.user.id.value,
                             issued.user.name,
                             o.customer.empty() ? "" : " for customer " + o.customer);
    std::cout << issued.token << "\n";
    return 0;
}

int list_users(const DeskOptions& o) {
    const auto store = desk::DeskStore::open(o.desk);
    for (const auto& u : store.users()) {
        std::cout << fmt::format("{:>5}  {:<8}  {:<24}  {:<12}  {}\n", u.id.value,
                                 desk::role_name(u.role), u.name, u.customer_id.value_or("-"),
                                 u.active ? "active" : "inactive");
    }
    return 0;
}

}  // namespace

Action add_desk_command(CLI::App& app) {
    auto options = std::make_shared<DeskOptions>();
    CLI::App* desk = app.add_subcommand("desk", "Manage the quote desk's users");
    desk->require_subcommand(1);
    CLI::App* user = desk->add_subcommand("user", "Desk users and their tokens");
    user->require_subcommand(1);
    CLI::App* add = user->add_subcommand("add", "Add a user and print its bearer token once");
    add->add_option("--desk", options->desk, "The desk database")->capture_default_str();
    add->add_option("--role", options->role, "staff, customer or admin")->required();
    add->add_option("--name", options->name, "The agent's or customer user's name")->required();
    add->add_option("--customer", options->customer, "The customer id (customers only)");
    CLI::App* list = user->add_subcommand("list", "List the users (never their tokens)");
    list->add_option("--desk", options->desk, "The desk database")->capture_default_str();
    return [add, list, options] {
        if (add->parsed()) return add_user(*options);
        if (list->parsed()) return list_users(*options);
        return -1;
    };
}

}  // namespace cargoquote::cli
