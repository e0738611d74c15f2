# Parcours — `make run` opens the app on the sample map, `make test` runs
# every check. Both install what is missing first (.ci/install-deps).

export PATH := $(PATH):/usr/local/go/bin
export LANG ?= C.UTF-8

# Two programs, side by side: parcours, the command line, which links no
# window toolkit so that its commands start fast, and parcours-editor, the
# window, which `parcours` and `parcours FILE` become (cmd/parcours/window.go).
BIN        := bin/parcours
EDITOR     := bin/parcours-editor
DATA_DIR   := $(if $(XDG_DATA_HOME),$(XDG_DATA_HOME),$(HOME)/.local/share)/parcours
SAMPLE     := $(DATA_DIR)/livraison.parcours
GO_SOURCES := $(shell find . -name '*.go' -not -path './.git/*') go.mod go.sum $(shell find assets -type f)

.PHONY: run test lint bench bench-process deps build clean install uninstall mermaid

deps: .deps.stamp
.deps.stamp: .ci/install-deps go.mod
	.ci/install-deps
	@touch $@

build: $(BIN) $(EDITOR)
$(BIN): .deps.stamp $(GO_SOURCES)
	go build -o $(BIN) ./cmd/parcours
$(EDITOR): .deps.stamp $(GO_SOURCES)
	go build -o $(EDITOR) ./cmd/parcours-editor

# The sample is copied once to a writable place; edits made to it are kept.
$(SAMPLE): | $(BIN)
	mkdir -p $(DATA_DIR)
	$(BIN) import assets/sample/livraison.json -o $(SAMPLE)

run: $(BIN) $(EDITOR) $(SAMPLE)
	$(BIN) $(SAMPLE)

# For the current user, without root: both programs in BINDIR, the desktop
# entry, the MIME type application/x-parcours and the icons under
# XDG_DATA_HOME (default ~/.local/share). See packaging/linux/install.
BINDIR ?= $(HOME)/.local/bin
install: $(BIN) $(EDITOR)
	BINDIR="$(BINDIR)" packaging/linux/install install $(BIN) $(EDITOR)

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
