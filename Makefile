# crosscheck — see README.md. Every target works on a fresh machine with Go 1.26.
GO          ?= go
BIN         := bin/crosscheck
STATICCHECK_VERSION := v0.8.2
GOBIN       ?= $(shell $(GO) env GOPATH)/bin
STATICCHECK := $(GOBIN)/staticcheck
FUZZTIME    ?= 30s
N           ?= 100000

.PHONY: all build demo test lint vet fmt-check staticcheck bench bench-corpus cli-update eval eval-timex eval-timex-train fuzz docs clean

all: build

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/crosscheck

# The seeds' findings are the point of the demo: they must not fail make.
demo: build
	./$(BIN) check --as-of 2025-04-12 --fail-on none testdata/seeds/

test: lint
	$(GO) test -race -count=1 ./...

lint: fmt-check vet staticcheck

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

$(STATICCHECK):
	$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

staticcheck: $(STATICCHECK)
	$(STATICCHECK) ./...

# MB/s and articles/s for extract, align, check and corpus at 1k, 10k and 100k
# generated articles (CORPUS_BENCH_MAX=10000 to stay small), plus the tagger.
CORPUS_BENCH_MAX ?= 100000
bench:
	CORPUS_BENCH_MAX=$(CORPUS_BENCH_MAX) $(GO) test -run '^$$' -bench 'Benchmark(Extract|Align|Check|Corpus|Group)$$' -benchtime 1x -benchmem ./compare/check/ ./compare/corpus/
	$(GO) test -run '^$$' -bench Tag -benchtime 20x -cpu 1 ./compare/extract/temporal/

# A generated corpus of N articles with planted inconsistencies, checked in
# corpus mode and scored against its ground truth; prints wall time and peak memory.
bench-corpus: build
	$(GO) run ./cmd/gencorpus -n $(N) -seed 1 -out $${TMPDIR:-/tmp}/cc-$(N).jsonl.gz -truth $${TMPDIR:-/tmp}/cc-$(N).truth.json
	/usr/bin/time -v ./$(BIN) corpus --out $${TMPDIR:-/tmp}/cc-$(N) --truth $${TMPDIR:-/tmp}/cc-$(N).truth.json $${TMPDIR:-/tmp}/cc-$(N).jsonl.gz 2>&1 | grep -E 'Elapsed|Maximum resident|precision|recall|articles' || true

cli-update:
	$(GO) test ./cmd/crosscheck -run TestCLI -update

eval:
	$(GO) run ./cmd/crosscheck-eval

# TempEval-3 platinum test: strict/relaxed/value F1 of compare/extract/temporal.
eval-timex:
	$(GO) run ./cmd/timexeval -gold testdata/tempeval/gold/test -o $${TMPDIR:-/tmp}/crosscheck-timex-test.jsonl
	python3 testdata/tempeval/score.py testdata/tempeval/gold/test $${TMPDIR:-/tmp}/crosscheck-timex-test.jsonl

# The same on the training set, the only set used for tuning.
eval-timex-train:
	$(GO) run ./cmd/timexeval -gold testdata/tempeval/gold/train -o $${TMPDIR:-/tmp}/crosscheck-timex-train.jsonl
	python3 testdata/tempeval/score.py testdata/tempeval/gold/train $${TMPDIR:-/tmp}/crosscheck-timex-train.jsonl

# Every fuzz target in turn; FUZZFLAGS=-parallel=1 on a shared machine.
FUZZFLAGS ?=
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  list=$$($(GO) test -list '^Fuzz' $$pkg) || { echo "fuzz: cannot list $$pkg"; exit 1; }; \
	  for f in $$(echo "$$list" | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $(FUZZFLAGS) $$pkg; \
	  done; done

docs: build
	./$(BIN) rules --markdown > docs/rules.md

clean:
	rm -rf bin
