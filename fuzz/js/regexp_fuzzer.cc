// libFuzzer target of the regexp engine (src/js/regexp.h) alone: byte 0 selects the flags, the
// rest is "pattern\0input". Compile must return a program or node's error text; Exec must end
// (match, no match or kLimitExceeded under small limits) with captures inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "regexp.h"
#include "string_utf16.h"

using namespace tenure::js;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  regexp::Flags flags = regexp::FlagsFromBits(data[0] & 0x7f);
  std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  size_t split = rest.find('\0');
  std::string pattern = rest.substr(0, split);
  std::string input = split == std::string::npos ? std::string("aaaa") : rest.substr(split + 1);
  std::string error;
  auto program = regexp::Compile(ToUtf16(pattern), flags, &error);
  if (!program) {
    if (error.rfind("Invalid regular expression: /", 0) != 0) abort();
    return 0;
  }
  regexp::MatchOptions options;
  options.limits.max_steps = 200000;
  options.limits.steps_per_unit = 0;
  options.limits.max_backtrack_entries = 100000;
  std::u16string units = ToUtf16(input);
  std::vector<int> caps;
  for (size_t start : {size_t{0}, units.size() / 2}) {
    options.start = start;
    if (regexp::Exec(*program, std::u16string_view(units), options, &caps) != regexp::MatchStatus::kMatch) continue;
    if (caps.size() != static_cast<size_t>(2 * program->capture_count)) abort();
    for (size_t i = 0; i < caps.size(); i += 2) {
      if (caps[i] < 0) continue;
      if (caps[i] > caps[i + 1] || static_cast<size_t>(caps[i + 1]) > units.size()) abort();
    }
  }
  if (IsAsciiBytes(input)) {
    options.start = 0;
    regexp::Exec(*program, std::string_view(input), options, &caps);
  }
  return 0;
}
