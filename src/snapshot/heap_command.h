// HeapCommandMain: the whole `tenure heap <command>` CLI (summary, diff, leaks, path, nodes,
// report). argv[0] is "heap" (or the program name). Returns the process exit code:
// 0 success, 2 bad usage or unreadable/malformed input, 1 failure writing output.
#pragma once

namespace tenure::snapshot {

int HeapCommandMain(int argc, char** argv);

}  // namespace tenure::snapshot
