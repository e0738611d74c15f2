//go:build unix

package instance

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runtimeDir gives the test a private XDG_RUNTIME_DIR and a display name
// of its own.
func runtimeDir(t *testing.T) string {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_RUNTIME_DIR", dir)
	t.Setenv("DISPLAY", ":"+t.Name())
	t.Setenv("WAYLAND_DISPLAY", "")
	return dir
}

// TestForwardToRunningInstance: the first serves; a later one hands its
// file over and gets the answer of the window; after stop nobody listens.
func TestForwardToRunningInstance(t *testing.T) {
	dir := runtimeDir(t)
	sock, err := SocketPath()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(sock) != dir {
		t.Errorf("socket %s is not in XDG_RUNTIME_DIR %s", sock, dir)
	}
	requests, stop, err := ServeOrForward(sock, "/docs/first.parcours")
	if err != nil {
		t.Fatalf("the first Parcours does not serve: %v", err)
	}
	got := make(chan string, 4)
	go func() {
		for r := range requests {
			got <- r.Path
			if strings.HasSuffix(r.Path, "broken.parcours") {
				r.Reply(errors.New("broken.parcours is not a Parcours document"))
				continue
			}
			r.Reply(nil)
		}
	}()

	if _, _, err := ServeOrForward(sock, "/docs/second.parcours"); !errors.Is(err, ErrForwarded) {
		t.Fatalf("the second Parcours did not hand its file over: %v", err)
	}
	if p := <-got; p != "/docs/second.parcours" {
		t.Errorf("the running Parcours was asked for %q", p)
	}
	_, _, err = ServeOrForward(sock, "/docs/broken.parcours")
	var fe *RefusedError
	if !errors.As(err, &fe) || !strings.Contains(fe.Text, "not a Parcours document") {
		t.Errorf("the window's refusal did not come back: %v", err)
	}
	<-got

	stop()
	if _, err := os.Stat(sock); !os.IsNotExist(err) {
		t.Errorf("the socket is left after stop: %v", err)
	}
	// Nobody serves now: the next one serves.
	_, stop, err = ServeOrForward(sock, "")
	if err != nil {
		t.Fatalf("after the first quit, the next does not serve: %v", err)
	}
	stop()
}

// TestStaleSocket: a socket file left by a Parcours that crashed does not
// stop the next one from serving.
func TestStaleSocket(t *testing.T) {
	runtimeDir(t)
	sock, err := SocketPath()
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	l.SetUnlinkOnClose(false)
	l.Close()
	if _, err := os.Stat(sock); err != nil {
		t.Fatalf("no stale socket to test with: %v", err)
	}
	_, stop, err := ServeOrForward(sock, "/docs/a.parcours")
	if err != nil {
		t.Fatalf("a stale socket stops Parcours from serving: %v", err)
	}
	stop()
}

// TestSocketPlace: one socket per display; a runtime folder others may
// enter is not used.
func TestSocketPlace(t *testing.T) {
	dir := runtimeDir(t)
	a, _ := SocketPath()
	t.Setenv("DISPLAY", ":other")
	b, _ := SocketPath()
	if a == b {
		t.Error("two displays share one socket")
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := SocketPath()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(c) == dir {
		t.Error("the socket went into a folder others may enter")
	}
	if fi, err := os.Stat(filepath.Dir(c)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("fallback folder %s is not private: %v", filepath.Dir(c), fi.Mode())
	}
}

// TestForwardWithNobodyListening: `parcours FILE` asks first, and finding
// nobody it is told so, not failed, so that it starts the editor.
func TestForwardWithNobodyListening(t *testing.T) {
	runtimeDir(t)
	sock, err := SocketPath()
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := Forward(sock, "/docs/a.parcours"); ok || err != nil {
		t.Errorf("nobody listens, yet Forward says %v, %v", ok, err)
	}
}
