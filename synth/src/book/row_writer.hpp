#pragma once
// Writes synthesized book rows as CSV (RFC 4180, header first) or JSON Lines (one object per row,
// empty optional fields left out; every value a JSON string so decimals stay exact), buffering
// so the stream sees large writes.

#include <array>
#include <cargoquote/batch/book_row.hpp>
#include <ostream>
#include <string>
#include <string_view>

namespace cargoquote::synth::detail {

using batch::book_column_name;
using batch::BookColumn;

// The columns written, in order (every book column but `currency`).
inline constexpr std::array<BookColumn, 12> kSynthColumns = {
    BookColumn::ShipmentId, BookColumn::Origin,        BookColumn::Destination,
    BookColumn::Pieces,     BookColumn::Ready,         BookColumn::Commodity,
    BookColumn::Customer,   BookColumn::DeclaredValue, BookColumn::Carrier,
    BookColumn::Routing,    BookColumn::PreviousTotal, BookColumn::PreviousCurrency};

using SynthRowFields = std::array<std::string_view, kSynthColumns.size()>;

class BookWriter {
  public:
    BookWriter(std::ostream& out, bool json_lines);
    void write(const SynthRowFields& fields);
    // Flushes the buffer; throws Error naming `out` when the stream failed.
    void finish();

  private:
    void flush_if_full();
    std::ostream& out_;
    bool json_lines_;
    std::string buffer_;
};

}  // namespace cargoquote::synth::detail
