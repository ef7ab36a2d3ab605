// Regression guard on tests/data/unseen: ten news articles written for quarry (not the dev set), with
// hand-made gold actors and quotes (GUIDELINES.md format). A small scorer, like score.py's: a gold
// actor is found when a predicted name or mention equals its name or one of its mentions
// (case, "the", dots and quote styles folded); a quote matches when the spans overlap by at least
// half of the longer one; its speaker is right when the predicted speaker is the gold name or one of
// its forms. The floors sit a little below what the pipeline reaches, so a rule that stops
// generalizing fails here.
#include <quarry/quarry.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Folds a name for comparing: curly quotes straight, lower case, dots after a letter, a leading
// article and a trailing possessive dropped, other punctuation to spaces.
std::string norm(std::string_view s) {
  std::string a;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const auto d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x98 || d == 0x99) { a += '\''; i += 2; continue; }
      if (d == 0x9C || d == 0x9D) { a += '"'; i += 2; continue; }
      if (d == 0x93 || d == 0x94) { a += '-'; i += 2; continue; }
    }
    a += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  std::string b;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == '.' && i > 0 && std::isalnum(static_cast<unsigned char>(a[i - 1])) &&
        (i < 2 || !std::isalnum(static_cast<unsigned char>(a[i - 2])))) {
      continue;
    }
    b += a[i];
  }
  for (const char* art : {"the ", "a ", "an "}) {
    if (b.rfind(art, 0) == 0) { b.erase(0, std::char_traits<char>::length(art)); break; }
  }
  if (b.size() > 2 && b.compare(b.size() - 2, 2, "'s") == 0) b.erase(b.size() - 2);
  std::string out;
  bool space = false;
  for (char c : b) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = std::isalnum(u) || u >= 0x80 || c == '&' || c == '-';
    if (!keep) { space = true; continue; }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

struct counts {
  int actor_tp = 0, actor_fn = 0, actor_fp = 0;
  int quote_tp = 0, quote_fn = 0, quote_fp = 0, speaker_ok = 0;
};

std::set<std::string> forms_of(const nlohmann::json& g) {
  std::set<std::string> f{norm(g["name"].get<std::string>())};
  for (const auto& m : g.value("mentions", nlohmann::json::array())) f.insert(norm(m.get<std::string>()));
  return f;
}

void score(const std::filesystem::path& gold_path, counts& c) {
  const auto gold = nlohmann::json::parse(slurp(gold_path));
  const std::string text = slurp(gold_path.parent_path() / gold["doc"].get<std::string>());
  static const auto extract =
      quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{}, quarry::quotes{});
  const quarry::document doc = extract(text);

  // ---- actors: predicted entities (name + mention texts) against gold entities
  const auto& golds = gold["actors"];
  std::vector<std::set<std::string>> pred(doc.actors().size());
  for (std::size_t k = 0; k < doc.actors().size(); ++k) pred[k].insert(norm(doc.actors()[k].name));
  for (const auto& m : doc.actor_mentions()) pred[m.actor].insert(norm(doc.text(m.where)));
  std::vector<bool> found(golds.size(), false);
  for (std::size_t k = 0; k < pred.size(); ++k) {
    bool hit = false;
    for (std::size_t g = 0; g < golds.size(); ++g) {
      const auto f = forms_of(golds[g]);
      if (std::any_of(pred[k].begin(), pred[k].end(), [&](const std::string& p) { return f.count(p) > 0; })) {
        if (found[g]) ++c.actor_fp;  // a second name for one entity
        found[g] = hit = true;
      }
    }
    if (!hit) {
      ++c.actor_fp;
      MESSAGE(gold["doc"].get<std::string>() << ": spurious actor " << doc.actors()[k].name);
    }
  }
  for (std::size_t g = 0; g < golds.size(); ++g) {
    if (!golds[g].value("required", true)) continue;
    if (found[g]) {
      ++c.actor_tp;
    } else {
      ++c.actor_fn;
      MESSAGE(gold["doc"].get<std::string>() << ": missed actor " << golds[g]["name"].get<std::string>());
    }
  }

  // ---- quotes: spans by substring search (repeated texts in order), speakers by forms
  struct gq {
    std::size_t b, e;
    const nlohmann::json* j;
  };
  std::vector<gq> gq_list;
  for (const auto& q : gold["quotes"]) {
    const auto t = q["text"].get<std::string>();
    std::size_t from = 0;
    for (const auto& prev : gq_list) {
      if (prev.j->at("text") == q["text"]) from = prev.e;
    }
    const auto at = text.find(t, from);
    if (at != std::string::npos) gq_list.push_back({at, at + t.size(), &q});
  }
  std::vector<bool> used(gq_list.size(), false);
  for (const auto& q : doc.quotes()) {
    std::size_t best = gq_list.size(), best_ov = 0;
    for (std::size_t g = 0; g < gq_list.size(); ++g) {
      if (used[g]) continue;
      const std::size_t lo = std::max<std::size_t>(q.where.begin, gq_list[g].b);
      const std::size_t hi = std::min<std::size_t>(q.where.end, gq_list[g].e);
      const std::size_t ov = hi > lo ? hi - lo : 0;
      const std::size_t longer = std::max<std::size_t>(q.where.end - q.where.begin, gq_list[g].e - gq_list[g].b);
      if (ov * 2 >= longer && ov > best_ov) { best = g; best_ov = ov; }
    }
    if (best == gq_list.size()) {
      ++c.quote_fp;
      MESSAGE(gold["doc"].get<std::string>() << ": spurious quote " << doc.text(q.where));
      continue;
    }
    used[best] = true;
    const auto& g = *gq_list[best].j;
    if (!g.value("required", true)) continue;
    ++c.quote_tp;
    const std::string want = g["speaker"].is_null() ? std::string() : g["speaker"].get<std::string>();
    std::set<std::string> ok{norm(want)};
    for (const auto& a : golds) {
      if (norm(a["name"].get<std::string>()) == norm(want)) {
        const auto f = forms_of(a);
        ok.insert(f.begin(), f.end());
      }
    }
    const std::string got = norm(std::string(doc.speaker_of(q)));
    if (ok.count(got) > 0) {
      ++c.speaker_ok;
    } else {
      MESSAGE(gold["doc"].get<std::string>() << ": speaker '" << got << "' for quote " << g["text"].get<std::string>());
    }
  }
  for (std::size_t g = 0; g < gq_list.size(); ++g) {
    if (!used[g] && gq_list[g].j->value("required", true)) {
      ++c.quote_fn;
      MESSAGE(gold["doc"].get<std::string>() << ": missed quote " << gq_list[g].j->at("text").get<std::string>());
    }
  }
}

double ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

}  // namespace

TEST_CASE("unseen articles: actors and quotes stay above their floors") {
  const std::filesystem::path dir = std::filesystem::path(QUARRY_TEST_DATA_DIR) / "unseen";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const auto name = e.path().filename().string();
    if (name.size() > 10 && name.compare(name.size() - 10, 10, ".gold.json") == 0) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 8);
  counts c;
  for (const auto& f : files) score(f, c);
  const double actor_r = ratio(c.actor_tp, c.actor_tp + c.actor_fn);
  const double actor_p = ratio(c.actor_tp, c.actor_tp + c.actor_fp);
  const double quote_r = ratio(c.quote_tp, c.quote_tp + c.quote_fn);
  const double quote_p = ratio(c.quote_tp, c.quote_tp + c.quote_fp);
  const double speaker = ratio(c.speaker_ok, c.quote_tp);
  MESSAGE("actors P=" << actor_p << " R=" << actor_r << "  quotes P=" << quote_p << " R=" << quote_r
                      << " speaker_acc=" << speaker);
  CHECK(actor_r >= 0.93);
  CHECK(actor_p >= 0.93);
  CHECK(quote_r >= 0.97);
  CHECK(quote_p >= 0.95);
  CHECK(speaker >= 0.95);
}
