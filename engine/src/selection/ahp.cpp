#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/ahp.hpp>
#include <cmath>
#include <numeric>
#include <utility>

namespace cargoquote::selection {

namespace {
// RI(n) at index n - 1. Both tables agree that a 1x1 or 2x2 reciprocal matrix is always consistent.
// Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill.
constexpr std::array<double, 10> kSaaty1980 = {0.0,  0.0,  0.58, 0.90, 1.12,
                                               1.24, 1.32, 1.41, 1.45, 1.49};
// Alonso & Lamata (2006), Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14(4).
constexpr std::array<double, 10> kAlonsoLamata2006 = {0.0,    0.0,    0.5245, 0.8815, 1.1086,
                                                      1.2479, 1.3417, 1.4056, 1.4499, 1.4854};

// Saaty judgements are exact reciprocals; the tolerance only absorbs binary rounding of 1/3 etc.
constexpr double kReciprocalTolerance = 1e-9;
constexpr double kConvergence = 1e-12;
// A positive matrix on the 1-9 scale converges in well under a thousand steps; this is a backstop.
constexpr int kMaxIterations = 100'000;

void validate_pairwise(const Matrix& a) {
    if (a.rows() != a.cols()) {
        throw InputError(ErrorCode::InvalidInput, "pairwise",
                         fmt::format("must be square, got {} x {}", a.rows(), a.cols()));
    }
    // Positivity first, over the whole matrix, so a bad entry is named itself rather than
    // through its mirror's reciprocity check.
    for (std::size_t i = 0; i < a.rows(); ++i) {
        for (std::size_t j = 0; j < a.cols(); ++j) {
            if (!(a.at(i, j) > 0.0)) {
                throw InputError(ErrorCode::InvalidInput, fmt::format("pairwise/{}/{}", i, j),
                                 fmt::format("judgement must be positive, got {}", a.at(i, j)));
            }
        }
    }
    for (std::size_t i = 0; i < a.rows(); ++i) {
        for (std::size_t j = 0; j < a.cols(); ++j) {
            // a_ii = 1 / a_ii means a_ii = 1, so one check covers the diagonal too.
            const double expected = 1.0 / a.at(j, i);
            if (std::abs(a.at(i, j) / expected - 1.0) > kReciprocalTolerance) {
                throw InputError(ErrorCode::InvalidInput, fmt::format("pairwise/{}/{}", i, j),
                                 fmt::format("{} should be {}: a_ij = 1 / a_ji, and 1 on the "
                                             "diagonal",
                                             a.at(i, j), i == j ? 1.0 : expected));
            }
        }
    }
}

std::vector<double> multiply(const Matrix& a, const std::vector<double>& w) {
    std::vector<double> out(a.rows(), 0.0);
    for (std::size_t i = 0; i < a.rows(); ++i) {
        for (std::size_t j = 0; j < a.cols(); ++j) out[i] += a.at(i, j) * w[j];
    }
    return out;
}

double sum(const std::vector<double>& x) { return std::accumulate(x.begin(), x.end(), 0.0); }

// Power iteration on a positive matrix (Perron-Frobenius: a unique positive principal eigenvector).
// With w summing to 1, sum(A w) equals lambda_max at the fixed point.
std::pair<std::vector<double>, double> principal_eigenpair(const Matrix& a) {
    std::vector<double> w(a.rows(), 1.0 / static_cast<double>(a.rows()));
    for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
        std::vector<double> next = multiply(a, w);
        const double scale = sum(next);
        double largest_move = 0.0;
        for (std::size_t i = 0; i < next.size(); ++i) {
            next[i] /= scale;
            largest_move = std::max(largest_move, std::abs(next[i] - w[i]));
        }
        w = std::move(next);
        if (largest_move < kConvergence) return {w, sum(multiply(a, w))};
    }
    throw Error(ErrorCode::Internal, "pairwise", "power iteration did not converge");
}

const std::array<double, 10>& table_values(RandomIndexTable table) {
    return table == RandomIndexTable::AlonsoLamata2006 ? kAlonsoLamata2006 : kSaaty1980;
}
}  // namespace

double random_index(std::size_t n, RandomIndexTable table) {
    const auto& values = table_values(table);
    if (n == 0 || n > values.size()) {
        throw InputError(ErrorCode::InvalidInput, "n",
                         fmt::format("the random index table covers 1 to {} criteria, not {}",
                                     values.size(), n));
    }
    return values[n - 1];
}

AhpResult ahp_weights(const Matrix& pairwise, RandomIndexTable table) {
    validate_pairwise(pairwise);
    const std::size_t n = pairwise.rows();
    const double ri = random_index(n, table);  // checks the size before any work is done
    auto [weights, lambda_max] = principal_eigenpair(pairwise);
    AhpResult result;
    result.weights = std::move(weights);
    result.lambda_max = lambda_max;
    if (n > 2) {
        const double dimension = static_cast<double>(n);
        // lambda_max >= n holds exactly; the clamp removes rounding noise on consistent matrices.
        result.ci = std::max(0.0, (lambda_max - dimension) / (dimension - 1.0));
        result.cr = result.ci / ri;
    }
    result.consistent = result.cr <= kAhpMaxConsistencyRatio;
    return result;
}

Matrix reciprocal_from_upper_triangle(const std::vector<std::vector<double>>& upper_rows) {
    const std::size_t n = upper_rows.size() + 1;
    std::vector<double> values(n * n, 1.0);
    for (std::size_t i = 0; i < upper_rows.size(); ++i) {
        const auto& row = upper_rows[i];
        if (row.size() != n - 1 - i) {
            throw InputError(ErrorCode::InvalidInput, fmt::format("upper_rows/{}", i),
                             fmt::format("row {} of {} criteria needs {} judgements, got {}", i, n,
                                         n - 1 - i, row.size()));
        }
        for (std::size_t k = 0; k < row.size(); ++k) {
            if (!std::isfinite(row[k]) || !(row[k] > 0.0)) {
                throw InputError(ErrorCode::InvalidInput, fmt::format("upper_rows/{}/{}", i, k),
                                 fmt::format("judgement must be positive, got {}", row[k]));
            }
            const std::size_t j = i + 1 + k;
            values[i * n + j] = row[k];
            values[j * n + i] = 1.0 / row[k];
        }
    }
    return Matrix::from_values(n, n, std::move(values));
}

}  // namespace cargoquote::selection
