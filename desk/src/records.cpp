#include <cargoquote/desk/records.hpp>

namespace cargoquote::desk {

std::string Lane::text() const { return origin.str() + "-" + destination.str(); }

}  // namespace cargoquote::desk
