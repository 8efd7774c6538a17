#include "ast.h"

namespace tenure::js {

std::string_view NodeKindName(NodeKind kind) {
  static constexpr std::string_view kNames[] = {
#define TENURE_JS_NODE_NAME(kind, doc) #kind,
      TENURE_JS_NODES(TENURE_JS_NODE_NAME)
#undef TENURE_JS_NODE_NAME
  };
  return kNames[static_cast<int>(kind)];
}

}  // namespace tenure::js
