// quarry/match/rules.hpp: pattern rules, written in code or read from a JSON Lines file, for the patterns
// stage (extract/patterns.hpp). A rule is an RE2 regular expression over the text or a token pattern (a
// sequence of token tests, as spaCy's Matcher has them), and names the kind its matches become: a kind
// of the user's, or the built-in actors or locations with a canonical name (an entity ruler).
#pragma once

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quarry/error.hpp"
#include "quarry/match/json_line.hpp"

namespace quarry {
inline namespace v0 {

// What a token test can ask of a word besides its spelling. The lexicon answers the word classes
// (lexicon/lexeme_classes.hpp); the others are read from the token.
enum class lexeme_class : std::uint8_t {
  first_name,   // a given name ("Ana", "Olaf")
  title,        // a title word ("Minister", "Prime", "General")
  honorific,    // "Mr.", "Ms", "Dr."
  number,       // digits ("2,500", "3.2m") or a number word ("twelve")
  capitalized,  // a word whose first letter is upper case
  all_caps,     // a word of two or more letters, all upper case ("NATO")
  lower,        // a word starting in lower case
  word,         // any word
  punct,        // punctuation
};

inline constexpr std::pair<std::string_view, lexeme_class> lexeme_class_names[] = {
    {"first_name", lexeme_class::first_name}, {"title", lexeme_class::title},
    {"honorific", lexeme_class::honorific},   {"number", lexeme_class::number},
    {"capitalized", lexeme_class::capitalized}, {"capitalised", lexeme_class::capitalized},
    {"all_caps", lexeme_class::all_caps},     {"lower", lexeme_class::lower},
    {"word", lexeme_class::word},             {"punct", lexeme_class::punct}};

// One element of a token pattern: every condition given must hold; none given matches any token. It
// matches min to max tokens in a row (op "?": 0-1, "*": 0-many, "+": 1-many).
struct token_test {
  static constexpr std::uint8_t many = 0xFF;
  std::vector<std::string> text;   // the token is one of these, exactly
  std::vector<std::string> lower;  // the token is one of these, ASCII case folded (write them in lower case)
  std::vector<lexeme_class> classes;  // the token is of each
  std::uint8_t min = 1;
  std::uint8_t max = 1;
};

// Where a rule's matches go.
inline constexpr std::string_view rule_kind_actors = "actors";
inline constexpr std::string_view rule_kind_locations = "locations";

struct rule {
  std::string id;                  // reported with each match ("rule" in JSON)
  std::string kind;                // a kind name of the user's ("tickers"), or "actors" / "locations"
  std::string regex;               // an RE2 expression over the text; or
  std::vector<token_test> tokens;  // a token pattern
  std::string name;                // canonical name (the actor's or place's; written with a user kind's matches)
  std::string type;                // actors: person, organization (default), country, group;
                                   // locations: country, city, region, facility, other (default)
  std::string country;             // actors and locations: ISO 3166-1 alpha-2, when known
};

namespace detail {

[[nodiscard]] inline std::string rule_string(const json_value& v, std::string_view key) {
  if (v.t != json_value::type::string) throw json_syntax_error{"\"" + std::string(key) + "\" must be a string"};
  return v.str;
}

[[nodiscard]] inline std::vector<std::string> rule_strings(const json_value& v, std::string_view key) {
  if (v.t == json_value::type::string) return {v.str};
  std::vector<std::string> out;
  if (v.t == json_value::type::array) {
    for (const auto& item : v.items) out.push_back(rule_string(item, key));
    if (!out.empty()) return out;
  }
  throw json_syntax_error{"\"" + std::string(key) + "\" must be a string or a list of strings"};
}

[[nodiscard]] inline lexeme_class parse_lexeme_class(std::string_view name) {
  for (const auto& [n, c] : lexeme_class_names) {
    if (n == name) return c;
  }
  throw json_syntax_error{"unknown class '" + std::string(name) +
                          "' (known: first_name, title, honorific, number, capitalized, all_caps, lower, word, punct)"};
}

[[nodiscard]] inline token_test parse_token_test(const json_value& v) {
  if (v.t != json_value::type::object) throw json_syntax_error{"each element of \"pattern\" must be an object"};
  token_test t;
  for (const auto& [key, value] : v.members) {
    if (key == "text") {
      t.text = rule_strings(value, key);
    } else if (key == "lower") {
      t.lower = rule_strings(value, key);
      for (auto& w : t.lower) {
        for (char& c : w) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      }
    } else if (key == "class") {
      for (const auto& name : rule_strings(value, key)) t.classes.push_back(parse_lexeme_class(name));
    } else if (key == "op") {
      const std::string op = rule_string(value, key);
      if (op == "?") t.min = 0;
      else if (op == "*") { t.min = 0; t.max = token_test::many; }
      else if (op == "+") t.max = token_test::many;
      else if (op != "1") throw json_syntax_error{"\"op\" must be \"?\", \"*\", \"+\" or \"1\""};
    } else {
      throw json_syntax_error{"unknown key \"" + key + "\" in a token test (known: text, lower, class, op)"};
    }
  }
  return t;
}

// One rule from one JSON object; throws json_syntax_error with the reason.
[[nodiscard]] inline rule parse_rule(const json_value& v) {
  if (v.t != json_value::type::object) throw json_syntax_error{"a rule must be a JSON object"};
  rule r;
  bool has_pattern = false;
  for (const auto& [key, value] : v.members) {
    if (key == "id") r.id = rule_string(value, key);
    else if (key == "kind") r.kind = rule_string(value, key);
    else if (key == "regex") r.regex = rule_string(value, key);
    else if (key == "name") r.name = rule_string(value, key);
    else if (key == "type") r.type = rule_string(value, key);
    else if (key == "country") r.country = rule_string(value, key);
    else if (key == "pattern") {
      if (value.t != json_value::type::array || value.items.empty()) {
        throw json_syntax_error{"\"pattern\" must be a non-empty list of token tests"};
      }
      for (const auto& item : value.items) r.tokens.push_back(parse_token_test(item));
      has_pattern = true;
    } else {
      throw json_syntax_error{"unknown key \"" + key + "\" (known: id, kind, regex, pattern, name, type, country)"};
    }
  }
  if (r.kind.empty()) throw json_syntax_error{"a rule needs a \"kind\""};
  if (has_pattern == !r.regex.empty()) throw json_syntax_error{"a rule needs one of \"regex\" and \"pattern\""};
  if (r.id.empty()) r.id = r.kind;
  return r;
}

}  // namespace detail

// Rules to build a patterns stage from. Checking what only compiling can tell (a regex RE2 rejects, a
// kind name that is taken) happens when the stage is built, with the rule's source and line.
class rule_set {
 public:
  // Where a rule came from, for errors: a file's path and line, or "code" and the rule's number.
  struct source {
    std::string path;
    std::size_t line = 0;
  };

  rule_set& add(rule r) { return add(std::move(r), {"code", rules_.size() + 1}); }
  rule_set& add(rule r, source where) {
    rules_.push_back(std::move(r));
    sources_.push_back(std::move(where));
    return *this;
  }

  // Rules in JSON Lines, one object a line; blank lines and lines starting with '#' are skipped. A bad
  // line throws lexicon_error with path and line.
  rule_set& add_jsonl(std::string_view text, const std::string& path = "rules") {
    std::size_t line_no = 0;
    while (!text.empty()) {
      ++line_no;
      const std::size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      if (line.empty() || line.front() == '#') continue;
      try {
        add(detail::parse_rule(detail::json_line_parser(line).parse()), {path, line_no});
      } catch (const detail::json_syntax_error& e) {
        throw lexicon_error(path, line_no, e.what);
      }
    }
    return *this;
  }

  // A rules file (JSON Lines); throws lexicon_error when it cannot be read or a line is bad.
  rule_set& add_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw lexicon_error(path, 0, "cannot open the rules file");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw lexicon_error(path, 0, "cannot read the rules file");
    return add_jsonl(text, path);
  }

  [[nodiscard]] const std::vector<rule>& rules() const noexcept { return rules_; }
  [[nodiscard]] const source& source_of(std::size_t i) const { return sources_.at(i); }
  [[nodiscard]] std::size_t size() const noexcept { return rules_.size(); }
  [[nodiscard]] bool empty() const noexcept { return rules_.empty(); }

 private:
  std::vector<rule> rules_;
  std::vector<source> sources_;
};

}  // namespace v0
}  // namespace quarry
