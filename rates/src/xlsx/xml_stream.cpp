#include "xlsx/xml_stream.hpp"

#include <expat.h>
#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <exception>
#include <memory>

namespace cargoquote::rates::xlsx {

namespace {

std::string_view local_name(std::string_view name) {
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

struct ParseState {
    XML_Parser parser = nullptr;
    XmlHandler* handler = nullptr;
    std::uint32_t depth = 0;
    std::uint32_t max_depth = 0;
    std::string refusal;           // why the parse was stopped by us
    std::exception_ptr exception;  // thrown by the handler
};

void stop(ParseState& state, std::string reason) {
    if (state.refusal.empty()) state.refusal = std::move(reason);
    XML_StopParser(state.parser, XML_FALSE);
}

template <typename Call>
void guarded(ParseState& state, Call call) {
    if (!state.refusal.empty() || state.exception) return;
    try {
        call();
    } catch (...) {
        state.exception = std::current_exception();
        stop(state, "handler failed");
    }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
    auto& state = *static_cast<ParseState*>(data);
    if (++state.depth > state.max_depth) {
        stop(state, fmt::format("elements nested deeper than {}", state.max_depth));
        return;
    }
    guarded(state, [&] { state.handler->start(local_name(name), attributes); });
}

void XMLCALL on_end(void* data, const XML_Char* name) {
    auto& state = *static_cast<ParseState*>(data);
    --state.depth;
    guarded(state, [&] { state.handler->end(local_name(name)); });
}

void XMLCALL on_text(void* data, const XML_Char* chars, int length) {
    auto& state = *static_cast<ParseState*>(data);
    guarded(state, [&] {
        state.handler->text(std::string_view(chars, static_cast<std::size_t>(length)));
    });
}

void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    stop(*static_cast<ParseState*>(data), "a DTD is not allowed in a workbook part");
}

struct ParserFree {
    void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

}  // namespace

std::string_view attribute(const char** attributes, std::string_view name) {
    for (const char** a = attributes; a != nullptr && *a != nullptr; a += 2) {
        if (local_name(a[0]) == name) return a[1];
    }
    return {};
}

void parse_xml_part(const ZipArchive& zip, std::string_view entry, XmlHandler& handler,
                    std::uint32_t max_depth) {
    std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreate("UTF-8"));
    if (!parser) throw std::bad_alloc();
    ParseState state{parser.get(), &handler, 0, max_depth, {}, {}};
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(parser.get(), on_start, on_end);
    XML_SetCharacterDataHandler(parser.get(), on_text);
    XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
    const auto where = [&] {
        return fmt::format("{}:{}:{}", zip.file_name(), entry,
                           XML_GetCurrentLineNumber(parser.get()));
    };
    const auto feed = [&](std::string_view chunk, bool last) {
        if (XML_Parse(parser.get(), chunk.data(), static_cast<int>(chunk.size()),
                      last ? XML_TRUE : XML_FALSE) == XML_STATUS_OK) {
            return;
        }
        if (state.exception) std::rethrow_exception(state.exception);
        const std::string reason = !state.refusal.empty()
                                       ? state.refusal
                                       : XML_ErrorString(XML_GetErrorCode(parser.get()));
        throw InputError(ErrorCode::WorkbookUnreadable, where(),
                         fmt::format("malformed XML in {} (line {}): {}", entry,
                                     XML_GetCurrentLineNumber(parser.get()), reason));
    };
    zip.read(entry, [&](std::string_view chunk) { feed(chunk, false); });
    feed({}, true);
}

}  // namespace cargoquote::rates::xlsx
