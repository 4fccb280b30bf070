#include <cargoquote/selection/pareto.hpp>

namespace cargoquote::selection {

namespace {
bool better(double a, double b, CriterionType type) {
    return type == CriterionType::Benefit ? a > b : a < b;
}

// True when alternative a is at least as good as b everywhere and strictly better somewhere.
bool dominates(const Matrix& matrix, const std::vector<CriterionType>& types, std::size_t a,
               std::size_t b) {
    bool strictly_better_somewhere = false;
    for (std::size_t j = 0; j < matrix.cols(); ++j) {
        if (better(matrix.at(b, j), matrix.at(a, j), types[j])) return false;
        if (better(matrix.at(a, j), matrix.at(b, j), types[j])) strictly_better_somewhere = true;
    }
    return strictly_better_somewhere;
}
}  // namespace

std::vector<bool> pareto_front(const Matrix& matrix, const std::vector<CriterionType>& types) {
    validate_types(types, matrix.cols());
    std::vector<bool> front(matrix.rows(), true);
    for (std::size_t i = 0; i < matrix.rows(); ++i) {
        for (std::size_t k = 0; k < matrix.rows() && front[i]; ++k) {
            if (k != i && dominates(matrix, types, k, i)) front[i] = false;
        }
    }
    return front;
}

}  // namespace cargoquote::selection
