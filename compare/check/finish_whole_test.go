package check

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// refFinish is Finish as first written, from the reference parts: one
// fingerprint at a time, a map to dedupe, IDs made one by one.
func refFinish(fs []compare.Finding) []compare.Finding {
	for i := range fs {
		fs[i].Fingerprint = refFingerprint(fs[i])
	}
	seen := map[string]bool{}
	out := fs[:0]
	for _, f := range fs {
		if !seen[f.Fingerprint] {
			seen[f.Fingerprint] = true
			out = append(out, f)
		}
	}
	out = refDropSubsumed(out)
	refSort(out)
	for i := range out {
		out[i].ID = "F" + strconv.Itoa(i+1)
	}
	return out
}

// TestFinishWholeMatchesReference: Finish, and a Scratch's Finish reused
// from call to call, give the reference's findings, IDs and fingerprints
// included, on random findings with duplicates, few (compared in place)
// and many (a map) of them.
func TestFinishWholeMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var sc Scratch
	for round := range 200 {
		n := r.IntN(120)
		fs := randomFindings(r, n)
		for range r.IntN(n + 1) { // duplicates: one finding twice
			if n > 0 {
				fs = append(fs, fs[r.IntN(n)])
			}
		}
		want := refFinish(slices.Clone(fs))
		for name, got := range map[string][]compare.Finding{
			"Finish":         Finish(slices.Clone(fs), Config{}),
			"Scratch.Finish": sc.Finish(slices.Clone(fs), Config{}),
		} {
			if len(got) != len(want) {
				t.Fatalf("round %d: %s kept %d findings, want %d", round, name, len(got), len(want))
			}
			for i := range want {
				if !sameFinding(got[i], want[i]) || got[i].ID != want[i].ID {
					t.Fatalf("round %d: %s differs at %d: got %s %s, want %s %s", round, name, i,
						got[i].ID, got[i].Fingerprint, want[i].ID, want[i].Fingerprint)
				}
			}
		}
	}
}
