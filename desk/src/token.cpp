#include "token.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cargoquote/desk/desk_error.hpp>

namespace cargoquote::desk {

namespace {
constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}  // namespace

std::string base64url(const unsigned char* data, std::size_t size) {
    std::string out;
    out.reserve((size * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= size; i += 3) {
        const unsigned v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    if (size - i == 1) {
        const unsigned v = data[i] << 16;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
    } else if (size - i == 2) {
        const unsigned v = (data[i] << 16) | (data[i + 1] << 8);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
    }
    return out;
}

std::string new_token() {
    std::array<unsigned char, kTokenRandomBytes> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw DeskError(ErrorCode::Internal, {}, "the random generator could not make a token");
    }
    std::string token(kTokenPrefix);
    token += base64url(bytes.data(), bytes.size());
    return token;
}

TokenHash token_hash(std::string_view token) {
    TokenHash hash{};
    unsigned int length = 0;
    if (EVP_Digest(token.data(), token.size(), hash.data(), &length, EVP_sha256(), nullptr) != 1 ||
        length != hash.size()) {
        throw DeskError(ErrorCode::Internal, {}, "SHA-256 failed");
    }
    return hash;
}

bool looks_like_token(std::string_view text) noexcept {
    if (text.size() != kTokenLength || !text.starts_with(kTokenPrefix)) return false;
    const std::string_view body = text.substr(kTokenPrefix.size());
    return std::all_of(body.begin(), body.end(),
                       [](char c) { return kAlphabet.find(c) != std::string_view::npos; });
}

}  // namespace cargoquote::desk
