// Writes the fuzzer's seed corpus (the test fixtures plus a few variants) into a directory.
#include <fstream>
#include <string>

#include "fixtures.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  using namespace tenure::snapshot::testing;
  const std::string dir = argv[1];
  auto write = [&](const std::string& name, const std::string& body) {
    std::ofstream(dir + "/" + name, std::ios::binary) << body;
  };
  write("v8_11.heapsnapshot", kMinimalV8_11);
  write("v8_new.heapsnapshot", MinimalNewV8());
  std::string compact = kMinimalV8_11;
  for (size_t p; (p = compact.find('\n')) != std::string::npos;) compact.erase(p, 1);
  write("compact.heapsnapshot", compact);
  write("truncated.heapsnapshot", compact.substr(0, compact.size() / 2));
  return 0;
}
