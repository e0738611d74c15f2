//go:build unix

package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"parcours/model/msg"
	"parcours/ui"
)

// One Parcours per display: the first one listens on a unix socket, and
// `parcours FILE` started while it runs hands FILE to it, which opens a
// window on it, then exits. The socket lives in XDG_RUNTIME_DIR (the
// user's own, private), or failing that in a private folder of the
// system's temporary one; its name depends on the display, so that
// Parcours on another X or Wayland display (a test's Xvfb) is another
// instance. A lock file beside it says which process serves: a socket
// left by a crash is replaced, and two started together do not both serve.

// instance is the running Parcours's answer to a request.
type instanceReply struct {
	Error string `json:"error,omitempty"`
}

// instanceRequest is what `parcours FILE` sends.
type instanceRequest struct {
	Open string `json:"open"` // absolute path; "" for a window without a document
}

// forwardTimeout bounds how long `parcours FILE` waits for the running
// Parcours's window; past it, it opens its own.
var forwardTimeout = 20 * time.Second

// openOrForward opens path in the running Parcours if there is one,
// otherwise becomes the Parcours that others hand their files to.
func openOrForward(path string) error {
	if path != "" {
		abs, err := filepath.Abs(path)
		if err != nil {
			return failure("cli.cannot_read", path, err)
		}
		path = abs
	}
	sock, err := socketPath()
	if err != nil {
		// No private place for a socket: a Parcours of its own.
		return ui.Run(path)
	}
	requests, stop, err := serveOrForward(sock, path)
	switch {
	case errors.Is(err, errForwarded):
		return nil
	case err != nil:
		var fe *forwardError
		if errors.As(err, &fe) {
			return failure("cli.instance.failed", fe.text)
		}
		return ui.Run(path)
	}
	defer stop()
	return ui.RunServing(path, requests)
}

// errForwarded says that the running Parcours took the request.
var errForwarded = errors.New("forwarded to the running Parcours")

// forwardError is the running Parcours's reason for not opening a file.
type forwardError struct{ text string }

func (e *forwardError) Error() string { return e.text }

// serveOrForward hands path to the Parcours listening at sock
// (errForwarded), or, when none is, listens there and returns the channel
// of requests to serve and the function that stops listening.
func serveOrForward(sock, path string) (<-chan ui.OpenRequest, func(), error) {
	deadline := time.Now().Add(3 * time.Second)
	for {
		ok, err := forward(sock, path)
		if ok || err != nil {
			if err == nil {
				err = errForwarded
			}
			return nil, nil, err
		}
		requests, stop, err := listen(sock)
		if err == nil {
			return requests, stop, nil
		}
		if !errors.Is(err, errBusy) || time.Now().After(deadline) {
			return nil, nil, err
		}
		// Another Parcours is starting: it will listen in a moment.
		time.Sleep(100 * time.Millisecond)
	}
}

// forward sends path to the Parcours listening at sock and waits until its
// window shows. ok is false when nobody listens there.
func forward(sock, path string) (ok bool, err error) {
	conn, err := net.DialTimeout("unix", sock, time.Second)
	if err != nil {
		return false, nil
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(forwardTimeout))
	if err := json.NewEncoder(conn).Encode(instanceRequest{Open: path}); err != nil {
		return false, nil
	}
	var r instanceReply
	if err := json.NewDecoder(bufio.NewReader(conn)).Decode(&r); err != nil {
		// It took the connection but never answered: hung, or quitting.
		return false, fmt.Errorf("no answer from the running Parcours: %w", err)
	}
	if r.Error != "" {
		return true, &forwardError{r.Error}
	}
	return true, nil
}

// errBusy says that another process holds the instance lock.
var errBusy = errors.New("another Parcours is starting")

// listen takes the instance lock and listens at sock. Each connection
// carries one request; the reply goes back once the window shows.
func listen(sock string) (<-chan ui.OpenRequest, func(), error) {
	lock, err := os.OpenFile(sock+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, nil, err
	}
	if err := unix.Flock(int(lock.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		lock.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, nil, errBusy
		}
		return nil, nil, err
	}
	// Holding the lock, a socket file there is a dead one's.
	_ = os.Remove(sock)
	l, err := net.Listen("unix", sock)
	if err != nil {
		lock.Close()
		return nil, nil, err
	}
	requests := make(chan ui.OpenRequest)
	done := make(chan struct{})
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				select {
				case <-done:
					return
				default:
				}
				if ne, ok := err.(net.Error); ok && ne.Timeout() {
					continue
				}
				return
			}
			go handle(conn, requests, done)
		}
	}()
	stop := func() {
		close(done)
		l.Close() // removes the socket file
		lock.Close()
	}
	return requests, stop, nil
}

// handle reads one request and passes it on; the connection is answered
// and closed by the request's reply.
func handle(conn net.Conn, requests chan<- ui.OpenRequest, done <-chan struct{}) {
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	var req instanceRequest
	if err := json.NewDecoder(bufio.NewReader(conn)).Decode(&req); err != nil {
		conn.Close()
		return
	}
	if req.Open != "" && !filepath.IsAbs(req.Open) {
		reply(conn, errors.New(msg.T("cli.instance.relative", req.Open)))
		return
	}
	r := ui.OpenRequest{Path: req.Open, Reply: func(err error) { reply(conn, err) }}
	select {
	case requests <- r:
	case <-done:
		conn.Close()
	}
}

func reply(conn net.Conn, err error) {
	defer conn.Close()
	var r instanceReply
	if err != nil {
		r.Error = err.Error()
	}
	_ = conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	_ = json.NewEncoder(conn).Encode(r)
}

// socketPath is where the Parcours of this user and display listens.
func socketPath() (string, error) {
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" || !private(dir) {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("parcours-%d", os.Getuid()))
		if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
			return "", err
		}
		if !private(dir) {
			return "", fmt.Errorf("%s is not a private folder", dir)
		}
	}
	sum := sha256.Sum256([]byte(os.Getenv("WAYLAND_DISPLAY") + "\x00" + os.Getenv("DISPLAY")))
	return filepath.Join(dir, "parcours-"+hex.EncodeToString(sum[:6])+".sock"), nil
}

// private reports whether dir is a folder of this user that no one else
// may enter.
func private(dir string) bool {
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid() && fi.Mode().Perm()&0o077 == 0
}
