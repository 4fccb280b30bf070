#include <gtest/gtest.h>

#include <cargoquote/core/suggest.hpp>

namespace cargoquote {
namespace {

TEST(SuggestTest, EditDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps) {
    EXPECT_EQ(edit_distance("", ""), 0u);
    EXPECT_EQ(edit_distance("piece", "piece"), 0u);
    EXPECT_EQ(edit_distance("peice", "piece"), 1u);  // two neighbours swapped: one edit
    EXPECT_EQ(edit_distance("qoute", "quote"), 1u);
    EXPECT_EQ(edit_distance("ca", "abc"), 3u);  // optimal string alignment, not full Damerau
    EXPECT_EQ(edit_distance("expres", "express"), 1u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(edit_distance("FRA", "fra"), 0u);  // case is ignored
    EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(SuggestTest, OffersOnlyPlausibleTyposClosestFirst) {
    const std::vector<std::string_view> tiers{"express", "standard", "economy", "none"};
    EXPECT_EQ(closest_matches("expres", tiers), std::vector<std::string>{"express"});
    EXPECT_EQ(closest_matches("standrad", tiers), std::vector<std::string>{"standard"});
    EXPECT_TRUE(closest_matches("overnight", tiers).empty());
    const std::vector<std::string_view> airports{"FRA", "FRB", "PVG", "FRX", "AMS"};
    EXPECT_EQ(closest_matches("FRQ", airports), (std::vector<std::string>{"FRA", "FRB", "FRX"}));
    EXPECT_EQ(closest_matches("FRQ", airports, 2), (std::vector<std::string>{"FRA", "FRB"}));
    EXPECT_TRUE(closest_matches("XYZ", airports).empty());
}

TEST(SuggestTest, DidYouMeanReadsAsASentence) {
    const std::vector<std::string_view> options{"--piece", "--pieces-file", "--from"};
    EXPECT_EQ(did_you_mean("--peice", options, ""), "; did you mean --piece?");
    const std::vector<std::string_view> airports{"FRA", "FRB", "FRC"};
    EXPECT_EQ(did_you_mean("FRX", airports), "; did you mean 'FRA', 'FRB' or 'FRC'?");
    EXPECT_EQ(did_you_mean("QQQ", airports), "");
}

}  // namespace
}  // namespace cargoquote
