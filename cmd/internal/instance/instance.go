//go:build unix

package instance

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
)

// Request asks the serving Parcours for a window on a document, as
// ui.OpenRequest does (the editor converts one into the other).
type Request struct {
	// Path is the document's absolute path; "" asks for a window without
	// a document.
	Path string
	// Reply is called once, when the window shows, with nil or with why
	// the document could not be opened.
	Reply func(error)
}

// instanceReply is the serving Parcours's answer to a request.
type instanceReply struct {
	Error string `json:"error,omitempty"`
}

// instanceRequest is what a forwarding Parcours sends.
type instanceRequest struct {
	Open string `json:"open"` // absolute path; "" for a window without a document
}

// forwardTimeout bounds how long a forwarding Parcours waits for the
// serving one's window.
var forwardTimeout = 20 * time.Second

// ErrForwarded says that the running Parcours took the request.
var ErrForwarded = errors.New("forwarded to the running Parcours")

// RefusedError is the running Parcours's reason for not opening a file.
type RefusedError struct{ Text string }

func (e *RefusedError) Error() string { return e.Text }

// ServeOrForward hands path to the Parcours listening at sock
// (ErrForwarded), or, when none is, listens there and returns the channel
// of requests to serve and the function that stops listening.
func ServeOrForward(sock, path string) (<-chan Request, func(), error) {
	deadline := time.Now().Add(3 * time.Second)
	for {
		ok, err := Forward(sock, path)
		if ok || err != nil {
			if err == nil {
				err = ErrForwarded
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

// Forward sends path (absolute, or "") to the Parcours listening at sock
// and waits until its window shows. ok is false when nobody listens there;
// a *RefusedError carries the window's reason for not opening the file.
func Forward(sock, path string) (ok bool, err error) {
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
		return true, &RefusedError{r.Error}
	}
	return true, nil
}

// errBusy says that another process holds the instance lock.
var errBusy = errors.New("another Parcours is starting")

// listen takes the instance lock and listens at sock. Each connection
// carries one request; the reply goes back once the window shows.
func listen(sock string) (<-chan Request, func(), error) {
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
	requests := make(chan Request)
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
func handle(conn net.Conn, requests chan<- Request, done <-chan struct{}) {
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
	r := Request{Path: req.Open, Reply: func(err error) { reply(conn, err) }}
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

// SocketPath is where the Parcours of this user and display listens.
func SocketPath() (string, error) {
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
