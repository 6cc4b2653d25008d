// nerkit/nerkit.h: the whole public API in one include.
//
//   #include <nerkit/nerkit.h>
//   auto extractor = nerkit::Extractor::Load();
//   for (const auto& e : extractor.Extract(text).entities) ...
#pragma once

#include "nerkit/date.h"
#include "nerkit/entity.h"
#include "nerkit/error.h"
#include "nerkit/extractor.h"
#include "nerkit/result.h"
#include "nerkit/utf8.h"
#include "nerkit/version.h"
#include "nerkit/workspace.h"
