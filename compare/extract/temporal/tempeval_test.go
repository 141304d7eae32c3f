package temporal

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestTempEval guards the TempEval-3 figures (testdata/tempeval, see its
// README) against regressions. It matches like the project's scorer
// (score.py): one-to-one by overlap, exact spans first, then larger overlap.
// The floors sit a little under the measured figures; `make eval-timex`
// prints the full report.
func TestTempEval(t *testing.T) {
	for _, c := range []struct {
		dir            string
		relaxed, value float64
	}{
		{"train", 0.950, 0.803},
		{"test", 0.905, 0.81},
	} {
		t.Run(c.dir, func(t *testing.T) {
			relaxed, value := evalDir(t, filepath.Join("..", "..", "..", "testdata", "tempeval", "gold", c.dir))
			t.Logf("%s: relaxed F1 %.1f, value F1 %.1f", c.dir, 100*relaxed, 100*value)
			if relaxed < c.relaxed || value < c.value {
				t.Errorf("%s: relaxed F1 %.3f (floor %.2f), value F1 %.3f (floor %.2f)", c.dir, relaxed, c.relaxed, value, c.value)
			}
		})
	}
}

type goldDoc struct {
	DCT     string `json:"dct"`
	Timexes []struct {
		Start, End int
		Value      string
	} `json:"timexes"`
}

func evalDir(t *testing.T, dir string) (relaxed, value float64) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files in %s: %v", dir, err)
	}
	var nGold, nSys, nPair, nValue int
	for _, f := range files {
		g, text, ref := readGold(t, f)
		sys := Tag(text, ref, Options{})
		nGold += len(g.Timexes)
		nSys += len(sys)
		type cand struct{ inexact, negOv, gs, ss, gi, si int }
		var cands []cand
		for gi, a := range g.Timexes {
			for si, b := range sys {
				if ov := min(a.End, b.End) - max(a.Start, b.Start); ov > 0 {
					in := 1
					if a.Start == b.Start && a.End == b.End {
						in = 0
					}
					cands = append(cands, cand{in, -ov, a.Start, b.Start, gi, si})
				}
			}
		}
		sort.Slice(cands, func(i, j int) bool {
			a, b := cands[i], cands[j]
			for _, d := range [...]int{a.inexact - b.inexact, a.negOv - b.negOv, a.gs - b.gs, a.ss - b.ss, a.gi - b.gi, a.si - b.si} {
				if d != 0 {
					return d < 0
				}
			}
			return false
		})
		usedG, usedS := map[int]bool{}, map[int]bool{}
		for _, c := range cands {
			if usedG[c.gi] || usedS[c.si] {
				continue
			}
			usedG[c.gi], usedS[c.si] = true, true
			nPair++
			if g.Timexes[c.gi].Value == sys[c.si].Value {
				nValue++
			}
		}
	}
	return 2 * float64(nPair) / float64(nGold+nSys), 2 * float64(nValue) / float64(nGold+nSys)
}

// readGold reads a TempEval gold file (f, .json), its text (.txt) and its
// document creation day.
func readGold(t *testing.T, f string) (goldDoc, []byte, time.Time) {
	t.Helper()
	raw, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	var g goldDoc
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	text, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := time.Parse("2006-01-02", g.DCT[:10])
	if err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return g, text, ref
}
