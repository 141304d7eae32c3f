package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare/comparetest"
)

type threshold struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

// TestThresholds fails when precision or recall of a finding type on the
// evaluation set falls below the committed threshold.
func TestThresholds(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "eval")
	data, err := os.ReadFile(filepath.Join(root, "thresholds.json"))
	if err != nil {
		t.Fatal(err)
	}
	raw := map[string]json.RawMessage{}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("thresholds.json: %v", err)
	}
	ev, err := comparetest.Evaluate(filepath.Join(root, "*.txtar"), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for typ, msg := range raw {
		if typ[0] == '_' {
			continue
		}
		var th threshold
		if err := json.Unmarshal(msg, &th); err != nil {
			t.Fatalf("thresholds.json %s: %v", typ, err)
		}
		s, ok := ev.ByType[typ]
		if !ok {
			t.Errorf("%s: no findings or expectations of this type in the set", typ)
			continue
		}
		checked++
		if s.Precision() < th.Precision {
			t.Errorf("%s precision %.3f < threshold %.3f", typ, s.Precision(), th.Precision)
		}
		if s.Recall() < th.Recall {
			t.Errorf("%s recall %.3f < threshold %.3f", typ, s.Recall(), th.Recall)
		}
	}
	if checked == 0 {
		t.Fatal("thresholds.json names no finding type")
	}
}

// TestRunPrintsScores checks the command's output names every type.
func TestRunPrintsScores(t *testing.T) {
	var out, errb strings.Builder
	td := filepath.Join("..", "..", "testdata")
	code := run([]string{"-q", "-timex=false", "-set", filepath.Join(td, "eval", "*.txtar"), "-seeds", filepath.Join(td, "rules", "seeds", "*.txtar"),
		"-real", filepath.Join(td, "tempeval", "gold", "test", "*.txt")}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"contradiction", "anachronism", "precision", "recall", "20 articles"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
