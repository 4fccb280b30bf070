#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json_parse.hpp>
#include <unordered_set>
#include <vector>

namespace cargoquote {

namespace {
using nlohmann::json;

// Where the parser is, for naming a duplicate key or an overflowing number: one frame per open
// object or array with its current key or element index.
class PathTracker {
  public:
    bool on_event(json::parse_event_t event, const json& parsed) {
        switch (event) {
            case json::parse_event_t::object_start:
                frames_.push_back(Frame{false});
                break;
            case json::parse_event_t::array_start:
                frames_.push_back(Frame{true});
                break;
            case json::parse_event_t::key: {
                Frame& top = frames_.back();
                top.key = parsed.get<std::string>();
                if (!top.keys.insert(top.key).second) {
                    throw InputError(ErrorCode::InvalidInput, pointer(),
                                     fmt::format("key '{}' appears twice", top.key));
                }
                break;
            }
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end:
                frames_.pop_back();
                next_element();
                break;
            case json::parse_event_t::value:
                next_element();
                break;
        }
        return true;
    }

    // The pointer of the value being read now.
    [[nodiscard]] std::string pointer() const {
        std::string out;
        for (const Frame& f : frames_) {
            out += '/';
            out += f.array ? std::to_string(f.index) : json_pointer_token(f.key);
        }
        return out;
    }

  private:
    struct Frame {
        bool array;
        std::size_t index = 0;
        std::string key;
        std::unordered_set<std::string> keys;
    };

    void next_element() {
        if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    }

    std::vector<Frame> frames_;
};
}  // namespace

std::string json_pointer_token(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (const char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

json parse_json_strictly(std::string_view text, std::string_view what) {
    PathTracker path;
    try {
        return json::parse(text, [&](int, json::parse_event_t event, json& parsed) {
            return path.on_event(event, parsed);
        });
    } catch (const json::parse_error& e) {
        throw InputError(ErrorCode::InvalidJson, fmt::format("byte {}", e.byte),
                         fmt::format("malformed JSON {}: {}", what, e.what()));
    } catch (const json::out_of_range&) {  // a number past the range of a double
        throw InputError(ErrorCode::InvalidNumber, path.pointer(),
                         "the number is outside the range of a double");
    }
}

}  // namespace cargoquote
