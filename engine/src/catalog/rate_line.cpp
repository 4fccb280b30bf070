#include <cargoquote/catalog/rate_line.hpp>

namespace cargoquote {

std::string_view rate_class_name(RateClass c) {
    switch (c) {
        case RateClass::General:
            return "GEN";
        case RateClass::SpecificCommodity:
            return "SCR";
        case RateClass::ClassRate:
            return "CLASS";
    }
    return "?";
}

}  // namespace cargoquote
