// Whether this build runs under AddressSanitizer (g++ or clang): the few places that hand memory to
// the operating system instead of freeing it, or take it from their own pools, do the plain thing
// then, so that the sanitizer sees every block.
#pragma once

// VERDEEL_SANITIZED (0 or 1) for the preprocessor, where a definition must be left out altogether
// (cli/new_delete.cpp); kSanitized for code.
#if defined(__SANITIZE_ADDRESS__)
#define VERDEEL_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VERDEEL_SANITIZED 1
#endif
#endif
#ifndef VERDEEL_SANITIZED
#define VERDEEL_SANITIZED 0
#endif

namespace verdeel {

inline constexpr bool kSanitized = VERDEEL_SANITIZED == 1;

}  // namespace verdeel
