package reports_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/comparetest"
	"github.com/crosscheck/crosscheck/compare/corpus"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/kb"
	"github.com/crosscheck/crosscheck/compare/source"
	"github.com/crosscheck/crosscheck/reports"
	"github.com/crosscheck/crosscheck/rules"
)

// findingJSONDiff is "" when AppendFindingJSON writes what encoding/json
// writes for f, else a description of the difference.
func findingJSONDiff(f compare.Finding) string {
	want, err := reports.ReferenceFindingJSON(f)
	if err != nil {
		return err.Error()
	}
	if got := reports.AppendFindingJSON(nil, f); !bytes.Equal(got, want) {
		return "\n got " + string(got) + "\nwant " + string(want)
	}
	return ""
}

// TestAppendFindingJSONSeeds: every finding of the seed articles.
func TestAppendFindingJSONSeeds(t *testing.T) {
	k, err := kb.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := source.Load([]string{filepath.Join("..", "testdata", "seeds")}, source.Options{})
	asOf := time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)
	rep, err := check.Run(context.Background(), docs, check.Config{
		Rules: rules.All(), KB: k, Gazetteer: extract.NewGazetteer(k), AsOf: &asOf, Now: asOf,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) < 10 {
		t.Fatalf("%d findings: too few to prove anything", len(rep.Findings))
	}
	for _, f := range rep.Findings {
		if d := findingJSONDiff(f); d != "" {
			t.Errorf("%s %s:%s", f.ID, f.Rule, d)
		}
	}
}

// TestAppendFindingJSONRuleCases: every finding of the rules' txtar cases.
func TestAppendFindingJSONRuleCases(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no rule cases (%v)", err)
	}
	r, err := comparetest.NewRunner()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c, err := comparetest.Parse(p, data)
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Execute(c, t.TempDir())
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, f := range res.Report.Findings {
			n++
			if d := findingJSONDiff(f); d != "" {
				t.Errorf("%s %s %s:%s", p, f.ID, f.Rule, d)
			}
		}
	}
	if n < len(paths) {
		t.Fatalf("%d findings in %d cases: too few to prove anything", n, len(paths))
	}
}

// TestAppendFindingJSONGeneratedCorpus: every finding of a generated
// corpus, as the corpus command's render hook sees it (documents whose
// text is gone, positions mapped by a Source function).
func TestAppendFindingJSONGeneratedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a corpus")
	}
	k, err := kb.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := corpus.Generate(&buf, k, corpus.GenOptions{Articles: 1500, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var n, bad atomic.Int64
	cfg := corpus.Config{
		Check: check.Config{Rules: rules.All(), KB: k, Gazetteer: extract.NewGazetteer(k), Now: time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)},
		Render: func(r *corpus.StoryResult) error {
			for _, f := range r.Report.Findings {
				n.Add(1)
				if d := findingJSONDiff(f); d != "" && bad.Add(1) <= 5 {
					t.Errorf("story %s %s %s:%s", r.Story.ID, f.ID, f.Rule, d)
				}
			}
			return nil
		},
	}
	if _, err := corpus.Run(context.Background(), []string{p}, cfg, func(*corpus.StoryResult) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if n.Load() < 100 || bad.Load() > 0 {
		t.Fatalf("%d findings, %d differ", n.Load(), bad.Load())
	}
}
