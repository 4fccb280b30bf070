// Every closed list the schema enforces (CHECK (column IN ('a', 'b'))) names exactly the values
// of the engine's enum for that column, in the enum's order, so a value added on one side only
// fails here instead of at import or load time.

#include <gtest/gtest.h>

#include <algorithm>
#include <cargoquote/catalog/margin.hpp>
#include <cargoquote/catalog/rate_line.hpp>
#include <cargoquote/catalog/schedule.hpp>
#include <cargoquote/catalog/sla.hpp>
#include <cargoquote/catalog/surcharge.hpp>
#include <cargoquote/selection/ranking.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_data.hpp"

namespace cargoquote {
namespace {

namespace fs = std::filesystem;

// The names of enum E's values 0, 1, ... up to the first one its name function does not know.
template <typename E, typename NameOf>
std::vector<std::string> enum_names(NameOf name_of) {
    std::vector<std::string> names;
    for (int i = 0; i < 64; ++i) {
        const std::string name(name_of(static_cast<E>(i)));
        if (name == "unknown" || name == "?") break;
        names.push_back(name);
    }
    return names;
}

// Text CHECK lists by column, one entry per occurrence (a column may be checked in two tables).
std::multimap<std::string, std::vector<std::string>> schema_text_lists() {
    std::multimap<std::string, std::vector<std::string>> lists;
    const std::regex check(R"(CHECK\s*\(\s*(\w+)\s+IN\s*\(([^)]*)\)\s*\))");
    const std::regex quoted(R"('([^']*)')");
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "rates" / "schema")) {
        if (entry.path().extension() != ".sql") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string sql = text.str();
        for (std::sregex_iterator m(sql.begin(), sql.end(), check), end; m != end; ++m) {
            const std::string values = (*m)[2];
            std::vector<std::string> names;
            for (std::sregex_iterator q(values.begin(), values.end(), quoted); q != end; ++q) {
                names.push_back((*q)[1]);
            }
            if (!names.empty()) lists.emplace((*m)[1], std::move(names));  // (0, 1) flags: no
        }
    }
    return lists;
}

TEST(SchemaLists, EveryCheckListEqualsItsEnumsNames) {
    const std::map<std::string, std::vector<std::string>> engine_lists = {
        {"rate_class", enum_names<RateClass>(rate_class_name)},
        {"basis", enum_names<SurchargeBasis>(surcharge_basis_name)},
        {"credit_status", enum_names<CreditStatus>(credit_status_name)},
        {"aircraft_category", enum_names<AircraftCategory>(aircraft_category_name)},
        {"credit_rule", enum_names<selection::CreditRule>(selection::credit_rule_name)},
        {"method", enum_names<selection::RankingMethod>(selection::ranking_method_name)},
    };
    // Lists with no engine enum: the special-handling codes a carrier may refuse
    // (carrier_restrictions.commodity), which the engine keeps as codes.
    const std::vector<std::string> without_enum = {"commodity"};

    const auto lists = schema_text_lists();
    ASSERT_GE(lists.size(), engine_lists.size()) << "the schema's CHECK lists were not found";
    std::map<std::string, int> checked;
    for (const auto& [column, names] : lists) {
        if (std::find(without_enum.begin(), without_enum.end(), column) != without_enum.end()) {
            continue;
        }
        const auto expected = engine_lists.find(column);
        ASSERT_NE(expected, engine_lists.end())
            << "CHECK list on '" << column << "' has no engine enum in this test: add it";
        EXPECT_EQ(names, expected->second) << "column " << column;
        ++checked[column];
    }
    for (const auto& [column, names] : engine_lists) {
        EXPECT_GT(checked[column], 0) << "no CHECK list found for " << column;
        EXPECT_FALSE(names.empty()) << column;
    }
    EXPECT_EQ(checked["aircraft_category"], 2);  // aircraft_limits and flight_legs
}

}  // namespace
}  // namespace cargoquote
