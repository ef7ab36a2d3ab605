// quarry/quarry.hpp: the whole public API in one include.
#pragma once

#include "quarry/version.hpp"
#include "quarry/error.hpp"
#include "quarry/text/token.hpp"
#include "quarry/text/utf8.hpp"
#include "quarry/text/tokenize.hpp"
#include "quarry/text/sentences.hpp"
#include "quarry/annotations.hpp"
#include "quarry/document.hpp"
#include "quarry/tokenizer.hpp"
#include "quarry/pipeline.hpp"
#include "quarry/segmented.hpp"
#include "quarry/kinds.hpp"
#include "quarry/io/json.hpp"
#include "quarry/io/report.hpp"

#include "quarry/match/token_trie.hpp"
#include "quarry/match/patterns.hpp"
#include "quarry/extract/locations.hpp"
#include "quarry/extract/actors.hpp"
#include "quarry/extract/quantities.hpp"
#include "quarry/extract/dates.hpp"
#include "quarry/extract/quotes.hpp"

#include "quarry/story/story.hpp"
#include "quarry/io/story_json.hpp"
#include "quarry/io/story_report.hpp"
