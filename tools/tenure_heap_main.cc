// tenure-heap: runs `tenure heap <command>`; see `tenure-heap --help`.
#include "snapshot/heap_command.h"

int main(int argc, char** argv) { return tenure::snapshot::HeapCommandMain(argc, argv); }
