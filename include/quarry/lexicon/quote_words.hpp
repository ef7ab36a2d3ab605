// quarry/lexicon/quote_words.hpp: the words the quote extractor reads around a quotation: pronouns and
// descriptions that stand for a speaker, words between a subject and its verb, cues that make a quote a
// judgement or a name. Sorted constant lists, searched without allocation.
#pragma once

#include "quarry/lexicon/words.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// Pronouns that can stand for a speaker in an attribution.
inline constexpr auto speaker_pronouns = make_word_list("he", "it", "she", "they");
// Words that open a description of a speaker ("the 36-year-old", "a senior defense official").
inline constexpr auto description_openers =
    make_word_list("a", "an", "another", "one", "the", "three", "two");
// Adverbs and auxiliaries allowed between a subject and its verb ("he later said", "she has told").
inline constexpr auto verb_fillers = make_word_list(
    "again", "already", "also", "could", "did", "does", "earlier", "finally", "further", "had", "has",
    "have", "is", "just", "later", "may", "might", "never", "not", "now", "once", "previously",
    "privately", "publicly", "recently", "repeatedly", "reportedly", "separately", "simply",
    "subsequently", "then", "was", "will", "would");
// Words before a name that make it an object rather than the subject ("victory over X").
inline constexpr auto non_subject_openers = make_word_list(
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at",
    "before", "behind", "beside", "between", "beyond", "by", "despite", "during", "for", "from", "if",
    "in", "including", "into", "like", "near", "of", "off", "on", "onto", "over", "past", "per",
    "since", "than", "through", "to", "toward", "towards", "under", "until", "upon", "versus", "via",
    "whether", "while", "with", "within", "without");
// Words that link a participle clause to the main one ("... before asking", "while adding"): its
// speaker is the main clause's subject.
inline constexpr auto participle_links = make_word_list("after", "and", "before", "then", "while");
// Words that open a subordinate clause before the main one ("Although X says ..., Y ... saying"): the
// main clause's subject comes after the clause's comma.
inline constexpr auto subordinators = make_word_list(
    "after", "although", "as", "because", "before", "if", "once", "since", "though", "unless", "when",
    "whereas", "while");
// "X's office said" speaks for X.
inline constexpr auto voice_nouns = make_word_list(
    "camp", "campaign", "government", "ministry", "office", "spokesman", "spokespeople",
    "spokesperson", "spokeswoman", "statement", "team");
// Heads of a description of several people who speak together ("X's family", "relatives").
inline constexpr auto collective_heads = make_word_list(
    "children", "colleagues", "family", "friends", "neighbors", "neighbours", "parents", "relatives",
    "residents", "supporters", "teammates", "villagers");
// Heads of a description that stays unnamed even when definite ("the official said").
inline constexpr auto anonymous_heads = make_word_list(
    "activist", "activists", "aide", "aides", "analyst", "analysts", "diplomat", "diplomats", "expert",
    "experts", "insider", "insiders", "observer", "observers", "official", "officials", "people",
    "person", "resident", "residents", "source", "sources", "witness", "witnesses");
// Verbs that introduce a partial quote that judges ("condemned the strikes as ...").
inline constexpr auto evaluative_cues = make_word_list(
    "blasted", "branded", "called", "calling", "condemned", "criticised", "criticized", "decried", "denounced",
    "dismissed", "hailed", "labeled", "labelled", "lauded", "praised", "slammed", "termed", "welcomed");
// Words right before a quote that make it a name or a term, not a statement.
inline constexpr auto naming_cues = make_word_list(
    "called", "dubbed", "entitled", "named", "nicknamed", "phrase", "slogan", "so-called", "term",
    "titled", "word", "words");

static_assert(speaker_pronouns.sorted() && description_openers.sorted() && verb_fillers.sorted() &&
              non_subject_openers.sorted() && participle_links.sorted() && subordinators.sorted() && voice_nouns.sorted() && collective_heads.sorted() &&
              anonymous_heads.sorted() && evaluative_cues.sorted() && naming_cues.sorted(),
              "quote word lists must stay sorted");

}  // namespace detail
}  // namespace v0
}  // namespace quarry
