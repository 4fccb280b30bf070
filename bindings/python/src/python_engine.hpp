#pragma once
// cq.Engine: one loaded rate database and the QuoteEngine over it. Immutable, so any number of
// Python threads may quote on one Engine with the GIL released.

#include <cargoquote/quote/quote_engine.hpp>
#include <memory>

namespace cargoquote::python {

class Engine {
  public:
    explicit Engine(std::shared_ptr<const RateBook> book) : engine_(std::move(book)) {}

    [[nodiscard]] const QuoteEngine& quote_engine() const { return engine_; }

  private:
    QuoteEngine engine_;
};

}  // namespace cargoquote::python
