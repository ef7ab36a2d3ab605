// quarry/lexicon/actor_words.hpp: the words the actor extractor reads around a name: demonyms the
// gazetteer lacks ("U.S.", "Kurdish"), verbs that show a name acts ("Baghdad condemned"), words never
// first in a name, words that introduce a credit ("Reporting by"), and words of faith ("Shiite").
#pragma once

#include <string_view>

namespace quarry {
inline namespace v0 {
namespace detail {

// Demonyms come from the gazetteer (quarry::find_demonym, lexicon/geography.hpp); these few forms
// it does not hold are added here: "U.S." and "UK" as modifiers, and peoples without a state.
struct demonym_entry {
  std::string_view word;
  std::string_view country;
};
inline constexpr demonym_entry extra_demonyms[] = {
    {"u.s", "US"}, {"us", "US"}, {"uk", "GB"}, {"kurdish", ""}, {"kurd", ""}, {"kurds", ""},
};

// Verbs and words that, right after a name, show it acts: "Washington said", "Baghdad condemned".
inline constexpr std::string_view agent_verbs[] = {
    "condemned", "condemns", "accused", "accuses", "hopes", "hoped", "wants", "wanted", "rejected",
    "rejects", "threatened", "threatens", "retaliated", "launched", "agreed", "signed", "demanded",
    "demands", "insisted", "called", "calls", "announced", "announces", "imposed", "sanctioned",
    "recalled", "expelled", "vetoed", "has", "had", "is", "was", "will", "would", "could",
    "should", "must", "may", "might", "can", "did", "does", "plans", "planned", "refused",
    "refuses", "denied", "denies", "blamed", "blames", "urged", "urges", "warned", "warns",
    "offered", "offers", "accepted", "accepts", "summoned", "protested", "responded", "vowed",
};

// Sentence-start words that are never the first word of a name, though capitalised there.
inline constexpr std::string_view non_name_words[] = {
    "the", "a", "an", "and", "but", "or", "if", "when", "while", "after", "before", "since",
    "as", "at", "by", "for", "from", "in", "on", "of", "to", "with", "without", "this", "that",
    "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their",
    "our", "my", "your", "there", "here", "then", "so", "yet", "also", "however", "meanwhile",
    "currently", "approximately", "about", "some", "many", "most", "all", "both", "each", "every",
    "no", "not", "one", "two", "three", "last", "next", "first", "earlier", "later", "today",
    "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mr", "ms", "mrs", "dr", "according", "despite",
    "although", "though", "because", "during", "under", "over", "until", "what", "who", "why",
    "how", "where", "which", "is", "was", "are", "were", "will", "would", "can", "could", "should",
    "do", "does", "did", "has", "have", "had", "not", "even", "only", "just", "now", "still",
    "police", "officials", "authorities", "government", "reporting", "editing", "additional",
    "related", "copyright", "photo", "picture", "image", "source", "via", "read", "more", "watch",
    "see", "back", "top", "live", "breaking", "update", "updated", "published", "share",
};

// Words that introduce a credit: "Reporting by Will Dunham", "Additional reporting from PA".
inline constexpr std::string_view credit_words[] = {
    "reporting", "editing", "writing", "photo", "photograph", "photographs", "picture", "pictures",
    "image", "images", "video", "graphic", "graphics", "compiled", "produced", "written", "edited",
    "reported", "photos", "illustration", "credit", "additional", "research",
};

// Words of faith and its groups, capitalised but no actor on their own ("Shiite pilgrims", "praise
// God"): CoNLL calls them MISC, and the tagger sometimes reads them as a person or a body.
inline constexpr std::string_view faith_words[] = {
    "god", "allah", "sunni", "sunnis", "shia", "shias", "shiite", "shiites", "shi'ite", "shi'ites",
    "muslim", "muslims", "christian", "christians", "catholic", "catholics", "protestant", "protestants",
    "jewish", "jew", "jews", "hindu", "hindus", "buddhist", "buddhists", "sikh", "sikhs", "orthodox",
    "evangelical", "evangelicals", "anglican", "anglicans", "methodist", "baptist", "lutheran", "mormon",
    "mormons", "alawite", "alawites", "druze", "yazidi", "yazidis", "coptic", "copts", "maronite",
    "salafi", "salafist", "wahhabi", "islamist", "islamists", "zionist", "zionists", "jihadist",
    "jihadists", "pentecostal", "quaker", "amish",
};

}  // namespace detail
}  // namespace v0
}  // namespace quarry
