package corpus

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/rules"
)

// referenceCSV is the rows encoding/csv writes for a story.
func referenceCSV(t *testing.T, r *StoryResult) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := WriteFindingsCSV(w, r); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// assertRendered fails unless the hand-written story line and CSV rows
// are what encoding/json and encoding/csv write.
func assertRendered(t *testing.T, r *StoryResult, jsonl, rows []byte) {
	t.Helper()
	if want := referenceStoryLine(t, r); !bytes.Equal(jsonl, want) {
		t.Errorf("story %s line:\n got %s\nwant %s", r.Story.ID, jsonl, want)
	}
	if want := referenceCSV(t, r); !bytes.Equal(rows, want) {
		t.Errorf("story %s rows:\n got %q\nwant %q", r.Story.ID, rows, want)
	}
}

// TestRenderGeneratedCorpus: every story of a generated corpus, rendered
// on the workers as the command does, matches the encoding/json and
// encoding/csv references.
func TestRenderGeneratedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a corpus")
	}
	k, gaz := mustKB(t)
	var buf bytes.Buffer
	if _, err := Generate(&buf, k, GenOptions{Articles: 1500, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	type rendered struct{ jsonl, csv []byte }
	cfg := Config{
		Check:   check.Config{Rules: rules.All(), KB: k, Gazetteer: gaz, Now: time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)},
		Workers: 2,
		Render: func(r *StoryResult) error {
			j, err := AppendStoryJSONL([]byte("x"), r)
			if err != nil {
				return err
			}
			c, err := AppendFindingsCSV([]byte("y"), r)
			r.Rendered = rendered{j[1:], c[1:]}
			return err
		},
	}
	stories, findings := 0, 0
	_, err := Run(context.Background(), []string{p}, cfg, func(r *StoryResult) error {
		rs := r.Rendered.(rendered)
		assertRendered(t, r, rs.jsonl, rs.csv)
		stories, findings = stories+1, findings+len(r.Report.Findings)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if stories < 100 || findings < 100 {
		t.Fatalf("%d stories, %d findings: too few to prove anything", stories, findings)
	}
}

// oddStory is a story whose every string is s, with the values the
// encoders treat specially: no outlet, a zero publication day, a finding
// outside the JSON contract, claims without documents.
func oddStory(s string, explicit bool) *StoryResult {
	zero := time.Time{}
	day := time.Date(2024, 2, 29, 23, 0, 0, 0, time.FixedZone("e", -5*3600))
	a := &compare.Document{ID: s, Path: s, Title: s, Outlet: s, URL: s, Published: &day, Reference: day, ReferenceFrom: s}
	b := &compare.Document{ID: s + ";b", Path: "b", Published: &zero}
	c := &compare.Document{ID: "c", Outlet: s + ",c"}
	claims := []compare.Claim{{Doc: a, Text: s, Value: s}, {Doc: b, Text: s}, {Doc: c}, {Doc: a}, {Text: "no doc"}}
	return &StoryResult{
		Story: Story{ID: s, Explicit: explicit},
		Report: &compare.Report{
			Documents: []*compare.Document{a, b, c},
			Findings: []compare.Finding{
				{ID: s, Rule: s, Type: compare.Contradiction, Kind: compare.Kind(s), Severity: compare.Error, Subject: s, Message: s, Claims: claims},
				{ID: "N1", Rule: s, Type: compare.Type("notice"), Message: s, Claims: claims[2:]},
				{ID: "F2", Rule: "r", Type: compare.Agreement, Severity: compare.Severity(7), Subject: s, Message: s,
					Evidence: []compare.Evidence{{Text: s, From: &day}}, Diff: &compare.Diff{A: s}, Suppressed: s},
			},
		},
		Claims: map[string]int{s: 3, "c": -1},
	}
}

// TestRenderOddStories: strings JSON or CSV escape, quote or replace.
func TestRenderOddStories(t *testing.T) {
	for _, s := range []string{
		"", "plain", "<html> & 'single'", `"quoted"`, `back\slash`, "a,b", "a;b", "line\nbreak", "cr\rlf\r\n",
		" leading space", "\tleading tab", "\u00a0nbsp", "\u0085nel", "\u2028ls\u2029ps", `\.`, `\.x`,
		"\xffbad utf-8", "ctl\x00\x01\x1f\x7f", "😀 emoji", "\xf0\x9f\x98",
	} {
		for _, explicit := range []bool{false, true} {
			r := oddStory(s, explicit)
			jsonl, err := AppendStoryJSONL(nil, r)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := AppendFindingsCSV(nil, r)
			if err != nil {
				t.Fatal(err)
			}
			assertRendered(t, r, jsonl, rows)
		}
	}
}

// FuzzRenderStory: arbitrary strings in a story's documents and findings
// render as encoding/json and encoding/csv write them.
func FuzzRenderStory(f *testing.F) {
	f.Add("s1", true)
	f.Add(" \"a,b\"\r\n\xff\u2028<&>", false)
	f.Fuzz(func(t *testing.T, s string, explicit bool) {
		r := oddStory(s, explicit)
		jsonl, _ := AppendStoryJSONL(nil, r)
		rows, _ := AppendFindingsCSV(nil, r)
		assertRendered(t, r, jsonl, rows)
	})
}
