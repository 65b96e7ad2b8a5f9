// Whether this build runs under AddressSanitizer (g++ or clang): the few places that hand memory to
// the operating system instead of freeing it, or take it from their own pools, do the plain thing
// then, so that the sanitizer sees every block.
#pragma once

namespace verdeel {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

}  // namespace verdeel
