package corpus

import (
	"os"
	"runtime/debug"
)

// Memory settings of a corpus run. Pass 1 keeps every article's claims
// until pass 2, so the live heap grows with the corpus: a soft limit makes
// the collector work harder near it instead of letting the heap double,
// and peak resident memory at 100k articles stays under 1 GB with room for
// the runtime. Below the limit, collecting when the heap has grown by
// twice the live heap rather than once halves the collector's work on
// small and medium corpora.
const (
	MemoryLimit = 768 << 20
	GCPercent   = 200
)

// UseMemorySettings applies MemoryLimit and GCPercent to the process,
// except where the user's GOMEMLIMIT or GOGC says otherwise, and returns
// a function that restores the previous settings.
func UseMemorySettings() (restore func()) {
	limit, percent := int64(-1), -1
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(MemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		percent = debug.SetGCPercent(GCPercent)
	}
	return func() {
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
		if percent >= 0 {
			debug.SetGCPercent(percent)
		}
	}
}
