#pragma once
// Vocabulary shared by every multi-criteria method: the decision matrix (rows are alternatives,
// columns are criteria), the direction of each criterion, the normalization choice, input checks,
// the weighted sum (the baseline method) and ranks. Scores are doubles on purpose: they are
// dimensionless preferences, never money.
//
// Bad input throws cargoquote::InputError(ErrorCode::InvalidInput). Its field names the argument
// and, JSON-Pointer style, the offending position: "matrix/2", "weights/1", "bounds/0".

#include <cstddef>
#include <vector>

namespace cargoquote::selection {

enum class CriterionType { Benefit, Cost };

// Per-method meaning is documented at normalize() in normalization.hpp.
enum class Normalization { Vector, MinMax, Sum, FixedBounds };

// Scale ends of one criterion for Normalization::FixedBounds, in the criterion's own unit.
struct Bounds {
    double lower = 0.0;
    double upper = 1.0;
    friend bool operator==(const Bounds&, const Bounds&) = default;
};

// A non-empty rectangular matrix of finite values, stored row-major. Immutable once built.
class Matrix {
  public:
    // One inner vector per alternative. InputError for no rows, no columns, ragged rows or
    // non-finite values.
    [[nodiscard]] static Matrix from_rows(const std::vector<std::vector<double>>& rows);
    // `values` row-major; the same checks, plus values.size() == rows * cols.
    [[nodiscard]] static Matrix from_values(std::size_t rows, std::size_t cols,
                                            std::vector<double> values);

    [[nodiscard]] std::size_t rows() const noexcept { return rows_; }
    [[nodiscard]] std::size_t cols() const noexcept { return cols_; }
    [[nodiscard]] double at(std::size_t row, std::size_t col) const;  // asserts the position
    [[nodiscard]] const std::vector<double>& values() const noexcept { return values_; }
    [[nodiscard]] std::vector<double> column(std::size_t col) const;

    friend bool operator==(const Matrix&, const Matrix&) = default;

  private:
    Matrix(std::size_t rows, std::size_t cols, std::vector<double> values);

    std::size_t rows_;
    std::size_t cols_;
    std::vector<double> values_;
};

// Shared argument checks; each throws InputError naming the argument.
void validate_types(const std::vector<CriterionType>& types, std::size_t criteria);
// One finite, non-negative weight per criterion. The sum is not checked: weights are used as given.
void validate_weights(const std::vector<double>& weights, std::size_t criteria);

// Simple additive weighting: score_i = sum_j weights_j * n_ij with n = normalize(...). Weights
// are applied AS GIVEN, never rescaled, so published examples whose weights do not sum to 1 are
// reproduced; call normalize_weights() (weights.hpp) first when shares are wanted. Higher is
// better. With Normalization::Vector, which keeps each criterion's direction, cost terms are
// subtracted (the ratio system of MOORA, Brauers & Zavadskas 2006) so that higher stays better.
[[nodiscard]] std::vector<double> weighted_sum(const Matrix& matrix,
                                               const std::vector<double>& weights,
                                               const std::vector<CriterionType>& types,
                                               Normalization normalization,
                                               const std::vector<Bounds>& bounds = {});

// 1-based ranks: rank 1 is the best score. Scores equal to 9 decimals are ties, ranked by position
// (the lower index first), so the result is deterministic and every rank 1..n appears once.
// InputError for non-finite scores.
[[nodiscard]] std::vector<std::size_t> ranks_from_scores(const std::vector<double>& scores,
                                                         bool higher_is_better);

}  // namespace cargoquote::selection
