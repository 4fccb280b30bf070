// libFuzzer target: the JSON quote-request reader (parse_quote_request). A refusal is a
// cargoquote::Error; anything else thrown escapes to libFuzzer as a crash. A request that is
// accepted must also survive the round trip the CLI and Python rely on: to_json, read again, the
// same document.

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cargoquote;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::optional<QuoteRequest> request;
    try {
        request.emplace(parse_quote_request(text));
    } catch (const Error&) {
        return 0;  // refused input is an answer, not a crash
    }
    const nlohmann::json written = to_json(*request);
    try {
        const QuoteRequest again = quote_request_from_json(written);
        if (to_json(again) != written || again.shipment.pieces != request->shipment.pieces) {
            fuzz::property_failed("the request changes in the round trip: " + written.dump());
        }
    } catch (const Error& e) {
        fuzz::property_failed(std::string("to_json of an accepted request is refused: ") +
                              e.what() + "\n" + written.dump());
    }
    return 0;
}
