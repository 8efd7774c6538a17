#include "bytecode.h"

namespace tenure::js {

const char* OpName(Op op) {
  static constexpr const char* kNames[] = {
#define TENURE_JS_OP_NAME(name, doc) #name,
      TENURE_JS_OPCODES(TENURE_JS_OP_NAME)
#undef TENURE_JS_OP_NAME
  };
  return kNames[static_cast<int>(op)];
}

}  // namespace tenure::js
