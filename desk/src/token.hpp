#pragma once
// Bearer tokens: "cqt_" + base64url (no padding) of 32 bytes from OpenSSL's CSPRNG. Only their
// SHA-256 is ever stored; a token is looked up by its hash, so no comparison of secrets happens
// in this code (and none needs to be constant-time).

#include <array>
#include <string>
#include <string_view>

namespace cargoquote::desk {

inline constexpr std::string_view kTokenPrefix = "cqt_";
inline constexpr std::size_t kTokenRandomBytes = 32;
inline constexpr std::size_t kTokenLength = 4 + 43;  // prefix + ceil(32 * 4 / 3) characters

using TokenHash = std::array<unsigned char, 32>;

// DeskError(Internal) when the random generator cannot be seeded.
[[nodiscard]] std::string new_token();
[[nodiscard]] TokenHash token_hash(std::string_view token);
// The right prefix, length and alphabet: anything else cannot be a token and is not looked up.
[[nodiscard]] bool looks_like_token(std::string_view text) noexcept;
// RFC 4648 section 5, without padding.
[[nodiscard]] std::string base64url(const unsigned char* data, std::size_t size);

}  // namespace cargoquote::desk
