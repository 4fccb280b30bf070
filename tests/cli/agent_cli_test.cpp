// The command line as an agent uses it: the quote in one currency, tables that fit the terminal,
// the customer's quote, and mistakes answered with the likely intended name.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "sample_cli_fixture.hpp"

namespace cargoquote::cli {
namespace {

using AgentCli = CliTest;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// In EUR: the charge lines, the rounding line, the margin and the totals all in EUR, the rates
// in their own currencies (hand-checked: tests/engine/pricing/quote_currency_test.cpp).
TEST_F(AgentCli, QuoteTableInAnotherCurrency) {
    const CliRun run = cargoquote_on_sample(
        plus(kAcmeQuote, {"--currency", "EUR", "--sla", "none", "--limit", "3", "--explain"}));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    expect_golden(run.out, "pvg_fra_acme_eur.txt");
}

TEST_F(AgentCli, QuoteTablesFitOneHundredColumnsOrTheWidthAsked) {
    const std::vector<std::vector<std::string>> variants = {
        {}, {"--explain", "--limit", "0"}, {"--currency", "USD", "--sla", "none", "--explain"}};
    for (const std::size_t width : {100u, 80u, 60u}) {
        for (const auto& extra : variants) {
            std::vector<std::string> args = kAcmeQuote;
            args.insert(args.end(), extra.begin(), extra.end());
            if (width != 100) args.insert(args.end(), {"--width", std::to_string(width)});
            const CliRun run = cargoquote_on_sample(args);
            ASSERT_EQ(run.exit_code, 0) << run.err;
            const auto lines = lines_of(run.out);
            EXPECT_GT(lines.size(), 20u);
            for (std::size_t i = 0; i < lines.size(); ++i) {
                EXPECT_LE(lines[i].size(), width) << "line " << i + 1 << ": " << lines[i];
            }
        }
    }
}

// The quote to send: sell price and its lines in the quote currency, validity and flights; none
// of the buy side.
TEST_F(AgentCli, CustomerFormatShowsTheSellSideOnly) {
    const CliRun run = cargoquote_on_sample(
        plus(kAcmeQuote, {"--currency", "EUR", "--sla", "standard", "--format", "customer"}));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    expect_golden(run.out, "pvg_fra_acme_customer.txt");
    for (const char* secret : {"buy", "Buy", "margin", "Margin", "rate line", "Q1-PVG-FRA-GEN-W26",
                               "ACME-DE-PVG-FRA-300", "tariff", "CNY", "score"}) {
        EXPECT_EQ(run.out.find(secret), std::string::npos) << secret << " in:\n" << run.out;
    }
    for (const char* shown : {"Quote CQ-20261125-", "PVG-FRA", "Option 1:", "Option 3:", "Total",
                              "valid 2026-11-25 to 2026-11-27", "EUR"}) {
        EXPECT_NE(run.out.find(shown), std::string::npos) << shown << " not in:\n" << run.out;
    }
    EXPECT_EQ(run.out.find("Option 4:"), std::string::npos) << "three options by default";
    for (const auto& line : lines_of(run.out)) EXPECT_LE(line.size(), 100u) << line;
    // The same request gives the same reference.
    const CliRun again = cargoquote_on_sample(
        plus(kAcmeQuote, {"--currency", "EUR", "--sla", "standard", "--format", "customer"}));
    EXPECT_EQ(again.out, run.out);
}

TEST_F(AgentCli, LowerCaseAirportCodesQuoteAsUpperCase) {
    const CliRun upper = cargoquote_on_sample(kAcmeQuote);
    const CliRun lower =
        cargoquote_on_sample(with(with(kAcmeQuote, "--from", "pvg"), "--to", "fra"));
    ASSERT_EQ(lower.exit_code, 0) << lower.err;
    EXPECT_EQ(lower.out, upper.out);
}

TEST_F(AgentCli, AMistypedOptionSuggestsTheOption) {
    auto args = kAcmeQuote;
    std::replace(args.begin(), args.end(), std::string("--piece"), std::string("--peice"));
    expect_error(cargoquote_on_sample(args), ErrorCode::Usage,
                 {"unknown option --peice; did you mean --piece?", "cargoquote quote --help"});
}

TEST_F(AgentCli, AMistypedCommandSuggestsTheCommand) {
    expect_error(cargoquote({"qoute", "--from", "PVG"}), ErrorCode::Usage,
                 {"unknown command 'qoute'; did you mean quote?"});
    expect_error(cargoquote({"rates", "shwo"}), ErrorCode::Usage,
                 {"unknown command 'shwo'; did you mean show?", "cargoquote rates --help"});
}

TEST_F(AgentCli, AMistypedAirportCustomerOrTierSuggestsTheClosest) {
    expect_error(cargoquote_on_sample(with(kAcmeQuote, "--to", "FRX")), ErrorCode::UnknownAirport,
                 {"--to", "unknown airport 'FRX'; did you mean 'FRA'"});
    expect_error(cargoquote_on_sample(with(kAcmeQuote, "--customer", "ACME-D")),
                 ErrorCode::UnknownCustomer,
                 {"--customer", "unknown customer 'ACME-D'; did you mean 'ACME-DE'?"});
    expect_error(cargoquote_on_sample(plus(kAcmeQuote, {"--sla", "expres"})),
                 ErrorCode::InvalidInput,
                 {"--sla", "unknown SLA tier 'expres'; did you mean 'express'?",
                  "tiers: economy, express, standard, none"});
}

TEST_F(AgentCli, QuoteHelpMarksWhatIsRequiredAndShowsAnExample) {
    const CliRun run = cargoquote({"quote", "--help"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    for (const char* part : {"REQUIRED Origin airport", "REQUIRED Destination airport",
                             "REQUIRED Pieces", "REQUIRED Ready time", "Example:",
                             "cargoquote quote --db sample.db --from PVG", "--format"}) {
        EXPECT_NE(run.out.find(part), std::string::npos) << part << " not in:\n" << run.out;
    }
}

}  // namespace
}  // namespace cargoquote::cli
