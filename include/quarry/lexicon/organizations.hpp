// quarry/lexicon/organizations.hpp: the words that make a name an organization's.
// Head nouns that end or lead organization names ("Ministry", "Forces", "Inc."), and known
// organizations with their aliases ("ISIS", "ISIL", "Daesh" -> "Islamic State") in an alias table
// that users extend in code or from a TSV file. Phrases are matched over tokens, longest first.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/error.hpp"
#include "quarry/lexicon/people.hpp"
#include "quarry/lexicon/words.hpp"
#include "quarry/text/token.hpp"
#include "quarry/text/tokenize.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// The one list of organization head nouns, with what each extractor reads a word as: the head that
// ends or leads a name ("Ministry", "Forces", "Inc.") and whether it takes an "of ..." complement
// ("Ministry of Defence"); the head of a definite description that speaks for an organization ("the
// coalition said"), generic enough to mean the story's company ("the company said"); a head that
// holds a place after "of" ("Bank of America").
enum org_head_role : std::uint8_t {
  org_name_head = 1u << 0,
  org_head_takes_of = 1u << 1,
  org_description = 1u << 2,
  org_generic_description = 1u << 3,
  org_place_after_of = 1u << 4,
};
struct org_head_entry {
  std::string_view word;
  unsigned roles = 0;
};
// Sorted by word (checked below), so a look-up is a binary search.
inline constexpr org_head_entry builtin_org_heads[] = {
    {"academy", org_name_head | org_head_takes_of | org_place_after_of}, {"administration", org_name_head | org_description},
    {"ag", org_name_head}, {"agency", org_name_head | org_head_takes_of | org_description},
    {"airline", org_description | org_generic_description}, {"airlines", org_name_head},
    {"airport", org_name_head}, {"airways", org_name_head}, {"alliance", org_name_head | org_head_takes_of | org_description},
    {"archdiocese", org_place_after_of}, {"army", org_name_head | org_head_takes_of | org_description},
    {"assembly", org_name_head | org_head_takes_of}, {"association", org_name_head | org_head_takes_of | org_description | org_place_after_of},
    {"authority", org_name_head | org_head_takes_of | org_description},
    {"bank", org_name_head | org_head_takes_of | org_description | org_generic_description | org_place_after_of},
    {"battalion", org_name_head | org_head_takes_of}, {"battle", org_place_after_of},
    {"board", org_name_head | org_head_takes_of | org_description | org_place_after_of}, {"brigade", org_name_head | org_head_takes_of},
    {"brigades", org_name_head | org_head_takes_of}, {"broadcaster", org_description | org_generic_description},
    {"broadcasting", org_name_head}, {"bureau", org_name_head | org_head_takes_of}, {"cabinet", org_name_head},
    {"center", org_name_head | org_head_takes_of}, {"centers", org_name_head | org_head_takes_of}, {"centre", org_name_head | org_head_takes_of},
    {"centres", org_name_head | org_head_takes_of}, {"chamber", org_place_after_of},
    {"church", org_name_head | org_head_takes_of | org_place_after_of},
    {"club", org_name_head | org_description | org_generic_description | org_place_after_of},
    {"coalition", org_name_head | org_head_takes_of | org_description}, {"college", org_name_head | org_head_takes_of | org_place_after_of},
    {"command", org_name_head}, {"commission", org_name_head | org_head_takes_of | org_description | org_place_after_of},
    {"committee", org_name_head | org_head_takes_of | org_description},
    {"company", org_name_head | org_head_takes_of | org_description | org_generic_description | org_place_after_of},
    {"confederation", org_name_head | org_head_takes_of}, {"congress", org_name_head | org_head_takes_of}, {"consortium", org_name_head},
    {"constabulary", org_name_head}, {"corp", org_name_head},
    {"corporation", org_name_head | org_head_takes_of | org_place_after_of}, {"corps", org_name_head | org_head_takes_of},
    {"council", org_name_head | org_head_takes_of | org_description | org_place_after_of},
    {"court", org_name_head | org_head_takes_of | org_description | org_place_after_of},
    {"department", org_name_head | org_head_takes_of | org_description | org_place_after_of}, {"diocese", org_place_after_of},
    {"directorate", org_name_head | org_head_takes_of}, {"electric", org_name_head}, {"embassy", org_description},
    {"energy", org_name_head}, {"entertainment", org_name_head}, {"fc", org_name_head},
    {"federation", org_name_head | org_head_takes_of | org_description | org_place_after_of},
    {"firm", org_description | org_generic_description}, {"force", org_name_head},
    {"forces", org_name_head | org_head_takes_of}, {"foundation", org_name_head | org_head_takes_of | org_place_after_of},
    {"front", org_name_head | org_head_takes_of}, {"fund", org_name_head | org_head_takes_of}, {"gmbh", org_name_head},
    {"government", org_description}, {"group", org_name_head | org_description | org_generic_description},
    {"guard", org_name_head | org_head_takes_of}, {"guards", org_name_head | org_head_takes_of}, {"herald", org_name_head},
    {"holdings", org_name_head}, {"hospital", org_name_head | org_place_after_of},
    {"house", org_place_after_of}, {"inc", org_name_head}, {"industries", org_name_head},
    {"initiative", org_name_head}, {"institute", org_name_head | org_head_takes_of | org_place_after_of},
    {"institutes", org_name_head | org_head_takes_of}, {"institution", org_name_head | org_head_takes_of}, {"journal", org_name_head},
    {"laboratories", org_name_head}, {"laboratory", org_name_head},
    {"league", org_name_head | org_head_takes_of | org_description | org_place_after_of}, {"llc", org_name_head},
    {"ltd", org_name_head}, {"military", org_description}, {"militia", org_name_head},
    {"ministries", org_name_head}, {"ministry", org_name_head | org_head_takes_of | org_description | org_place_after_of},
    {"motors", org_name_head}, {"movement", org_name_head | org_head_takes_of | org_description},
    {"museum", org_place_after_of}, {"navy", org_name_head | org_description},
    {"network", org_name_head | org_description | org_generic_description}, {"news", org_name_head},
    {"newspaper", org_description | org_generic_description}, {"observatory", org_name_head},
    {"office", org_name_head | org_head_takes_of | org_description | org_place_after_of}, {"orchestra", org_place_after_of},
    {"order", org_place_after_of}, {"organisation", org_name_head | org_head_takes_of | org_description},
    {"organization", org_name_head | org_head_takes_of | org_description}, {"parliament", org_name_head},
    {"partners", org_name_head}, {"party", org_name_head | org_head_takes_of | org_description | org_place_after_of},
    {"petroleum", org_name_head}, {"pharmaceuticals", org_name_head}, {"plc", org_name_head},
    {"police", org_name_head | org_description}, {"post", org_name_head}, {"press", org_name_head},
    {"radio", org_name_head}, {"records", org_name_head}, {"regime", org_description},
    {"regiment", org_name_head | org_head_takes_of}, {"sa", org_name_head}, {"school", org_name_head | org_head_takes_of | org_place_after_of},
    {"secretariat", org_name_head}, {"senate", org_name_head}, {"service", org_name_head | org_head_takes_of},
    {"services", org_name_head}, {"society", org_name_head | org_head_takes_of | org_place_after_of}, {"sports", org_name_head},
    {"squad", org_name_head}, {"studios", org_name_head}, {"taskforce", org_name_head},
    {"team", org_name_head | org_head_takes_of | org_description | org_generic_description}, {"technologies", org_name_head},
    {"telecom", org_name_head}, {"telegraph", org_name_head}, {"television", org_name_head},
    {"times", org_name_head}, {"tribunal", org_name_head}, {"tribune", org_name_head},
    {"trust", org_name_head | org_place_after_of},
    {"union", org_name_head | org_head_takes_of | org_description | org_place_after_of}, {"unit", org_name_head},
    {"university", org_name_head | org_head_takes_of | org_description | org_place_after_of},
};
static_assert([] {
  for (std::size_t i = 1; i < std::size(builtin_org_heads); ++i) {
    if (!(builtin_org_heads[i - 1].word < builtin_org_heads[i].word)) return false;
  }
  return true;
}(), "builtin_org_heads must stay sorted and unique");

// The roles of an organization head noun in any case, 0 for other words. A final period is kept, for
// the extractors that read heads in running text ("the company."); organization_lexicon::head drops it
// ("Corp.").
[[nodiscard]] constexpr unsigned org_head_roles(std::string_view w) noexcept {
  fold_buffer buf{};
  const auto key = fold_word(w, buf, final_period::keep);
  if (key.empty()) return 0;
  std::size_t lo = 0, hi = std::size(builtin_org_heads);
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (builtin_org_heads[mid].word < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < std::size(builtin_org_heads) && builtin_org_heads[lo].word == key ? builtin_org_heads[lo].roles : 0;
}


// Words that name a kind of body, not a particular one: a demonym before them stays in the name
// ("Iraqi Security Forces"), while before a proper name it is dropped ("Iranian Quds Force" ->
// "Quds Force").
inline constexpr std::string_view builtin_org_generic_words[] = {
    "security", "armed", "military", "defense", "defence", "air", "naval", "special", "police",
    "border", "national", "government", "revolutionary", "guard", "guards", "forces", "force",
    "army", "navy", "coast", "federal", "central", "supreme", "high", "state", "royal",
    "republican", "islamic", "popular", "mobilization", "mobilisation", "counter-terrorism",
    "counterterrorism", "intelligence", "elite", "presidential", "interior", "foreign",
};

// Lower-case nouns for a country's institutions, which a demonym turns into an actor
// ("the Iraqi government", "Iraqi security forces").
inline constexpr std::string_view builtin_state_bodies[] = {
    "government", "military", "army", "navy", "security forces", "armed forces", "air force",
    "parliament", "cabinet", "police", "judiciary", "coast guard", "junta",
};

// Plural nouns for kinds of organizations: "companies such as Petronas, Proton and others".
inline constexpr std::string_view builtin_org_kind_nouns[] = {
    "companies", "firms", "groups", "organisations", "organizations", "banks", "brands",
    "carmakers", "automakers", "airlines", "retailers", "lenders", "insurers", "businesses",
    "corporations", "agencies", "outlets", "broadcasters", "newspapers", "charities",
    "clubs", "teams", "parties", "militias", "universities", "giants", "manufacturers",
    "suppliers", "startups", "conglomerates", "company", "firm", "group", "organisation",
    "organization", "bank", "brand", "carmaker", "automaker", "airline", "retailer", "lender",
    "insurer", "agency", "outlet", "broadcaster", "newspaper", "charity", "club", "team",
    "party", "militia", "university", "giant", "manufacturer", "supplier", "startup",
    "conglomerate", "journal", "magazine", "network", "operator", "developer", "miner",
    "movement", "alliance", "coalition", "faction", "outfit", "publisher", "label",
    "start-ups", "start-up", "drugmaker", "drugmakers", "automaker", "chipmaker", "chipmakers",
    "lender", "insurer", "consultancy", "broker", "regulator", "watchdog", "exchange", "fund",
    "labs", "lab", "studio", "studios", "distributor", "courier", "firms", "charities",
};

// A known organization: canonical name, then aliases separated by '|'. An alias written in capitals
// ("ISIS") matches only in capitals, so "Who" never means the WHO; other aliases ignore case.
struct known_org {
  std::string_view name;
  std::string_view aliases;
  actor_kind kind = actor_kind::organization;
};
inline constexpr known_org builtin_orgs[] = {
    // international bodies
    {"United Nations", "UN|U.N."}, {"UN Security Council", "U.N. Security Council|Security Council|UNSC"},
    {"UN General Assembly", "U.N. General Assembly|General Assembly|UNGA"},
    {"NATO", "North Atlantic Treaty Organization|Nato"}, {"European Union", "EU|E.U."},
    {"European Commission", ""}, {"European Parliament", ""}, {"European Central Bank", "ECB"},
    {"World Health Organization", "WHO|World Health Organisation"},
    {"International Monetary Fund", "IMF"}, {"World Bank", ""}, {"World Trade Organization", "WTO"},
    {"OPEC", "Organization of the Petroleum Exporting Countries|Opec|OPEC+"},
    {"African Union", "AU"}, {"Arab League", ""}, {"ASEAN", "Association of Southeast Asian Nations|Asean"},
    {"Group of Seven", "G7|G-7"}, {"Group of 20", "G20|G-20"}, {"International Criminal Court", "ICC"},
    {"International Court of Justice", "ICJ"}, {"International Atomic Energy Agency", "IAEA"},
    {"UNICEF", "Unicef"}, {"UNHCR", "UN refugee agency"}, {"UNESCO", "Unesco"},
    {"UNRWA", "Unrwa"}, {"World Food Programme", "WFP"}, {"Red Cross", "International Committee of the Red Cross|ICRC"},
    {"Amnesty International", "Amnesty"}, {"Human Rights Watch", "HRW"},
    {"Doctors Without Borders", "Medecins Sans Frontieres|MSF"}, {"Interpol", ""}, {"Europol", ""},
    {"Organisation for Economic Co-operation and Development", "OECD"},
    {"International Olympic Committee", "IOC"}, {"FIFA", "Fifa"}, {"UEFA", "Uefa"},
    {"Global Coalition Against Daesh", ""},
    // news organizations
    {"Associated Press", "AP"}, {"Reuters", ""}, {"Agence France-Presse", "AFP"},
    {"Bloomberg", "Bloomberg News"}, {"BBC", "British Broadcasting Corporation"}, {"CNN", ""},
    {"Al Jazeera", "Al-Jazeera"}, {"Sky News", ""}, {"Sky Sports", ""}, {"ITV", ""},
    {"Channel 4", ""}, {"NBC", "NBC News"}, {"CBS", "CBS News"}, {"ABC", "ABC News"},
    {"Fox News", ""}, {"MSNBC", ""}, {"NPR", ""}, {"PBS", ""}, {"The New York Times", "New York Times"},
    {"The Washington Post", "Washington Post"}, {"The Wall Street Journal", "Wall Street Journal|WSJ"},
    {"Financial Times", "FT"}, {"The Guardian", ""}, {"The Times", ""}, {"The Economist", ""},
    {"Xinhua", "Xinhua News Agency"}, {"TASS", "Tass"}, {"RIA Novosti", ""}, {"Interfax", ""},
    {"Kyodo", "Kyodo News"}, {"Yonhap", "Yonhap News Agency"}, {"Anadolu", "Anadolu Agency"},
    {"Press Association", "PA Media"}, {"Getty Images", "Getty"}, {"Bernama", ""},
    {"Deutsche Welle", "DW"}, {"Euronews", ""}, {"Politico", ""}, {"Axios", ""}, {"CNBC", ""},
    // armed and militant groups
    {"Islamic State", "ISIS|ISIL|Daesh|Isis|Isil|Islamic State group|Islamic State of Iraq and Syria|Islamic State of Iraq and the Levant"},
    {"al-Qaeda", "Al-Qaeda|al Qaeda|Al Qaeda|al-Qaida|Al-Qaida|al Qaida"}, {"Hezbollah", "Hizbollah|Hizballah"},
    {"Hamas", ""}, {"Islamic Jihad", "Palestinian Islamic Jihad|PIJ"}, {"Taliban", ""},
    {"Houthis", "Houthi|Ansar Allah|Huthis|Huthi"}, {"Boko Haram", ""}, {"al-Shabaab", "Al-Shabaab|al Shabaab|Shabaab"},
    {"Kataib Hezbollah", "Kata'ib Hezbollah|Kataib Hizbollah"}, {"Islamic Resistance in Iraq", ""},
    {"Popular Mobilization Forces", "PMF|Popular Mobilisation Forces|Hashed al-Shaabi|Hashd al-Shaabi"},
    {"Quds Force", ""}, {"Islamic Revolutionary Guard Corps", "IRGC|Revolutionary Guards|Revolutionary Guard"},
    {"PKK", "Kurdistan Workers' Party|Kurdistan Workers Party"}, {"Syrian Democratic Forces", "SDF"},
    {"Wagner Group", "Wagner"}, {"Hayat Tahrir al-Sham", "HTS"}, {"Fatah", ""},
    {"Palestinian Authority", ""}, {"Muslim Brotherhood", ""}, {"Jaish-e-Mohammed", ""},
    {"Lashkar-e-Taiba", ""}, {"M23", ""}, {"Rapid Support Forces", "RSF"},
    // governments' bodies known by one name
    {"Pentagon", ""}, {"Kremlin", ""}, {"White House", ""}, {"State Department", "U.S. State Department|US State Department"},
    {"Downing Street", "No 10|No. 10"}, {"Elysee", "Élysée|Elysee Palace|Élysée Palace"},
    {"FBI", "Federal Bureau of Investigation"}, {"CIA", "Central Intelligence Agency"},
    {"NSA", "National Security Agency"}, {"Department of Defense", "DoD|Defense Department"},
    {"Department of Justice", "Justice Department|DOJ"}, {"Federal Reserve", "Fed|the Fed"},
    {"Securities and Exchange Commission", "SEC"}, {"Food and Drug Administration", "FDA"},
    {"Centers for Disease Control and Prevention", "CDC"}, {"Environmental Protection Agency", "EPA"},
    {"Department of Homeland Security", "DHS|Homeland Security"}, {"Supreme Court", ""},
    {"Congress", ""}, {"Senate", ""}, {"House of Representatives", ""}, {"Bank of England", ""},
    {"Ministry of Defence", "MoD"}, {"Home Office", ""}, {"Foreign Office", "Foreign, Commonwealth and Development Office|FCDO"},
    {"National Health Service", "NHS"}, {"Metropolitan Police", "Met Police|Scotland Yard"},
    {"Bundestag", ""}, {"Knesset", ""}, {"Duma", "State Duma"}, {"Mossad", ""}, {"Shin Bet", ""},
    {"Israel Defense Forces", "IDF|Israeli Defense Forces|Israel Defence Forces"},
    {"Labour Party", "Labour"}, {"Conservative Party", "Conservatives|Tories"},
    {"Democratic Party", "Democrats"}, {"Republican Party", "Republicans|GOP"},
    {"Chinese Communist Party", "Communist Party|CCP"}, {"Likud", ""}, {"Bharatiya Janata Party", "BJP"},
    {"Indian National Congress", ""}, {"African National Congress", "ANC"},
    // space and science
    {"NASA", "Nasa"}, {"European Space Agency", "ESA"}, {"SpaceX", ""}, {"Roscosmos", ""},
    {"Jet Propulsion Laboratory", "JPL"}, {"CERN", ""}, {"Blue Origin", ""},
    // companies often in the news
    {"Apple", "Apple Inc."}, {"Google", ""}, {"Alphabet", ""}, {"Microsoft", ""}, {"Amazon", ""},
    {"Meta", "Meta Platforms"}, {"Facebook", ""}, {"Instagram", ""}, {"WhatsApp", ""}, {"TikTok", ""},
    {"ByteDance", ""}, {"Tesla", ""}, {"Nvidia", ""}, {"Intel", ""}, {"AMD", ""}, {"IBM", ""},
    {"Samsung", "Samsung Electronics"}, {"Sony", ""}, {"Toyota", ""}, {"Honda", ""}, {"Nissan", ""},
    {"Volkswagen", "VW"}, {"BMW", ""}, {"Mercedes-Benz", ""}, {"Ford", "Ford Motor"}, {"General Motors", "GM"},
    {"Stellantis", ""}, {"Boeing", ""}, {"Airbus", ""}, {"Lockheed Martin", ""}, {"Raytheon", ""},
    {"BP", ""}, {"Shell", ""}, {"ExxonMobil", "Exxon|Exxon Mobil"}, {"Chevron", ""}, {"Saudi Aramco", "Aramco"},
    {"Petronas", ""}, {"Gazprom", ""}, {"Rosneft", ""}, {"TotalEnergies", ""}, {"OpenAI", ""},
    {"Huawei", ""}, {"Alibaba", ""}, {"Tencent", ""}, {"Baidu", ""}, {"Foxconn", ""}, {"TSMC", ""},
    {"Netflix", ""}, {"Disney", "Walt Disney"}, {"Twitter", ""}, {"Uber", ""}, {"Pfizer", ""},
    {"Moderna", ""}, {"AstraZeneca", ""}, {"Johnson & Johnson", ""}, {"Goldman Sachs", ""},
    {"JPMorgan", "JPMorgan Chase|JP Morgan"}, {"Morgan Stanley", ""}, {"HSBC", ""}, {"Barclays", ""},
    {"Citigroup", "Citi"}, {"BlackRock", ""}, {"Walmart", ""}, {"Nestle", "Nestlé"}, {"Unilever", ""},
    {"Qatar Airways", ""}, {"Lufthansa", ""}, {"Ryanair", ""}, {"easyJet", "EasyJet"},
    {"Anthropic", ""}, {"Mistral AI", ""}, {"xAI", ""}, {"LSEG", "London Stock Exchange Group"},
    {"Red Crescent", "Turkish Red Crescent|Palestine Red Crescent Society|Palestine Red Crescent"},
    // football clubs whose names are not places (a club named after its city is found by context)
    {"Real Madrid", ""}, {"Atletico Madrid", "Atlético Madrid|Atletico|Atlético"}, {"Paris Saint-Germain", "Paris St Germain|Paris St-Germain|PSG"},
    {"Borussia Dortmund", "Dortmund"}, {"Bayern Munich", "Bayern|Bayern München"}, {"Juventus", "Juve"},
    {"Inter Milan", "Internazionale"}, {"AC Milan", ""}, {"Manchester United", "Man United|Man Utd"},
    {"Manchester City", "Man City"}, {"Tottenham Hotspur", "Tottenham|Spurs"}, {"Arsenal", ""},
    {"Aston Villa", ""}, {"Newcastle United", ""}, {"West Ham United", "West Ham"}, {"Ajax", ""},
    {"Benfica", ""}, {"Sporting CP", "Sporting Lisbon"}, {"Palmeiras", ""}, {"Flamengo", ""},
    {"Corinthians", ""}, {"Boca Juniors", "Boca"}, {"River Plate", ""}, {"Celtic", ""}, {"Rangers", ""},
    {"Galatasaray", ""}, {"Fenerbahce", "Fenerbahçe"}, {"Al-Nassr", "Al Nassr"}, {"Al-Hilal", "Al Hilal"},
    {"FC Barcelona", "Barca|Barça"},
    // people better known by another name
    {"Benjamin Netanyahu", "Bibi", actor_kind::person}, {"Mohammed bin Salman", "MBS", actor_kind::person},
    {"Andrés Manuel López Obrador", "AMLO", actor_kind::person},
};

// Words joining the parts of an organization name: "Institute of Strategic and International
// Studies", "Islamic State of Iraq and the Levant".
inline constexpr std::string_view builtin_org_joiners[] = {"of", "and", "for", "the", "&", "on", "in", "de", "du", "des", "against"};

}  // namespace detail

// What an alias resolves to.
struct alias_target {
  std::string name;  // canonical
  actor_kind kind = actor_kind::organization;
};

// Phrases (one or more words) that name an actor, matched over tokens, longest first. Built once;
// lookups are const, allocation-free and thread-safe.
class alias_table {
 public:
  // The built-in known organizations and their aliases.
  [[nodiscard]] static alias_table with_builtin() {
    alias_table t;
    for (const auto& o : detail::builtin_orgs) {
      t.add(o.name, o.name, o.kind);
      std::string_view rest = o.aliases;
      while (!rest.empty()) {
        auto bar = rest.find('|');
        auto a = rest.substr(0, bar);
        rest.remove_prefix(bar == std::string_view::npos ? rest.size() : bar + 1);
        if (!a.empty()) t.add(a, o.name, o.kind);
      }
    }
    return t;
  }

  // Adds one alias -> canonical name. An alias all in capitals matches only in capitals.
  alias_table& add(std::string_view alias, std::string_view canonical, actor_kind kind = actor_kind::organization) {
    std::vector<token> toks;
    tokenize(alias, toks);
    if (toks.empty()) throw usage_error("quarry::alias_table: empty alias for '" + std::string(canonical) + "'");
    std::uint32_t target = find_or_add_target(canonical, kind);
    entry e;
    e.target = target;
    e.exact = is_acronym(alias);
    for (const auto& t : toks) e.words.push_back(std::string(t.of(alias)));
    if (!e.exact) {
      for (auto& w : e.words) {
        detail::fold_buffer buf{};
        w = std::string(fold(w, buf));
      }
    }
    detail::fold_buffer buf{};
    auto& bucket = by_first_[std::string(fold(toks.front().of(alias), buf))];
    bucket.push_back(std::move(e));
    std::stable_sort(bucket.begin(), bucket.end(),
                     [](const entry& a, const entry& b) { return a.words.size() > b.words.size(); });
    return *this;
  }

  // Adds the lines of a TSV file: alias<TAB>canonical name[<TAB>kind], kind one of organization
  // (the default), person, country, group. Blank lines and lines starting with '#' are skipped.
  // Throws lexicon_error with the path and line for a bad line, and when the file cannot be read.
  alias_table& add_tsv(const std::string& path) {
    const std::string text = detail::read_lexicon_file(path, "alias");
    detail::each_lexicon_line(text, [&](std::size_t number, std::string_view l) {
      std::string_view f[3];
      std::size_t n = 0;
      while (n < 3) {
        auto tab = l.find('\t');
        f[n++] = l.substr(0, tab);
        if (tab == std::string_view::npos) { l = {}; break; }
        l.remove_prefix(tab + 1);
      }
      if (!l.empty()) throw lexicon_error(path, number, "expected at most 3 tab-separated fields");
      if (n < 2 || f[0].empty() || f[1].empty()) {
        throw lexicon_error(path, number, "expected alias<TAB>canonical name[<TAB>kind]");
      }
      actor_kind kind = actor_kind::organization;
      if (n == 3 && !parse_kind(f[2], kind)) {
        throw lexicon_error(path, number, "unknown kind '" + std::string(f[2]) +
                                              "' (expected organization, person, country or group)");
      }
      try {
        add(f[0], f[1], kind);
      } catch (const usage_error& e) {
        throw lexicon_error(path, number, e.what());
      }
    });
    return *this;
  }

  struct match {
    std::uint32_t first = 0, last = 0;  // tokens [first, last)
    const alias_target* target = nullptr;
  };

  // The longest alias starting at token i, or a match with target nullptr.
  [[nodiscard]] match longest_at(std::string_view text, std::span<const token> tokens, std::uint32_t i) const noexcept {
    detail::fold_buffer buf{};
    auto key = fold(tokens[i].of(text), buf);
    if (key.empty()) return {};
    const auto* bucket = by_first_.get(key);
    if (!bucket) return {};
    for (const auto& e : *bucket) {
      if (i + e.words.size() > tokens.size()) continue;
      bool ok = true;
      for (std::size_t k = 0; k < e.words.size() && ok; ++k) {
        auto w = tokens[i + k].of(text);
        if (e.exact) {
          ok = w == e.words[k];
        } else {
          detail::fold_buffer b2{};
          ok = fold(w, b2) == e.words[k];
        }
        if (ok && k > 0 && tokens[i + k].has(line_break_before)) ok = false;
      }
      if (ok) return {i, static_cast<std::uint32_t>(i + e.words.size()), &targets_[e.target]};
    }
    return {};
  }

  // A one-word alias equal to w (for parts of hyphenated words: "Israel-Hamas"); nullptr when none.
  [[nodiscard]] const alias_target* word(std::string_view w) const noexcept {
    detail::fold_buffer buf{};
    auto key = fold(w, buf);
    if (key.empty()) return nullptr;
    const auto* bucket = by_first_.get(key);
    if (!bucket) return nullptr;
    for (const auto& e : *bucket) {
      if (e.words.size() == 1 && (e.exact ? w == e.words[0] : true)) return &targets_[e.target];
    }
    return nullptr;
  }

  [[nodiscard]] std::size_t size() const noexcept { return targets_.size(); }

 private:
  struct entry {
    std::vector<std::string> words;
    std::uint32_t target = 0;
    bool exact = false;
  };

  // Aliases keep their final period: "U.S." and "Corp." are words of their own.
  static std::string_view fold(std::string_view w, detail::fold_buffer& buf) noexcept {
    return detail::fold_word(w, buf, detail::final_period::keep);
  }

  static bool is_acronym(std::string_view a) noexcept {
    int upper = 0;
    for (char c : a) {
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') ++upper;
    }
    return upper >= 2;
  }

  static bool parse_kind(std::string_view s, actor_kind& k) noexcept {
    for (auto c : {actor_kind::person, actor_kind::organization, actor_kind::country, actor_kind::group}) {
      if (s == to_string(c)) {
        k = c;
        return true;
      }
    }
    return false;
  }

  std::uint32_t find_or_add_target(std::string_view canonical, actor_kind kind) {
    for (std::uint32_t i = 0; i < targets_.size(); ++i) {
      if (targets_[i].name == canonical && targets_[i].kind == kind) return i;
    }
    targets_.push_back({std::string(canonical), kind});
    return static_cast<std::uint32_t>(targets_.size() - 1);
  }

  std::vector<alias_target> targets_;
  detail::word_map<std::vector<entry>> by_first_;
};

// The organization lexicon: head nouns and cue words; immutable, thread-safe to read.
class organization_lexicon {
 public:
  organization_lexicon() {
    for (const auto& h : detail::builtin_org_heads) {
      if (h.roles & detail::org_name_head) heads_[std::string(h.word)] = (h.roles & detail::org_head_takes_of) != 0;
    }
    for (auto w : detail::builtin_org_generic_words) generic_.emplace(w, true);
    for (auto w : detail::builtin_org_kind_nouns) kinds_.emplace(w, true);
    for (auto w : detail::builtin_org_joiners) joiners_.emplace(w, true);
    for (auto w : detail::builtin_state_bodies) {
      auto sp = w.find(' ');
      state_bodies_[std::string(w.substr(0, sp))] = sp == std::string_view::npos ? std::string() : std::string(w.substr(sp + 1));
    }
  }

  [[nodiscard]] static std::shared_ptr<const organization_lexicon> builtin() {
    static const std::shared_ptr<const organization_lexicon> lex = std::make_shared<const organization_lexicon>();
    return lex;
  }

  // nullptr when w is no head noun; else whether it takes an "of" complement.
  [[nodiscard]] const bool* head(std::string_view w) const noexcept { return find(heads_, w); }
  [[nodiscard]] bool generic(std::string_view w) const noexcept { return find(generic_, w) != nullptr; }
  [[nodiscard]] bool kind_noun(std::string_view w) const noexcept { return find(kinds_, w) != nullptr; }
  [[nodiscard]] bool joiner(std::string_view w) const noexcept { return find(joiners_, w) != nullptr; }
  // A state body's first word ("government", "security"): the second word it needs ("forces"), or
  // an empty string when the one word is the body; nullptr when w starts none.
  [[nodiscard]] const std::string* state_body(std::string_view w) const noexcept { return find(state_bodies_, w); }

 private:
  template <class V>
  [[nodiscard]] static const V* find(const detail::word_map<V>& m, std::string_view w) noexcept {
    return detail::find_folded(m, w);
  }

  detail::word_map<bool> heads_;
  detail::word_map<bool> generic_;
  detail::word_map<bool> kinds_;
  detail::word_map<bool> joiners_;
  detail::word_map<std::string> state_bodies_;
};

}  // namespace v0
}  // namespace quarry
