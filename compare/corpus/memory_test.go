package corpus

import (
	"runtime/debug"
	"testing"
)

func TestUseMemorySettings(t *testing.T) {
	for _, tc := range []struct {
		name                string
		gomemlimit, gogc    string
		wantLimit, wantPerc bool // whether ours apply
	}{
		{name: "defaults", wantLimit: true, wantPerc: true},
		{name: "user GOGC wins", gogc: "50", wantLimit: true},
		{name: "user GOMEMLIMIT wins", gomemlimit: "2GiB", wantPerc: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOMEMLIMIT", tc.gomemlimit)
			t.Setenv("GOGC", tc.gogc)
			// Known starting values, restored at the end.
			prevLimit := debug.SetMemoryLimit(1 << 40)
			prevPerc := debug.SetGCPercent(77)
			defer debug.SetMemoryLimit(prevLimit)
			defer debug.SetGCPercent(prevPerc)

			restore := UseMemorySettings()
			limit := debug.SetMemoryLimit(-1)
			perc := debug.SetGCPercent(-1)
			debug.SetGCPercent(perc)
			if got := limit == MemoryLimit; got != tc.wantLimit {
				t.Errorf("memory limit %d, want ours applied: %v", limit, tc.wantLimit)
			}
			if got := perc == GCPercent; got != tc.wantPerc {
				t.Errorf("GC percent %d, want ours applied: %v", perc, tc.wantPerc)
			}
			restore()
			if limit := debug.SetMemoryLimit(-1); limit != 1<<40 {
				t.Errorf("memory limit after restore %d, want %d", limit, int64(1<<40))
			}
			if perc := debug.SetGCPercent(77); perc != 77 {
				t.Errorf("GC percent after restore %d, want 77", perc)
			}
		})
	}
}
