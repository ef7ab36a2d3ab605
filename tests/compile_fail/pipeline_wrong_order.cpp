// Must NOT compile: a quote-like stage placed before the stage that provides the actors it needs.
// tests/CMakeLists.txt runs the compiler on this file and expects the static_assert's message; with
// -DQUARRY_RIGHT_ORDER the same stages in a working order must compile, which shows the failure comes
// from the order and from nothing else.
#include <quarry/pipeline.hpp>

struct gives_tokens {
  static constexpr unsigned provides = quarry::layer::tokens;
  void operator()(quarry::document&) const {}
};
struct gives_actors {
  static constexpr unsigned provides = quarry::layer::actors;
  static constexpr unsigned needs = quarry::layer::tokens;
  void operator()(quarry::document&) const {}
};
struct needs_actors {
  static constexpr unsigned provides = quarry::layer::quotes;
  static constexpr unsigned needs = quarry::layer::tokens | quarry::layer::actors;
  void operator()(quarry::document&) const {}
};

int main() {
#ifdef QUARRY_RIGHT_ORDER
  const auto p = quarry::make_pipeline(gives_tokens{}, gives_actors{}, needs_actors{});
#else
  const auto p = quarry::make_pipeline(gives_tokens{}, needs_actors{}, gives_actors{});
#endif
  quarry::document doc;
  p(doc);
}
