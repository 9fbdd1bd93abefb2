# chibo: the two set-up commands are `make demo` and `make test` (see README.md).
# Both install what is missing (scripts/setup.sh), build, and then serve or test.

BUILD ?= build
ASAN_BUILD ?= build-asan
DB ?= chibo.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)

.PHONY: setup build web demo serve test test-unit test-asan fuzz bench format clean

setup:
	@scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -Wno-dev >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@$(MAKE) --no-print-directory web

# The web UI (web/dist), served by `chibo serve`.
web:
	@if [ -f web/package.json ]; then cd web && npm run --silent build; fi

# A demo database (made once; your changes in it are kept) served on http://$(LISTEN)/.
demo: build
	@if [ ! -f $(DB) ]; then $(BUILD)/src/chibo demo --db sqlite:$(DB); else echo "demo: using the existing $(DB) (delete it for a fresh demo)"; cat $(DB).demo-users.txt 2>/dev/null || true; fi
	@echo "demo: open http://$(LISTEN)/ (Ctrl-C stops the server)"
	@$(BUILD)/src/chibo serve --db sqlite:$(DB) --listen $(LISTEN)

serve: build
	@$(BUILD)/src/chibo serve --db sqlite:$(DB) --listen $(LISTEN)

# Every suite: unit tests (also under AddressSanitizer and UBSan), API tests against the real
# binary on SQLite and PostgreSQL, faults, browser tests; each stage timed (scripts/test.sh).
test:
	@BUILD=$(BUILD) ASAN_BUILD=$(ASAN_BUILD) JOBS=$(JOBS) scripts/test.sh

test-unit: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L unit

test-asan: setup
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCHIBO_SANITIZE=ON -DCHIBO_BUILD_BENCH=OFF -Wno-dev >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS) --target chibo_unit_tests
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -L unit > unit-tests.log 2>&1 || (cat unit-tests.log; exit 1)
	@echo "test-asan: unit tests under AddressSanitizer + UBSan: $$(grep 'tests passed' $(ASAN_BUILD)/unit-tests.log)"

fuzz: setup
	@JOBS=$(JOBS) scripts/fuzz.sh

bench: 
	@scripts/setup.sh --bench
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -Wno-dev >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@bench/run.sh

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz web/dist
