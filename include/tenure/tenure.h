// Copyright the tenure authors.
// tenure.h — umbrella header for embedders.
#ifndef TENURE_TENURE_H_
#define TENURE_TENURE_H_

#include "tenure/config.h"
#include "tenure/handles.h"
#include "tenure/heap.h"
#include "tenure/object.h"
#include "tenure/root-frame.h"
#include "tenure/stats.h"
#include "tenure/value.h"
#include "tenure/write-barrier.h"

#endif  // TENURE_TENURE_H_
