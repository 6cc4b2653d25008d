// nerkit/workspace.h: per-thread scratch space for extraction.
//
// WHAT THIS IS
//   A Workspace holds what extraction needs while it runs and can reuse from one document to the
//   next: ICU break iterators, token buffers, candidate lists. Keeping one per thread and passing
//   it to Extractor::Extract saves setting these up for every document, which matters for many
//   short documents. It holds no results and no state that changes what extraction returns.
//
//     nerkit::Workspace workspace;                 // one per thread
//     for (const std::string& doc : docs)
//       auto result = extractor.Extract(doc, {}, workspace);
//
// THREAD SAFETY
//   A Workspace must be used by one thread at a time. It is not tied to an extractor: one
//   workspace may serve several extractors in turn. Movable, not copyable.
#pragma once

#include <memory>

namespace nerkit {

namespace internal {
struct Scratch;
}

class Workspace {
 public:
  // Creates the ICU iterators; throws nerkit::Error if ICU cannot create them (missing data).
  Workspace();
  ~Workspace();
  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

 private:
  friend class Extractor;
  std::unique_ptr<internal::Scratch> scratch_;
};

}  // namespace nerkit
