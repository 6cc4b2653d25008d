#include "resolve/resolver.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <numeric>

#include "resolve/mentions.h"

namespace nerkit::internal {
namespace {

std::string CandidateSource(const Candidate& c, const SourceNamer& sources) {
  std::string out;
  sources.AppendSource(out, c.origin, c.ref);
  return out;
}

// A losing candidate's span as an entity of the explanation: label, offsets and text.
Rejected RejectedAt(const Candidate& c, std::string_view original) {
  Rejected out;
  out.candidate.label = c.label;
  out.candidate.start = c.begin;
  out.candidate.end = c.end;
  out.candidate.text = std::string(original.substr(c.begin, c.end - c.begin));
  return out;
}

// An entity or cluster as a new one is, its strings emptied but their memory kept. (Every field
// is reset here: a field added to Entity or Cluster must be added below, which these checks
// recall on 64-bit systems.)
static_assert(sizeof(void*) != 8 || sizeof(Entity) == 6 * sizeof(std::string) + 40,
              "reset the new field in Reset(Entity&)");
static_assert(sizeof(void*) != 8 ||
                  sizeof(Cluster) == 3 * sizeof(std::string) + sizeof(std::vector<std::size_t>) + 8,
              "reset the new field in Reset(Cluster&)");
void Reset(Entity& e) {
  e.label = Label::kPerson;
  e.start = e.end = 0;
  e.text.clear();
  e.canonical.clear();
  e.id.clear();
  e.value.clear();
  e.anchor.clear();
  e.source.clear();
  e.cluster = -1;
  e.confidence = 1.0;
}
void Reset(Cluster& c) {
  c.label = Label::kPerson;
  c.name.clear();
  c.canonical.clear();
  c.id.clear();
  c.mentions.clear();
}

// The next element of a result's entities or clusters, whose earlier elements may be reused: one
// the last document left, or a spare one, reset; or a new one.
template <typename T>
T& NextReused(std::vector<T>& items, std::size_t& used, std::vector<T>& spares) {
  if (used == items.size()) {
    ++used;
    if (spares.empty()) return items.emplace_back();
    T& item = items.emplace_back(std::move(spares.back()));
    spares.pop_back();
    Reset(item);
    return item;
  }
  T& item = items[used++];
  Reset(item);
  return item;
}

// Cuts `items` to its first `used` elements, keeping the others' memory in `spares`.
template <typename T>
void KeepSpares(std::vector<T>& items, std::size_t used, std::vector<T>& spares) {
  for (std::size_t i = used; i < items.size(); ++i) spares.push_back(std::move(items[i]));
  items.resize(used);
}

std::string LabelText(const Candidate& c) {
  if (c.veto) return "NONE";
  if (!c.typed) return "NAME";
  return std::string(LabelName(c.label));
}

}  // namespace

void Resolver::Resolve(Document& doc, MentionSet& set, const Gazetteer& gazetteer,
                       const SourceNamer& sources, const ExtractOptions& options,
                       Result& result) const {
  set.Reset(doc, gazetteer);
  std::vector<Candidate>& cands = doc.candidates;

  // Candidates that a sentence's form rules out (Title Case headlines, all-caps lines) or that
  // are dictionary names needing support they do not have.
  set.FilterBySentenceForm(cands);
  set.OpenCamelCaseNames(cands);
  set.NamesDefinedByAbbreviations(cands);
  set.SupportByContainment(cands);

  // 1-2. Merge same spans and settle overlaps.
  std::vector<RejectedCandidate> rejected;
  set.Select(cands, options.explain ? &rejected : nullptr);

  // 3. Types for untyped names; 4. document consistency.
  set.TypeNames();
  set.NamesInLists();
  set.Aliases();
  set.PlacesAsOrganisations();
  set.Propagate();
  set.Unify();

  // Entities, clusters.
  std::vector<Mention>& mentions = set.mentions();
  std::sort(mentions.begin(), mentions.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  set.Cluster();
  std::vector<int> cluster_index(set.cluster_count(), -1);
  // The result's entities and clusters are overwritten in place (their strings keep their
  // memory), then cut to the number made.
  std::size_t entities_used = 0;
  std::size_t clusters_used = 0;
  thread_local std::string one_source;
  std::vector<Entity>& spare_entities = set.spare_entities();
  std::vector<Cluster>& spare_clusters = set.spare_clusters();
  FeatureVector features;
  for (const Mention& m : mentions) {
    if (m.veto || !m.typed || m.dropped) continue;
    if (!options.labels.Contains(m.label)) continue;
    double confidence = 1.0;
    if (confidence_.loaded() || options.explain) {
      set.Features(m, features);
      confidence = confidence_.Score(features);
    }
    if (confidence < options.min_confidence) continue;
    if (options.explain) {
      Evidence& evidence = result.evidence.emplace_back();
      for (std::size_t k = 0; k < kConfidenceFeatureCount; ++k) {
        if (features[k] != 0) {
          evidence.features.emplace_back(std::string(kConfidenceFeatures[k]), features[k]);
        }
      }
    }
    Entity& e = NextReused(result.entities, entities_used, spare_entities);
    e.confidence = confidence;
    e.label = m.label;
    e.start = set.NameBegin(m);
    e.end = m.end;
    e.text.assign(doc.original.substr(e.start, m.end - e.start));
    if (m.entry >= 0) {
      const Entry& entry = gazetteer.entry(static_cast<std::uint32_t>(m.entry));
      e.canonical.assign(entry.canonical);
      e.id.assign(entry.id);
    }
    std::string& source = e.source;
    source.reserve(96);  // (most sources fit: one allocation instead of several)
    for (std::uint32_t k = 0; k < m.candidates_count; ++k) {
      const Candidate& c = cands[set.candidate_ids()[m.candidates_begin + k]];
      // (A candidate of the resolver's own is named by the mention's note.)
      if (c.label != m.label || !c.typed || c.origin == Origin::kResolver) continue;
      one_source.clear();
      sources.AppendSource(one_source, c.origin, c.ref);
      if (source.find(one_source) != std::string::npos) continue;
      if (!source.empty()) source += " + ";
      source += one_source;
    }
    if (*m.note) {
      if (!source.empty()) source += " + ";
      source += m.note;
    }
    if (m.typed && m.candidates_count > 0) {
      const Candidate& c = cands[m.value_candidate];
      if (c.value >= 0) e.value.assign(doc.values[static_cast<std::size_t>(c.value)]);
      e.anchor.assign(c.anchor);
    }
    if (m.cluster >= 0) {
      int& ci = cluster_index[static_cast<std::size_t>(m.cluster)];
      if (ci < 0) {
        ci = static_cast<int>(clusters_used);
        NextReused(result.clusters, clusters_used, spare_clusters).label = m.label;
      }
      e.cluster = ci;
      Cluster& cl = result.clusters[static_cast<std::size_t>(ci)];
      cl.mentions.push_back(entities_used - 1);
      if (e.text.size() > cl.name.size()) cl.name = e.text;
      if (cl.id.empty() && !e.id.empty()) {
        cl.id = e.id;
        cl.canonical = e.canonical;
      }
    }
  }
  KeepSpares(result.entities, entities_used, spare_entities);
  KeepSpares(result.clusters, clusters_used, spare_clusters);
  // Mentions of a cluster share its canonical name and id.
  for (Cluster& cl : result.clusters) {
    if (cl.canonical.empty()) cl.canonical = cl.name;
    for (std::size_t i : cl.mentions) {
      Entity& e = result.entities[i];
      if (e.canonical.empty()) e.canonical = cl.canonical;
      if (e.id.empty()) e.id = cl.id;
    }
  }

  if (options.explain) {
    for (const RejectedCandidate& r : rejected) {
      const Candidate& c = cands[r.candidate];
      Rejected out = RejectedAt(c, doc.original);
      out.candidate.source = CandidateSource(c, sources) + " (" + LabelText(c) + ")";
      out.reason = r.reason;
      if (r.winner >= 0) {
        const Candidate& w = cands[static_cast<std::size_t>(r.winner)];
        out.reason += " \"" + std::string(doc.original.substr(w.begin, w.end - w.begin)) +
                      "\" from " + CandidateSource(w, sources) + " (" + LabelText(w) + ")";
      }
      result.rejected.push_back(std::move(out));
    }
    // The other places of the same name, and why the chosen one won.
    for (const Alternative& a : doc.alternatives) {
      if (a.candidate >= cands.size() || a.entry >= gazetteer.entry_count()) continue;
      const Candidate& c = cands[a.candidate];
      const Entry& lost = gazetteer.entry(a.entry);
      Rejected out = RejectedAt(c, doc.original);
      out.candidate.canonical = std::string(lost.canonical);
      out.candidate.id = std::string(lost.id);
      sources.AppendSource(out.candidate.source, Origin::kDictionary, a.entry);
      out.candidate.source += " (" + LabelText(c) + ")";
      out.reason = std::string(a.reason) + ":";
      if (c.entry >= 0) {
        const Entry& won = gazetteer.entry(static_cast<std::uint32_t>(c.entry));
        out.reason += " \"" + std::string(won.canonical) + "\" " + std::string(won.id);
      }
      out.reason += " from " + CandidateSource(c, sources);
      result.rejected.push_back(std::move(out));
    }
    for (const Mention& m : mentions) {
      if (!m.dropped) continue;
      Rejected out;
      out.candidate.start = m.begin;
      out.candidate.end = m.end;
      out.candidate.text = std::string(doc.original.substr(m.begin, m.end - m.begin));
      for (std::uint32_t k = 0; k < m.candidates_count; ++k) {
        out.candidate.source +=
            (out.candidate.source.empty() ? "" : " + ") +
            CandidateSource(cands[set.candidate_ids()[m.candidates_begin + k]], sources);
      }
      out.reason = *m.note ? m.note : "no type could be decided";
      result.rejected.push_back(std::move(out));
    }
  }
}

}  // namespace nerkit::internal
