# Front door. `make run` builds and runs the main demo; `make test` builds and runs every test
# (the release build, then the same suite under -fsanitize=address,undefined).
BUILD      ?= build
ASAN_BUILD ?= build-asan
BENCH_BUILD?= build-bench
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc)
CMAKE      ?= cmake
CTEST_ARGS ?=
# After a failed ctest: why each test failed, printed last (CI shows only the end of the log).
DIGEST      = || { python3 $(CURDIR)/scripts/failure_digest.py .; exit 1; }

.PHONY: all build run test test-release test-asan test-fuzz bench deps clean

all: build

$(BUILD)/CMakeCache.txt:
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: $(BUILD)/CMakeCache.txt
	$(CMAKE) --build $(BUILD) -j$(JOBS)

run: build
	@./scripts/run-demo.sh $(BUILD)

test: test-release test-asan test-fuzz

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS) $(CTEST_ARGS) $(DIGEST)

$(ASAN_BUILD)/CMakeCache.txt:
	$(CMAKE) -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DTENURE_SANITIZE=ON -DCMAKE_CXX_FLAGS=-O1

test-asan: $(ASAN_BUILD)/CMakeCache.txt
	$(CMAKE) --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j$(JOBS) -LE no-asan $(CTEST_ARGS) $(DIGEST)

# libFuzzer targets (clang, ASan+UBSan), each run for a fixed number of iterations (ctest label `fuzz`).
$(FUZZ_BUILD)/CMakeCache.txt:
	$(CMAKE) -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DTENURE_FUZZ=ON -DTENURE_SANITIZE=ON -DTENURE_WITH_TESTS=OFF

test-fuzz: $(FUZZ_BUILD)/CMakeCache.txt
	$(CMAKE) --build $(FUZZ_BUILD) -j$(JOBS)
	cd $(FUZZ_BUILD) && ctest --output-on-failure -L fuzz --no-tests=error $(CTEST_ARGS) $(DIGEST)

bench:
	./scripts/bench.sh $(BENCH_BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(BENCH_BUILD)
