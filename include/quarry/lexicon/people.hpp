// quarry/lexicon/people.hpp: the words a reader uses to recognise a person in news text.
// Given names (generated list, people_first_names.hpp), honorifics ("Ms.", "Datuk"), titles
// ("Prime Minister", "Gen."), role nouns ("spokeswoman", "geologist"), kin nouns ("wife"),
// nationality nouns ("Frenchman") and name particles ("al-", "bin", "van"). Built once, shared.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "quarry/lexicon/people_first_names.hpp"
#include "quarry/lexicon/words.hpp"

namespace quarry {
inline namespace v0 {

enum class gender : std::uint8_t { unknown, male, female };

[[nodiscard]] constexpr std::string_view to_string(gender g) noexcept {
  switch (g) {
    case gender::male: return "male";
    case gender::female: return "female";
    case gender::unknown: return {};
  }
  return {};
}

namespace detail {

// Honorifics stand before a name and are kept in the mention ("Ms. Singh"), not in the name.
struct honorific_entry {
  std::string_view word;
  gender g;
};
inline constexpr honorific_entry builtin_honorifics[] = {
    {"mr", gender::male},       {"mrs", gender::female},   {"ms", gender::female},
    {"miss", gender::female},   {"mx", gender::unknown},   {"dr", gender::unknown},
    {"prof", gender::unknown},  {"sir", gender::male},     {"dame", gender::female},
    {"lord", gender::male},     {"lady", gender::female},  {"rev", gender::unknown},
    {"datuk", gender::unknown}, {"dato", gender::unknown}, {"dato'", gender::unknown},
    {"datin", gender::female},  {"tun", gender::unknown},  {"tan", gender::unknown},
    {"seri", gender::unknown},  {"sri", gender::unknown},  {"sheikh", gender::male},
    {"sheikha", gender::female}, {"mme", gender::female},  {"mlle", gender::female},
    {"herr", gender::male},     {"frau", gender::female},  {"señor", gender::male},
    {"senor", gender::male},    {"señora", gender::female}, {"monsieur", gender::male},
    {"madame", gender::female}, {"haji", gender::male},    {"hajjah", gender::female},
};

// Capitalised titles before a name. A head ends a title ("Prime Minister", "Defense Secretary");
// a modifier may only stand before a head ("Prime", "Deputy", "Defense").
enum class title_part : std::uint8_t { head, modifier };
struct title_entry {
  std::string_view word;
  title_part part;
  gender g = gender::unknown;
};
inline constexpr title_entry builtin_titles[] = {
    // heads
    {"president", title_part::head}, {"minister", title_part::head}, {"secretary", title_part::head},
    {"premier", title_part::head}, {"chancellor", title_part::head}, {"pm", title_part::head},
    {"mp", title_part::head}, {"mep", title_part::head}, {"senator", title_part::head},
    {"sen", title_part::head}, {"rep", title_part::head}, {"representative", title_part::head},
    {"congressman", title_part::head, gender::male}, {"congresswoman", title_part::head, gender::female},
    {"governor", title_part::head}, {"gov", title_part::head}, {"mayor", title_part::head},
    {"king", title_part::head, gender::male}, {"queen", title_part::head, gender::female},
    {"prince", title_part::head, gender::male}, {"princess", title_part::head, gender::female},
    {"emperor", title_part::head, gender::male}, {"empress", title_part::head, gender::female},
    {"pope", title_part::head, gender::male}, {"emir", title_part::head, gender::male},
    {"sultan", title_part::head, gender::male}, {"crown", title_part::modifier},
    {"ayatollah", title_part::head, gender::male}, {"imam", title_part::head, gender::male},
    {"rabbi", title_part::head}, {"bishop", title_part::head}, {"archbishop", title_part::head},
    {"cardinal", title_part::head, gender::male}, {"father", title_part::head, gender::male},
    {"judge", title_part::head}, {"justice", title_part::head}, {"magistrate", title_part::head},
    {"ambassador", title_part::head}, {"envoy", title_part::head}, {"commissioner", title_part::head},
    {"speaker", title_part::head}, {"chairman", title_part::head, gender::male},
    {"chairwoman", title_part::head, gender::female}, {"chair", title_part::head},
    {"ceo", title_part::head}, {"cfo", title_part::head}, {"coo", title_part::head},
    {"director", title_part::head}, {"spokesman", title_part::head, gender::male},
    {"spokeswoman", title_part::head, gender::female}, {"spokesperson", title_part::head},
    {"general", title_part::head}, {"gen", title_part::head}, {"lt", title_part::head},
    {"lieutenant", title_part::head}, {"colonel", title_part::head}, {"col", title_part::head},
    {"major", title_part::head}, {"maj", title_part::head}, {"captain", title_part::head},
    {"capt", title_part::head}, {"cpt", title_part::head}, {"sergeant", title_part::head},
    {"sgt", title_part::head}, {"corporal", title_part::head}, {"cpl", title_part::head},
    {"private", title_part::head}, {"pte", title_part::head}, {"pvt", title_part::head},
    {"admiral", title_part::head}, {"adm", title_part::head}, {"commander", title_part::head},
    {"cmdr", title_part::head}, {"marshal", title_part::head}, {"brigadier", title_part::head},
    {"brig", title_part::head}, {"inspector", title_part::head}, {"detective", title_part::head},
    {"det", title_part::head}, {"constable", title_part::head}, {"superintendent", title_part::head},
    {"supt", title_part::head}, {"officer", title_part::head}, {"sheriff", title_part::head},
    {"attorney", title_part::head}, {"prosecutor", title_part::head}, {"coach", title_part::head},
    {"manager", title_part::head}, {"professor", title_part::head}, {"chief", title_part::head},
    {"leader", title_part::head}, {"head", title_part::head}, {"vice-president", title_part::head},
    // business and civic titles that end a title phrase ("Chief Executive", "General Counsel")
    {"executive", title_part::head}, {"counsel", title_part::head}, {"treasurer", title_part::head},
    {"administrator", title_part::head}, {"registrar", title_part::head}, {"coroner", title_part::head},
    {"chairperson", title_part::head}, {"founder", title_part::head}, {"editor", title_part::head},
    {"dci", title_part::head}, {"dsupt", title_part::head}, {"insp", title_part::head},
    {"deputy", title_part::modifier}, {"vice", title_part::modifier}, {"prime", title_part::modifier},
    {"foreign", title_part::modifier}, {"defense", title_part::modifier}, {"defence", title_part::modifier},
    {"interior", title_part::modifier}, {"finance", title_part::modifier}, {"home", title_part::modifier},
    {"state", title_part::modifier}, {"health", title_part::modifier}, {"education", title_part::modifier},
    {"justice", title_part::modifier}, {"trade", title_part::modifier}, {"energy", title_part::modifier},
    {"communications", title_part::modifier}, {"transport", title_part::modifier},
    {"treasury", title_part::modifier}, {"culture", title_part::modifier}, {"labour", title_part::modifier},
    {"labor", title_part::modifier}, {"agriculture", title_part::modifier}, {"environment", title_part::modifier},
    {"economy", title_part::modifier}, {"economic", title_part::modifier}, {"industry", title_part::modifier},
    {"investment", title_part::modifier}, {"information", title_part::modifier}, {"oil", title_part::modifier},
    {"security", title_part::modifier}, {"national", title_part::modifier}, {"executive", title_part::modifier},
    {"chief", title_part::modifier}, {"senior", title_part::modifier}, {"first", title_part::modifier},
    {"attorney", title_part::modifier}, {"general", title_part::modifier}, {"supreme", title_part::modifier},
    {"high", title_part::modifier}, {"grand", title_part::modifier}, {"lord", title_part::modifier},
    {"police", title_part::modifier}, {"army", title_part::modifier}, {"military", title_part::modifier},
    {"lance", title_part::modifier}, {"staff", title_part::modifier}, {"rear", title_part::modifier},
    {"air", title_part::modifier}, {"field", title_part::modifier}, {"master", title_part::modifier},
    {"assistant", title_part::modifier}, {"acting", title_part::modifier}, {"former", title_part::modifier},
    {"opposition", title_part::modifier}, {"party", title_part::modifier}, {"majority", title_part::modifier},
    {"minority", title_part::modifier}, {"managing", title_part::modifier}, {"district", title_part::modifier},
    {"circuit", title_part::modifier}, {"federal", title_part::modifier}, {"county", title_part::modifier},
    {"u.s", title_part::modifier}, {"us", title_part::modifier}, {"uk", title_part::modifier},
    {"eu", title_part::modifier}, {"un", title_part::modifier}, {"nato", title_part::modifier},
    {"white", title_part::modifier}, {"house", title_part::modifier}, {"press", title_part::modifier},
    {"financial", title_part::modifier}, {"operating", title_part::modifier}, {"technology", title_part::modifier},
    {"technical", title_part::modifier}, {"marketing", title_part::modifier}, {"legal", title_part::modifier},
    {"medical", title_part::modifier}, {"scientific", title_part::modifier}, {"cabinet", title_part::modifier},
    {"development", title_part::modifier}, {"science", title_part::modifier}, {"sports", title_part::modifier},
    {"pentagon", title_part::modifier}, {"kremlin", title_part::modifier},
};

// Lower-case nouns that name a person's role or occupation: "spokeswoman Sabrina Singh",
// "Sabrina Singh, the deputy spokesperson". A name right after or in apposition is a person.
struct role_entry {
  std::string_view word;
  gender g = gender::unknown;
};
inline constexpr role_entry builtin_roles[] = {
    {"spokesman", gender::male}, {"spokeswoman", gender::female}, {"spokesperson"}, {"official"},
    {"minister"}, {"president"}, {"secretary"}, {"commander"}, {"leader"}, {"chief"}, {"head"},
    {"director"}, {"chairman", gender::male}, {"chairwoman", gender::female}, {"chair"},
    {"founder"}, {"co-founder"}, {"ceo"}, {"executive"}, {"manager"}, {"boss"}, {"owner"},
    {"analyst"}, {"economist"}, {"strategist"}, {"expert"}, {"researcher"}, {"scientist"},
    {"geologist"}, {"biologist"}, {"physicist"}, {"chemist"}, {"astronomer"}, {"astronaut"},
    {"engineer"}, {"doctor"}, {"physician"}, {"surgeon"}, {"nurse"}, {"epidemiologist"},
    {"professor"}, {"lecturer"}, {"teacher"}, {"student"}, {"author"}, {"co-author"},
    {"writer"}, {"novelist"}, {"poet"}, {"journalist"}, {"reporter"}, {"correspondent"},
    {"editor"}, {"columnist"}, {"photographer"}, {"presenter"}, {"host"}, {"broadcaster"},
    {"lawyer"}, {"attorney"}, {"barrister"}, {"solicitor"}, {"prosecutor"}, {"judge"},
    {"defendant"}, {"plaintiff"}, {"witness"}, {"victim"}, {"suspect"}, {"detective"},
    {"inspector"}, {"officer"}, {"constable"}, {"sergeant"}, {"general"}, {"colonel"},
    {"captain"}, {"lieutenant"}, {"soldier"}, {"militant"}, {"fighter"}, {"activist"},
    {"campaigner"}, {"protester"}, {"politician"}, {"lawmaker"}, {"legislator"}, {"senator"},
    {"congressman", gender::male}, {"congresswoman", gender::female}, {"governor"}, {"mayor"},
    {"diplomat"}, {"ambassador"}, {"envoy"}, {"negotiator"}, {"adviser"}, {"advisor"},
    {"aide"}, {"candidate"}, {"nominee"}, {"challenger"}, {"incumbent"}, {"rival"},
    {"opponent"}, {"player"}, {"striker"}, {"midfielder"}, {"defender"}, {"goalkeeper"},
    {"forward"}, {"winger"}, {"batsman"}, {"bowler"}, {"pitcher"}, {"quarterback"},
    {"coach"}, {"champion"}, {"seed"}, {"athlete"}, {"runner"}, {"sprinter"}, {"driver"},
    {"rider"}, {"cyclist"}, {"swimmer"}, {"boxer"}, {"golfer"}, {"star"}, {"singer"},
    {"actor", gender::male}, {"actress", gender::female}, {"artist"}, {"musician"},
    {"guitarist"}, {"drummer"}, {"rapper"}, {"comedian"}, {"director"}, {"producer"},
    {"designer"}, {"architect"}, {"entrepreneur"}, {"billionaire"}, {"investor"}, {"banker"},
    {"trader"}, {"farmer"}, {"worker"}, {"resident"}, {"chef"}, {"pilot"}, {"priest"},
    {"cleric"}, {"preacher"}, {"pastor"}, {"monk"}, {"nun", gender::female}, {"rabbi"},
    {"imam"}, {"businessman", gender::male}, {"businesswoman", gender::female},
    {"chancellor"}, {"premier"}, {"counterpart"}, {"predecessor"}, {"successor"},
    {"deputy"}, {"representative"}, {"delegate"}, {"commissioner"}, {"governor"},
    {"councillor"}, {"councilor"}, {"mp"}, {"superintendent"}, {"chief executive"},
    {"fellow"}, {"historian"}, {"psychologist"}, {"sociologist"}, {"veteran"},
    {"heir"}, {"survivor"}, {"teammate"}, {"skipper"}, {"captain"}, {"manager"},
    {"investigator"}, {"regulator"}, {"auditor"}, {"accountant"},
};

// Relatives and partners: "his wife Sharon", "Anwar's daughter, Nurul Izzah".
inline constexpr role_entry builtin_kin[] = {
    {"wife", gender::female}, {"husband", gender::male}, {"partner"}, {"fiancee", gender::female},
    {"fiance", gender::male}, {"girlfriend", gender::female}, {"boyfriend", gender::male},
    {"daughter", gender::female}, {"son", gender::male}, {"mother", gender::female},
    {"father", gender::male}, {"brother", gender::male}, {"sister", gender::female},
    {"widow", gender::female}, {"widower", gender::male}, {"grandson", gender::male},
    {"granddaughter", gender::female}, {"grandmother", gender::female}, {"grandfather", gender::male},
    {"uncle", gender::male}, {"aunt", gender::female}, {"nephew", gender::male},
    {"niece", gender::female}, {"cousin"}, {"stepson", gender::male}, {"stepdaughter", gender::female},
    {"friend"}, {"colleague"}, {"mentor"}, {"ex-wife", gender::female}, {"ex-husband", gender::male},
};

// Capitalised nouns for a person of a nation, which stand before a name like a title
// ("Frenchman Corentin Moutet"). ISO 3166-1 alpha-2 of the nation.
struct nationality_entry {
  std::string_view word;
  std::string_view country;
  gender g = gender::unknown;
};
inline constexpr nationality_entry builtin_nationality_nouns[] = {
    {"frenchman", "FR", gender::male},   {"frenchwoman", "FR", gender::female},
    {"englishman", "GB", gender::male},  {"englishwoman", "GB", gender::female},
    {"scot", "GB"},                      {"scotsman", "GB", gender::male},
    {"scotswoman", "GB", gender::female}, {"welshman", "GB", gender::male},
    {"welshwoman", "GB", gender::female}, {"irishman", "IE", gender::male},
    {"irishwoman", "IE", gender::female}, {"dutchman", "NL", gender::male},
    {"dutchwoman", "NL", gender::female}, {"brit", "GB"},
    {"briton", "GB"},                    {"spaniard", "ES"},
    {"swede", "SE"},                     {"dane", "DK"},
    {"finn", "FI"},                      {"pole", "PL"},
    {"swiss", "CH"},                     {"kiwi", "NZ"},
    {"aussie", "AU"},                    {"yankee", "US"},
};

// Letters after a name that are part of the mention but not of the name: "Olivia Marsh KC",
// "John Smith Jr.", "Jane Doe MP".
inline constexpr std::string_view builtin_post_nominals[] = {
    "kc", "qc", "sc", "mp", "msp", "mep", "obe", "mbe", "cbe", "kbe", "dbe", "jr", "sr", "phd",
    "md", "esq", "iii", "ii", "iv",
};

// Particles that join the parts of a name: "Abu Mahdi al-Muhandis", "Ursula von der Leyen".
inline constexpr std::string_view builtin_particles[] = {
    "al", "el", "bin", "binti", "ibn", "bint", "van", "von", "der", "den", "de", "da", "di",
    "du", "del", "della", "dos", "das", "la", "le", "ter", "ten", "ould", "ben", "st",
};

}  // namespace detail

// What the lexicon knows about one word.
struct first_name_info {
  gender g = gender::unknown;
  bool ambiguous = false;  // also a common English word ("Will", "Grant")
};

// A title word: a head ends a title ("Minister"), a modifier stands before one ("Prime").
struct title_info {
  bool head = false;
  bool modifier = false;
  gender g = gender::unknown;
};

// The person lexicon: immutable after construction, thread-safe to read.
class people_lexicon {
 public:
  people_lexicon() {
    std::size_t total = 0;
    for (auto c : detail::first_name_chunks) total += c.size() / 6 + 1;
    first_names_.reserve(total);
    for (auto chunk : detail::first_name_chunks) {
      while (!chunk.empty()) {
        auto nl = chunk.find('\n');
        auto line = chunk.substr(0, nl);
        chunk.remove_prefix(nl == std::string_view::npos ? chunk.size() : nl + 1);
        if (line.size() < 2) continue;
        char g = line.back();
        first_name_info info;
        info.ambiguous = g >= 'A' && g <= 'Z';
        if (info.ambiguous) g = static_cast<char>(g - 'A' + 'a');
        info.g = g == 'm' ? gender::male : g == 'f' ? gender::female : gender::unknown;
        first_names_.emplace(line.substr(0, line.size() - 1), info);
      }
    }
    for (const auto& h : detail::builtin_honorifics) honorifics_.emplace(h.word, h.g);
    for (const auto& t : detail::builtin_titles) {
      auto& info = titles_[std::string(t.word)];
      (t.part == detail::title_part::head ? info.head : info.modifier) = true;
      if (t.g != gender::unknown) info.g = t.g;
    }
    for (const auto& r : detail::builtin_roles) roles_.emplace(r.word, r.g);
    for (const auto& r : detail::builtin_kin) kin_.emplace(r.word, r.g);
    for (const auto& n : detail::builtin_nationality_nouns) nationality_.emplace(n.word, n);
    for (auto p : detail::builtin_particles) particles_.emplace(p, true);
    for (auto p : detail::builtin_post_nominals) post_nominals_.emplace(p, true);
  }

  // The built-in lexicon, built on first use and shared by every caller.
  [[nodiscard]] static std::shared_ptr<const people_lexicon> builtin() {
    static const std::shared_ptr<const people_lexicon> lex = std::make_shared<const people_lexicon>();
    return lex;
  }

  // A given name; accented Latin letters also match their plain form ("José" as "Jose").
  [[nodiscard]] const first_name_info* first_name(std::string_view w) const noexcept {
    if (const auto* f = find(first_names_, w)) return f;
    std::array<char, detail::max_folded_word> plain{};
    std::size_t n = 0;
    bool changed = false;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (n >= plain.size()) return nullptr;
      const auto c = static_cast<unsigned char>(w[i]);
      if (c == 0xC3 && i + 1 < w.size()) {
        const auto d = static_cast<unsigned char>(w[i + 1]) | 0x20u;  // lower case the Latin-1 letter
        static constexpr std::string_view from = "\xA0\xA1\xA2\xA3\xA4\xA5\xA7\xA8\xA9\xAA\xAB\xAC\xAD\xAE\xAF\xB1\xB2\xB3\xB4\xB5\xB6\xB8\xB9\xBA\xBB\xBC\xBD";
        static constexpr std::string_view to = "aaaaaaceeeeiiiinoooooouuuuy";
        const auto at = from.find(static_cast<char>(d));
        if (at == std::string_view::npos) return nullptr;
        plain[n++] = to[at];
        ++i;
        changed = true;
        continue;
      }
      if (c >= 0x80) return nullptr;
      plain[n++] = static_cast<char>(c);
    }
    return changed ? find(first_names_, std::string_view(plain.data(), n)) : nullptr;
  }
  // The honorific's gender, or nullptr when w is no honorific ("Mr." and "Mr" both are).
  [[nodiscard]] const gender* honorific(std::string_view w) const noexcept { return find(honorifics_, w); }
  // A capitalised title word ("Minister": head; "Prime": modifier; "Chief": both); nullptr when none.
  // Hyphenated titles ("Director-General", "Secretary-General") read as their parts: a head when
  // every part is a title word and the last is a head.
  [[nodiscard]] const title_info* title(std::string_view w) const noexcept {
    if (const auto* t = find(titles_, w)) return t;
    const auto h = w.find('-');
    if (h == std::string_view::npos || h == 0 || h + 1 >= w.size()) return nullptr;
    std::string_view rest = w;
    const title_info* last = nullptr;
    while (!rest.empty()) {
      const auto k = rest.find('-');
      last = find(titles_, rest.substr(0, k));
      if (!last) return nullptr;
      rest = k == std::string_view::npos ? std::string_view() : rest.substr(k + 1);
    }
    return last && last->head ? last : nullptr;
  }
  [[nodiscard]] bool post_nominal(std::string_view w) const noexcept { return find(post_nominals_, w) != nullptr; }
  [[nodiscard]] const gender* role(std::string_view w) const noexcept { return find(roles_, w); }
  [[nodiscard]] const gender* kin(std::string_view w) const noexcept { return find(kin_, w); }
  [[nodiscard]] const detail::nationality_entry* nationality_noun(std::string_view w) const noexcept {
    return find(nationality_, w);
  }
  [[nodiscard]] bool particle(std::string_view w) const noexcept { return find(particles_, w) != nullptr; }

  [[nodiscard]] std::size_t first_name_count() const noexcept { return first_names_.size(); }

 private:
  template <class V>
  [[nodiscard]] static const V* find(const detail::word_map<V>& m, std::string_view w) noexcept {
    return detail::find_folded(m, w);
  }

  detail::word_map<first_name_info> first_names_;
  detail::word_map<gender> honorifics_;
  detail::word_map<title_info> titles_;
  detail::word_map<gender> roles_;
  detail::word_map<gender> kin_;
  detail::word_map<detail::nationality_entry> nationality_;
  detail::word_map<bool> particles_;
  detail::word_map<bool> post_nominals_;
};

}  // namespace v0
}  // namespace quarry
