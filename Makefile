# Parcours — `make run` opens the app on the sample map, `make test` runs
# every check. Both install what is missing first (.ci/install-deps).

export PATH := $(PATH):/usr/local/go/bin
export LANG ?= C.UTF-8

BIN        := bin/parcours
DATA_DIR   := $(if $(XDG_DATA_HOME),$(XDG_DATA_HOME),$(HOME)/.local/share)/parcours
SAMPLE     := $(DATA_DIR)/livraison.parcours
GO_SOURCES := $(shell find . -name '*.go' -not -path './.git/*') go.mod go.sum $(shell find assets -type f)

.PHONY: run test lint bench bench-process deps build clean install uninstall mermaid

deps: .deps.stamp
.deps.stamp: .ci/install-deps go.mod
	.ci/install-deps
	@touch $@

build: $(BIN)
$(BIN): .deps.stamp $(GO_SOURCES)
	go build -o $(BIN) ./cmd/parcours

# The sample is copied once to a writable place; edits made to it are kept.
$(SAMPLE): | $(BIN)
	mkdir -p $(DATA_DIR)
	$(BIN) import assets/sample/livraison.json -o $(SAMPLE)

run: $(BIN) $(SAMPLE)
	$(BIN) $(SAMPLE)

# For the current user, without root: the binary in BINDIR, the desktop
# entry, the MIME type application/x-parcours and the icons under
# XDG_DATA_HOME (default ~/.local/share). See packaging/linux/install.
BINDIR ?= $(HOME)/.local/bin
install: $(BIN)
	BINDIR="$(BINDIR)" packaging/linux/install install $(BIN)

uninstall:
	BINDIR="$(BINDIR)" packaging/linux/install uninstall

lint: .deps.stamp
	@out=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go' | while read -r f; do [ -f "$$f" ] && echo "$$f"; done)); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	go vet ./...
	go tool staticcheck ./...

# The Mermaid CLI draws a journey export in a test; only the tests need it.
mermaid: .mermaid.stamp
.mermaid.stamp: .ci/install-mermaid .ci/mermaid/package-lock.json
	.ci/install-mermaid
	@touch $@

test: lint .mermaid.stamp
	xvfb-run -a go test -count=1 -timeout 20m ./...

bench: .deps.stamp
	xvfb-run -a go test -run '^$$' -bench . -benchmem ./...

# The export of the A0 poster of 1000 touchpoints timed as a whole process
# (goal: 62 ms), with hyperfine: a developer tool, not installed by
# .ci/install-deps (apt-get install hyperfine).
bench-process: .deps.stamp
	.ci/bench-process

clean:
	rm -rf bin .deps.stamp .mermaid.stamp
