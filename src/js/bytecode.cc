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

namespace tenure::js {

std::string Disassemble(const FunctionInfo& info) {
  std::string out = "function " + (info.name.empty() ? std::string("<anonymous>") : info.name) +
                    " (frame " + std::to_string(info.frame_size) + ", context " +
                    std::to_string(info.context_slots) + ")\n";
  for (size_t pc = 0; pc < info.code.size(); ++pc) {
    const Instr& in = info.code[pc];
    out += "  " + std::to_string(pc) + ": " + OpName(in.op) + " " + std::to_string(in.a) + " " +
           std::to_string(in.b) + " " + std::to_string(in.c) + "\n";
  }
  return out;
}

}  // namespace tenure::js
