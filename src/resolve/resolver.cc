#include "resolve/resolver.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "core/model.h"

namespace nerkit::internal {
namespace {

struct Group {
  std::uint32_t best = 0;      // index of the deciding candidate
  std::uint32_t evidence = 0;  // candidates that agree with it
  std::vector<std::uint32_t> members;
};

std::string CandidateSource(const Candidate& c, const Extractor::Model& model) {
  switch (c.origin) {
    case Origin::kDictionary: {
      const Entry& e = model.gazetteer.entry(c.ref);
      return "dictionary:" + std::string(model.FileName(e.file)) + ":" + std::to_string(e.line);
    }
    case Origin::kRule:
      return model.rules.rule(c.ref).Source();
    case Origin::kDate:
      return model.dates.rule(c.ref).Source();
    case Origin::kResolver:
      return "resolver";
  }
  return {};
}

}  // namespace

void Resolver::Resolve(Document& doc, const Extractor::Model& model,
                       const ExtractOptions& options, Result& result) const {
  std::vector<Candidate>& cands = doc.candidates;
  // 1. Merge candidates with the same span.
  std::vector<std::uint32_t> order(cands.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Candidate& x = cands[a];
    const Candidate& y = cands[b];
    if (x.token_begin != y.token_begin) return x.token_begin < y.token_begin;
    if (x.token_end != y.token_end) return x.token_end < y.token_end;
    return x.priority > y.priority;
  });
  std::vector<Group> groups;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Candidate& c = cands[order[i]];
    if (groups.empty() || cands[groups.back().best].token_begin != c.token_begin ||
        cands[groups.back().best].token_end != c.token_end) {
      groups.push_back(Group{order[i], 0, {}});
    }
    Group& g = groups.back();
    g.members.push_back(order[i]);
    const Candidate& best = cands[g.best];
    if (c.veto == best.veto && c.label == best.label && c.typed == best.typed) ++g.evidence;
  }

  // 2. Settle overlaps greedily.
  std::vector<std::uint32_t> rank(groups.size());
  std::iota(rank.begin(), rank.end(), 0u);
  std::sort(rank.begin(), rank.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Candidate& x = cands[groups[a].best];
    const Candidate& y = cands[groups[b].best];
    if (x.priority != y.priority) return x.priority > y.priority;
    if (groups[a].evidence != groups[b].evidence) return groups[a].evidence > groups[b].evidence;
    const auto lx = x.token_end - x.token_begin;
    const auto ly = y.token_end - y.token_begin;
    if (lx != ly) return lx > ly;
    return x.token_begin < y.token_begin;
  });
  std::vector<std::int32_t> owner(doc.tokens().size(), -1);
  std::vector<std::uint32_t> accepted;
  for (std::uint32_t gi : rank) {
    const Candidate& c = cands[groups[gi].best];
    std::int32_t blocker = -1;
    for (std::uint32_t t = c.token_begin; t < c.token_end; ++t) {
      if (owner[t] >= 0) {
        blocker = owner[t];
        break;
      }
    }
    if (blocker >= 0) {
      if (options.explain) {
        const Candidate& w = cands[groups[static_cast<std::size_t>(blocker)].best];
        Rejected r;
        r.candidate.label = c.label;
        r.candidate.start = c.begin;
        r.candidate.end = c.end;
        r.candidate.text = std::string(doc.original.substr(c.begin, c.end - c.begin));
        r.candidate.source = CandidateSource(c, model);
        r.reason = "overlaps \"" + std::string(doc.original.substr(w.begin, w.end - w.begin)) +
                   "\" from " + CandidateSource(w, model) + ", which ranks higher";
        result.rejected.push_back(std::move(r));
      }
      continue;
    }
    for (std::uint32_t t = c.token_begin; t < c.token_end; ++t) {
      owner[t] = static_cast<std::int32_t>(gi);
    }
    accepted.push_back(gi);
  }
  std::sort(accepted.begin(), accepted.end(), [&](std::uint32_t a, std::uint32_t b) {
    return cands[groups[a].best].begin < cands[groups[b].best].begin;
  });

  // 3-4. Entities and clusters.
  std::map<std::string, int> cluster_of;
  for (std::uint32_t gi : accepted) {
    const Group& g = groups[gi];
    const Candidate& c = cands[g.best];
    if (c.veto || !c.typed) continue;
    if (!options.labels.Contains(c.label)) continue;
    Entity e;
    e.label = c.label;
    e.start = c.begin;
    e.end = c.end;
    e.text = std::string(doc.original.substr(c.begin, c.end - c.begin));
    std::string source;
    for (std::uint32_t m : g.members) {
      const Candidate& o = cands[m];
      if (o.label != c.label || o.veto != c.veto) continue;
      if (e.id.empty() && o.entry >= 0) {
        const Entry& entry = model.gazetteer.entry(static_cast<std::uint32_t>(o.entry));
        e.canonical = std::string(entry.canonical);
        e.id = std::string(entry.id);
      }
      const std::string s = CandidateSource(o, model);
      if (source.find(s) == std::string::npos) source += (source.empty() ? "" : " + ") + s;
    }
    e.source = std::move(source);
    e.value = c.value;
    e.anchor = c.anchor;
    const bool name = c.label == Label::kPerson || c.label == Label::kLocation ||
                      c.label == Label::kOrganization;
    if (name) {
      if (e.canonical.empty()) e.canonical = e.text;
      const std::string key = std::string(LabelName(c.label)) + "\t" + (e.id.empty() ? e.canonical : e.id);
      auto [it, inserted] = cluster_of.emplace(key, static_cast<int>(result.clusters.size()));
      if (inserted) {
        Cluster cl;
        cl.label = c.label;
        cl.name = e.text;
        cl.canonical = e.canonical;
        cl.id = e.id;
        result.clusters.push_back(std::move(cl));
      }
      e.cluster = it->second;
      Cluster& cl = result.clusters[static_cast<std::size_t>(e.cluster)];
      cl.mentions.push_back(result.entities.size());
      if (e.text.size() > cl.name.size()) cl.name = e.text;
    }
    result.entities.push_back(std::move(e));
  }
}

}  // namespace nerkit::internal
