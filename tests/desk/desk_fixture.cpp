#include "desk/desk_fixture.hpp"

namespace cargoquote::desk::test {

Instant utc(std::string_view iso) { return to_instant(LocalDateTime::parse(iso, "test"), "UTC"); }

Date date(std::string_view iso) { return Date::parse(iso, "test"); }

Money money(std::string_view amount, std::string_view currency) {
    const CurrencyCode code = CurrencyCode::parse(currency, "test");
    return Money::parse(code, amount, "test");
}

OptionRecord option(int rank, std::string_view carrier, std::string_view sell, std::string_view buy,
                    std::string_view currency, std::string_view valid_from,
                    std::string_view valid_to) {
    const Money sell_total = money(sell, currency);
    const Money buy_total = money(buy, currency);
    return OptionRecord{.rank = rank,
                        .carrier = CarrierCode::parse(carrier),
                        .routing = "PVG-FRA",
                        .transit_minutes = std::nullopt,
                        .sell_total = sell_total,
                        .buy_total = buy_total,
                        .margin = sell_total - buy_total,
                        .rate_lines = {RateLineRef{
                            std::string(carrier) + "-" + std::to_string(rank), "desk test", "v1"}},
                        .offer_valid_from = date(valid_from),
                        .offer_valid_to = date(valid_to),
                        .option_json = "{\"rank\":" + std::to_string(rank) + "}",
                        .sell_view_json = "{\"rank\":" + std::to_string(rank) + "}"};
}

NewInquiry inquiry(UserId agent, std::string_view received, std::optional<std::string> customer,
                   std::vector<OptionRecord> options) {
    if (options.empty()) {
        options = {option(1, "A1", "1000", "900"), option(2, "B2", "1100", "950")};
    }
    return NewInquiry{.request_json = R"({"schema":"cargoquote.quote_request/1"})",
                      .customer_id = std::move(customer),
                      .channel = Channel::Staff,
                      .taken_by = agent,
                      .received_at = utc(received),
                      .lane = Lane{AirportCode::parse("PVG"), AirportCode::parse("FRA")},
                      .rate_snapshot = "rates-2026-11-24",
                      .options = std::move(options)};
}

Quote DeskTest::quoted_inquiry(std::string_view received, std::string_view sent) {
    const InquiryId id = store.record_inquiry(inquiry(anna.user.id, received));
    const std::vector<int> ranks{1, 2};
    return store.send(id, ranks, anna.user.id, utc(sent));
}

}  // namespace cargoquote::desk::test
