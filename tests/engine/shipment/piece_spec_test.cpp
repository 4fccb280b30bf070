#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/shipment/shipment.hpp>

#include "support/test_data.hpp"

namespace cargoquote {
namespace {

TEST(PieceSpecTest, ParsesCountDimensionsAndWeightPerPiece) {
    EXPECT_EQ(parse_piece_spec("3x120x80x100@250", "--piece"),
              test::piece(3, "120", "80", "100", "250"));
    EXPECT_EQ(parse_piece_spec("1x162.2x155.6x141.4@100.5", "--piece"),
              test::piece(1, "162.2", "155.6", "141.4", "100.5"));
}

TEST(PieceSpecTest, MalformedSpecsNameTheOption) {
    for (const char* bad : {"3x120x80@250", "3x120x80x100", "ax120x80x100@250", "3x120x80x100@",
                            "3x120x80x100x5@250", "3x12a0x80x100@250"}) {
        try {
            (void)parse_piece_spec(bad, "--piece");
            FAIL() << bad;
        } catch (const InputError& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidPieceSpec) << bad;
            EXPECT_EQ(e.field(), "--piece");
        }
    }
}

TEST(PieceSpecTest, NonPositiveValuesAreNegativeQuantityErrors) {
    for (const char* bad : {"0x120x80x100@250", "1x120x0x100@250", "1x120x80x100@0"}) {
        try {
            (void)parse_piece_spec(bad, "--piece");
            FAIL() << bad;
        } catch (const InputError& e) {
            EXPECT_EQ(e.code(), ErrorCode::NegativeQuantity) << bad;
            EXPECT_THAT(e.what(), testing::HasSubstr("greater than zero"));
        }
    }
}

TEST(CommodityTest, RecognisesGeneralItemsAndClasses) {
    EXPECT_EQ(Commodity::parse("GEN", "c").kind(), CommodityKind::General);
    EXPECT_EQ(Commodity::parse("2199", "c").kind(), CommodityKind::SpecificCommodity);
    EXPECT_EQ(Commodity::parse("AVI", "c").kind(), CommodityKind::Class);
    EXPECT_THROW((void)Commodity::parse("FOO", "--commodity"), InputError);
    EXPECT_THROW((void)Commodity::parse("219", "--commodity"), InputError);
}

}  // namespace
}  // namespace cargoquote
