package corpus

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/rules"
)

// benchSizes are the corpus sizes of BenchmarkCorpus; CORPUS_BENCH_MAX
// caps them (make bench sets it to 100000; the default keeps `go test
// -bench .` short).
func benchSizes(b *testing.B) []int {
	limit := 10000
	if s := os.Getenv("CORPUS_BENCH_MAX"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("CORPUS_BENCH_MAX=%q: %v", s, err)
		}
		limit = n
	}
	var out []int
	for _, n := range []int{1000, 10000, 100000} {
		if n <= limit {
			out = append(out, n)
		}
	}
	return out
}

// writeCorpus writes a generated corpus to a temporary JSONL file.
func writeCorpus(tb testing.TB, n int) (string, int64) {
	tb.Helper()
	k, _ := mustKB(tb)
	var buf bytes.Buffer
	if _, err := Generate(&buf, k, GenOptions{Articles: n, Seed: 1}); err != nil {
		tb.Fatal(err)
	}
	p := filepath.Join(tb.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p, int64(buf.Len())
}

// peakHeap samples the heap in use until stop is closed.
func peakHeap(stop <-chan struct{}, peak *atomic.Uint64) {
	var ms runtime.MemStats
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		runtime.ReadMemStats(&ms)
		if ms.HeapInuse > peak.Load() {
			peak.Store(ms.HeapInuse)
		}
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

// cpuTime is the process's user+system CPU time (Linux), to report MB/s
// per core on a shared machine; 0 when unavailable.
func cpuTime() time.Duration {
	data, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	// Fields 14 and 15 (utime, stime) in clock ticks, after the ")".
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0
	}
	f := bytes.Fields(data[i+1:])
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(string(f[11]), 10, 64)
	st, _ := strconv.ParseInt(string(f[12]), 10, 64)
	return time.Duration(ut+st) * (time.Second / 100)
}

// BenchmarkCorpus runs the whole corpus pipeline (read, extract, group,
// check, summary) over generated corpora and reports MB/s and articles/s
// of wall time, MB/s per CPU-second, and the peak heap in use, under the
// memory settings of `crosscheck corpus`.
func BenchmarkCorpus(b *testing.B) {
	k, gaz := mustKB(b)
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			path, size := writeCorpus(b, n)
			cfg := Config{Check: check.Config{Rules: rules.All(), KB: k, Gazetteer: gaz, Now: time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)}}
			// The settings the command runs under.
			defer UseMemorySettings()()
			runtime.GC()
			var peak atomic.Uint64
			stop := make(chan struct{})
			go peakHeap(stop, &peak)
			cpu0 := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Run(context.Background(), []string{path}, cfg, func(*StoryResult) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			close(stop)
			cpu := cpuTime() - cpu0
			sec := b.Elapsed().Seconds() / float64(b.N)
			b.SetBytes(size)
			b.ReportMetric(float64(n)/sec, "articles/s")
			b.ReportMetric(sec, "s/run")
			if cpu > 0 {
				b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
			}
			b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
		})
	}
}

// BenchmarkGroup is story grouping alone, over precomputed features.
func BenchmarkGroup(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			ids, feats, _ := generated(b, n, 1)
			b.ResetTimer()
			for b.Loop() {
				Group(ids, feats, GroupOptions{})
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
