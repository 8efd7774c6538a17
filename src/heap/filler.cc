// Copyright the tenure authors.
#include "filler.h"

namespace tenure::internal {

namespace {
size_t FillerSize(const HeapObject* object) { return static_cast<size_t>(object->body()[0].raw()); }
}  // namespace

const TypeInfo kFreeSpaceType{
    .class_name = "(filler)",
    .layout = LayoutKind::kNoPointers,
    .size = 0,
    .size_of = &FillerSize,
};

}  // namespace tenure::internal
