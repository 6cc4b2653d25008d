#include "nerkit/workspace.h"

#include "pipeline/model.h"

namespace nerkit {

Workspace::Workspace() : scratch_(std::make_unique<internal::Scratch>()) {}
Workspace::~Workspace() = default;
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;

}  // namespace nerkit
