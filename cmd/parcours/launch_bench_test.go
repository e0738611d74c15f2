package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"parcours/model/modeltest"
	"parcours/model/sqlite"
)

// BenchmarkLaunch1000 starts the real program (parcours, which becomes
// parcours-editor) on a 1000-touchpoint document under Xvfb and reports, per launch, the time until its window
// is on the X server (ms-to-window) and its peak resident memory
// (peak-MB, VmHWM). Run it with `make bench`, which provides the display.
func BenchmarkLaunch1000(b *testing.B) {
	if os.Getenv("DISPLAY") == "" {
		b.Fatal("no display: run the benchmarks with `make bench` (under xvfb-run)")
	}
	dir := b.TempDir()
	bin := programs(b)
	// A runtime folder of its own: no Parcours of another session to
	// hand the document to.
	run := filepath.Join(dir, "run")
	if err := os.Mkdir(run, 0o700); err != nil {
		b.Fatal(err)
	}
	doc := filepath.Join(dir, "big.parcours")
	st, err := sqlite.Create(doc, modeltest.Generated(1000, 6, 8))
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	var total time.Duration
	var peak float64
	for b.Loop() {
		cmd := exec.Command(bin, doc)
		cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_RUNTIME_DIR="+run, "LANG=C.UTF-8")
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		shown := false
		for time.Since(start) < 20*time.Second {
			out, _ := exec.Command("xwininfo", "-root", "-tree").Output()
			if strings.Contains(string(out), "big.parcours") {
				shown = true
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		total += time.Since(start)
		time.Sleep(500 * time.Millisecond) // let it draw, then read its peak memory
		peak = max(peak, vmHWM(cmd.Process.Pid))
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		if !shown {
			b.Fatal("no window within 20 s")
		}
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-to-window")
	b.ReportMetric(peak, "peak-MB")
}

// vmHWM is a process's peak resident memory in MB.
func vmHWM(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.ParseFloat(strings.Fields(line)[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkVersionProcess runs `parcours version` as a whole process, the
// cost of starting the program for a command (goal ≤ 25 ms): every
// package the binary links is initialised before main runs.
func BenchmarkVersionProcess(b *testing.B) {
	bin := programs(b)
	for b.Loop() {
		if out, err := exec.Command(bin, "version").CombinedOutput(); err != nil {
			b.Fatalf("version: %v\n%s", err, out)
		}
	}
}
