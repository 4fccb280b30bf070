// Splitting a book into records and fields: RFC 4180 quoting, line numbers across multi-line
// records and block boundaries, UTF-8 validation, header layout errors.
#include <gtest/gtest.h>

#include <cargoquote/batch/book_reader.hpp>
#include <sstream>

namespace cargoquote::batch {
namespace {

using Records = std::vector<std::pair<std::uint64_t, std::string>>;

Records scan_all(const std::string& text, BookFormat format, std::size_t per_chunk = 3,
                 std::size_t width = 0) {
    std::istringstream in(text);
    RecordScanner scanner(in, format);
    scanner.set_record_width(width);
    std::vector<std::pair<std::uint64_t, std::string>> out;
    std::string chunk_text;
    std::vector<RawRecord> records;
    while (scanner.next_chunk(per_chunk, chunk_text, records)) {
        for (const RawRecord& r : records) out.emplace_back(r.line, std::string(r.text));
    }
    return out;
}

TEST(RecordScanner, NumbersRecordsByTheirFirstLineAndKeepsQuotedLineBreaks) {
    const auto records =
        scan_all("h1,h2\r\na,\"two\nlines\"\r\n\nlast,no-newline", BookFormat::Csv);
    ASSERT_EQ(records.size(), 4U);
    EXPECT_EQ(records[0], (std::pair<std::uint64_t, std::string>{1, "h1,h2"}));
    EXPECT_EQ(records[1], (std::pair<std::uint64_t, std::string>{2, "a,\"two\nlines\""}));
    EXPECT_EQ(records[2], (std::pair<std::uint64_t, std::string>{4, ""}));
    EXPECT_EQ(records[3], (std::pair<std::uint64_t, std::string>{5, "last,no-newline"}));
}

TEST(RecordScanner, JsonLinesIgnoreQuotesWhenSplitting) {
    const auto records = scan_all("{\"a\":\"x\\\"\"}\n{\"b\":1}\n", BookFormat::JsonLines);
    ASSERT_EQ(records.size(), 2U);
    EXPECT_EQ(records[1].first, 2U);
}

TEST(RecordScanner, RecordsSpanningBlockBoundariesStayWhole) {
    // 300,000 records of varying length cross the 1 MiB read blocks many times.
    std::string text;
    for (int i = 0; i < 300000; ++i) text += "row" + std::to_string(i) + ",\"x\ny\"\n";
    const auto records = scan_all(text, BookFormat::Csv, 4096);
    ASSERT_EQ(records.size(), 300000U);
    for (int i : {0, 1, 12345, 299999}) {
        EXPECT_EQ(records[static_cast<std::size_t>(i)].second,
                  "row" + std::to_string(i) + ",\"x\ny\"");
        EXPECT_EQ(records[static_cast<std::size_t>(i)].first,
                  1U + 2U * static_cast<std::uint64_t>(i));
    }
}

TEST(RecordScanner, AStrayQuoteEndsAtTheNextLineThatIsARecordOnItsOwn) {
    // The defect: an unclosed quote on line 2 swallowed lines 3 and 4 into one malformed record.
    const std::string book =
        "id,o,d,p,ready,q\n"
        "A,PVG,FRA,1x10x10x10@5,\"2026-11-26T10:00,Q1\n"
        "B,PVG,FRA,1x10x10x10@5,2026-11-26T10:00,Q2\n"
        "C,PVG,FRA,1x10x10x10@5,2026-11-26T10:00,Q3\n";
    const Records records = scan_all(book, BookFormat::Csv, 2, 6);
    ASSERT_EQ(records.size(), 4U);
    EXPECT_EQ(records[1], (Records::value_type{2, "A,PVG,FRA,1x10x10x10@5,\"2026-11-26T10:00,Q1"}));
    EXPECT_EQ(records[2].first, 3U);
    EXPECT_EQ(records[2].second.substr(0, 2), "B,");
    EXPECT_EQ(records[3].first, 4U);
}

TEST(RecordScanner, AQuotedLineBreakStillJoinsLinesThatAreNotRecords) {
    // "x\ny" and "one\n two, three\nfour" are quoted fields: their inner lines have fewer fields
    // than the header, so they are not records on their own.
    const Records records =
        scan_all("a,b,c\n1,\"x\ny\",z\n2,\"one\n two, three\nfour\",z\n", BookFormat::Csv, 3, 3);
    ASSERT_EQ(records.size(), 3U);
    EXPECT_EQ(records[1], (Records::value_type{2, "1,\"x\ny\",z"}));
    EXPECT_EQ(records[2], (Records::value_type{4, "2,\"one\n two, three\nfour\",z"}));
}

TEST(RecordScanner, AQuoteLeftOpenAtTheEndSwallowsNothing) {
    const Records records = scan_all("h\nx\n\"open\nnext\nlast", BookFormat::Csv, 10, 0);
    ASSERT_EQ(records.size(), 5U);
    EXPECT_EQ(records[2], (Records::value_type{3, "\"open"}));
    EXPECT_EQ(records[3], (Records::value_type{4, "next"}));
    EXPECT_EQ(records[4], (Records::value_type{5, "last"}));
}

TEST(RecordScanner, AnOpenQuoteSpansAtMostTheLineLimit) {
    // Lines that never close the field and are no records on their own (width unknown).
    std::string text = "h\n\"open\n";
    const auto lines = RecordScanner::kMaxRecordLines * 3;
    for (std::uint64_t i = 0; i < lines; ++i) text += "line" + std::to_string(i) + "\n";
    const Records records = scan_all(text, BookFormat::Csv, 7, 0);
    ASSERT_EQ(records.size(), 2U + lines);  // every line is its own record
    EXPECT_EQ(records[1], (Records::value_type{2, "\"open"}));
    EXPECT_EQ(records.back(), (Records::value_type{2 + lines, "line" + std::to_string(lines - 1)}));
}

TEST(RecordScanner, ALineLongerThanTheLimitIsSkippedAndReported) {
    std::istringstream in("h\n" + std::string(RecordScanner::kMaxRecordBytes * 2 + 5, 'x') +
                          "\nok\n");
    RecordScanner scanner(in, BookFormat::Csv);
    std::string text;
    std::vector<RawRecord> records;
    std::vector<RawRecord> all;
    std::vector<std::string> texts;
    while (scanner.next_chunk(10, text, records)) {
        for (const RawRecord& r : records) {
            all.push_back(r);
            texts.emplace_back(r.text);
        }
    }
    ASSERT_EQ(all.size(), 3U);
    EXPECT_TRUE(all[1].too_long);
    EXPECT_EQ(all[1].line, 2U);
    EXPECT_FALSE(all[2].too_long);
    EXPECT_EQ(texts[2], "ok");
    EXPECT_EQ(all[2].line, 3U);
}

TEST(SplitCsvRecord, UnquotesAndUnescapes) {
    std::vector<std::string_view> fields;
    std::deque<std::string> scratch;
    ASSERT_TRUE(split_csv_record(R"(a,"b,c","say ""hi""",,"")", fields, scratch));
    ASSERT_EQ(fields.size(), 5U);
    EXPECT_EQ(fields[0], "a");
    EXPECT_EQ(fields[1], "b,c");
    EXPECT_EQ(fields[2], "say \"hi\"");
    EXPECT_EQ(fields[3], "");
    EXPECT_EQ(fields[4], "");
    EXPECT_FALSE(split_csv_record(R"(a,"unclosed)", fields, scratch));
    EXPECT_FALSE(split_csv_record(R"(a,"closed"junk)", fields, scratch));
}

TEST(Utf8, AcceptsValidAndRejectsMalformedSequences) {
    EXPECT_TRUE(is_valid_utf8("plain"));
    EXPECT_TRUE(
        is_valid_utf8("M\xC3\xBC"
                      "nchen \xE2\x82\xAC \xF0\x9F\x93\xA6"));  // ü, €, 📦
    EXPECT_FALSE(is_valid_utf8("\xFF"));
    EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
}

TEST(CsvLayout, FindsColumnsByNameAndNamesWhatIsMissing) {
    const CsvLayout layout = CsvLayout::from_header(
        "\xEF\xBB\xBFnote,shipment_id,origin,destination,pieces,ready,carrier", "book.csv", true);
    EXPECT_EQ(layout.width(), 7U);
    EXPECT_EQ(layout.position(BookColumn::ShipmentId), 1);
    EXPECT_EQ(layout.position(BookColumn::Customer), -1);
    EXPECT_EQ(csv_column_of(layout, "pieces"), 5);
    try {
        (void)CsvLayout::from_header("shipment_id,origin,destination,pieces,ready", "book.csv",
                                     true);
        FAIL() << "no carrier column in reprice mode";
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::MissingField);
        EXPECT_EQ(e.field(), "book.csv:1");
    }
    EXPECT_THROW((void)CsvLayout::from_header("shipment_id,origin,origin,destination,pieces,ready",
                                              "book.csv", false),
                 InputError);
}

TEST(ReadRow, EmptyGarbledAndShortRowsAreErrorsNotExceptions) {
    const CsvLayout layout =
        CsvLayout::from_header("shipment_id,origin,destination,pieces,ready", "b", false);
    RowScratch scratch;
    const auto error_of = [&](std::string_view text) {
        const RowRead read = read_csv_row(RawRecord{7, text}, layout, scratch);
        return std::get<RowError>(read);
    };
    EXPECT_EQ(error_of("").code, ErrorCode::EmptyRow);
    EXPECT_EQ(error_of("S1,PVG,FRA,1x1x1x1@1,2026-11-26T10:00,extra").code,
              ErrorCode::MalformedRow);
    EXPECT_EQ(error_of("S1,PVG,FRA,1x1x1x1@\xFE,2026-11-26T10:00").code, ErrorCode::InvalidUtf8);
    EXPECT_TRUE(std::holds_alternative<RowFields>(
        read_csv_row(RawRecord{8, "S1,PVG,FRA,1x1x1x1@1,2026-11-26T10:00"}, layout, scratch)));
}

TEST(ReadRow, JsonLinesTakeStringsAndNumbers) {
    RowScratch scratch;
    const RowRead read = read_json_row(
        RawRecord{3, R"({"shipment_id":"S1","origin":"PVG","previous_total":123.5,"x":[1]})"},
        scratch);
    const RowFields& f = std::get<RowFields>(read);
    EXPECT_EQ(f[BookColumn::ShipmentId], "S1");
    EXPECT_EQ(f[BookColumn::PreviousTotal], "123.5");
    const RowRead bad = read_json_row(RawRecord{4, R"({"pieces":["1x1x1x1@1"]})"}, scratch);
    EXPECT_EQ(std::get<RowError>(bad).field, "/pieces");
    EXPECT_EQ(std::get<RowError>(read_json_row(RawRecord{5, "[1,2]"}, scratch)).code,
              ErrorCode::MalformedRow);
    EXPECT_EQ(std::get<RowError>(read_json_row(RawRecord{6, "{nope"}, scratch)).code,
              ErrorCode::InvalidJson);
}

}  // namespace
}  // namespace cargoquote::batch
