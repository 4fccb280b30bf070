#pragma once
// Test helper: run a call expected to reject its input and report which field it blamed.

#include <cargoquote/core/error.hpp>
#include <string>

namespace cargoquote::selection::testing {

// The field of the InputError(InvalidInput) thrown by `call`, or a marker that makes the caller's
// EXPECT_EQ fail with a readable message when nothing, or something else, was thrown.
template <typename Call>
std::string input_error_field(Call&& call) {
    try {
        call();
    } catch (const InputError& error) {
        if (error.code() != ErrorCode::InvalidInput) return "<InputError with another code>";
        return error.field();
    } catch (...) {
        return "<exception other than InputError>";
    }
    return "<nothing thrown>";
}

}  // namespace cargoquote::selection::testing
