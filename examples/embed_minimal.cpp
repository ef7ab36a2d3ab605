// embed_minimal: the smallest useful program, the one in the README. Build one pipeline, extract from a
// string, print who, where, how many and who said what.
#include <quarry/quarry.hpp>

#include <iostream>

int main() {
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{},
                                             quarry::quantities{}, quarry::dates{}, quarry::quotes{});
  const quarry::document doc = extract(
      "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D Mayor Ana Ruiz said on Monday after about 300 homes in "
      "Valencia were flooded.");
  for (const auto& a : doc.actors()) std::cout << "actor: " << a.name << '\n';
  for (const auto& p : doc.places()) std::cout << "place: " << p.name << '\n';
  for (const auto& n : doc.quantities()) std::cout << "quantity: " << doc.text(n) << " = " << n.value.value_or(0) << '\n';
  for (const auto& d : doc.dates()) std::cout << "date: " << doc.text(d) << '\n';
  for (const auto& q : doc.quotes()) std::cout << "quote: " << doc.speaker_of(q) << ": " << doc.text(q) << '\n';
  std::cout << doc.tokens().size() << " tokens, " << doc.sentences().size() << " sentence(s)\n";
}
