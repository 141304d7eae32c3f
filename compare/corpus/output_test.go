package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/reports"
	"github.com/crosscheck/crosscheck/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/corpus")

// TestOutputGolden: stories.jsonl and findings.csv of the seeds and the
// source test articles, rendered on the workers (Config.Render) as the
// command does, are the golden files, and each story line is what
// encoding/json makes of the whole line with its findings as raw
// messages (the way it was written before findings were spliced in).
func TestOutputGolden(t *testing.T) {
	k, gaz := mustKB(t)
	type rendered struct{ jsonl, csv []byte }
	cfg := Config{
		Check:   check.Config{Rules: rules.All(), KB: k, Gazetteer: gaz, Now: time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)},
		Workers: 2,
		Render: func(r *StoryResult) error {
			j, err := AppendStoryJSONL(nil, r)
			if err != nil {
				return err
			}
			c, err := AppendFindingsCSV(nil, r)
			if err != nil {
				return err
			}
			r.Rendered = rendered{j, c}
			return nil
		},
	}
	var stories, csvRows bytes.Buffer
	types := map[compare.Type]int{}
	_, err := Run(context.Background(), []string{"../../testdata/seeds", "../../testdata/source"}, cfg, func(r *StoryResult) error {
		rs, ok := r.Rendered.(rendered)
		if !ok {
			t.Fatalf("story %s: not rendered on the worker", r.Story.ID)
		}
		if want := referenceStoryLine(t, r); !bytes.Equal(rs.jsonl, want) {
			t.Errorf("story %s:\n got %s\nwant %s", r.Story.ID, rs.jsonl, want)
		}
		for _, f := range r.Report.Findings {
			types[f.Type]++
		}
		stories.Write(rs.jsonl)
		csvRows.Write(rs.csv)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if types[compare.Contradiction] == 0 || types[compare.Anachronism] == 0 {
		t.Fatalf("findings by type %v: the golden files would prove little", types)
	}
	golden(t, "stories.jsonl.golden", stories.Bytes())
	golden(t, "findings.csv.golden", csvRows.Bytes())
}

// referenceStoryLine is the story line as encoding/json writes it whole.
func referenceStoryLine(t *testing.T, r *StoryResult) []byte {
	t.Helper()
	type line struct {
		storyHead
		Findings []json.RawMessage `json:"findings"`
	}
	l := line{storyHead: storyHead{Story: r.Story.ID, Explicit: r.Story.Explicit, Documents: storyDocs(r)}, Findings: []json.RawMessage{}}
	var fs bytes.Buffer
	if err := reports.JSONL(&fs, &compare.Report{Findings: r.Report.Findings}, reports.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, f := range bytes.Split(bytes.TrimSpace(fs.Bytes()), []byte("\n")) {
		if len(f) > 0 {
			l.Findings = append(l.Findings, json.RawMessage(f))
		}
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(l); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("..", "..", "testdata", "corpus", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (go test -run TestOutputGolden -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -run TestOutputGolden -update, then review the diff)", name)
	}
}
