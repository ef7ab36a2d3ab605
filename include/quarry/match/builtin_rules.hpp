// quarry/match/builtin_rules.hpp: the built-in pattern kinds, e-mail addresses, web addresses, social-media
// handles and hashtags: RE2 rules for the patterns stage, off unless asked for (quarry-extract --kinds
// emails,urls,handles,hashtags). A rule's first capturing group is what it reports, which stands in for the
// look-behind RE2 does not have ("@name" not after a word character).
#pragma once

#include <string>
#include <string_view>

#include "quarry/error.hpp"
#include "quarry/match/rules.hpp"

namespace quarry {
inline namespace v0 {

struct builtin_pattern_kind {
  std::string_view kind;
  std::string_view id;
  std::string_view regex;
};

inline constexpr builtin_pattern_kind builtin_pattern_kinds[] = {
    // local part, '@', dotted domain ending in a top-level domain of letters
    {"emails", "email", R"((?:^|[^\w.%+-])([\w.%+-]+@[\pL\pN-]+(?:\.[\pL\pN-]+)*\.\pL{2,}))"},
    // a scheme or "www.", then anything up to white space or a quote or bracket, not ending in punctuation
    {"urls", "url", R"(\b((?:https?://|www\.)[^\s<>"“”‘’()\[\]{}]*[^\s<>"“”‘’()\[\]{}.,;:!?'’]))"},
    // '@' and up to 30 word characters, not inside an e-mail address or a word
    {"handles", "handle", R"((?:^|[^\w@.])(@\w{1,30})\b)"},
    // '#', then letters, digits and '_' with at least one letter ("#COP28", "#MeToo", "#Évian"; not "#1")
    {"hashtags", "hashtag", R"((?:^|[^\pL\pN_&#/])(#[\pL\pN_]*\pL[\pL\pN_]*))"},
};

// The rule of a built-in pattern kind by its name; throws usage_error for an unknown name.
[[nodiscard]] inline rule builtin_pattern_rule(std::string_view kind) {
  for (const auto& k : builtin_pattern_kinds) {
    if (k.kind == kind) {
      rule r;
      r.id = std::string(k.id);
      r.kind = std::string(k.kind);
      r.regex = std::string(k.regex);
      return r;
    }
  }
  throw usage_error("unknown built-in pattern kind '" + std::string(kind) + "' (known: emails, urls, handles, hashtags)");
}

}  // namespace v0
}  // namespace quarry
