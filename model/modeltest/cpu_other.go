//go:build !unix

package modeltest

import "time"

// cpuTime is not measured here: CPUPerOp reports 0.
func cpuTime() time.Duration { return 0 }
