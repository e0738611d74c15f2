package modeltest

import "testing"

// CPUPerOp reports the process's CPU time per operation beside the wall
// time, as cpu-ms/op: on a machine shared with other work, wall times
// swing with the load, CPU time much less (it counts the garbage
// collector's own threads too, so it is no less than the work done).
// Call it after setting up, and defer what it returns:
//
//	defer modeltest.CPUPerOp(b)()
func CPUPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64(cpuTime()-start)/1e6/float64(b.N), "cpu-ms/op") }
}
