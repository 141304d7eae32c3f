package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/rules"
)

// runCorpus runs a corpus over one JSONL file and returns stories.jsonl
// and the Markdown summary.
func runCorpus(t *testing.T, path string, workers int) (string, string) {
	t.Helper()
	k, gaz := mustKB(t)
	cfg := Config{
		Check:   check.Config{Rules: rules.All(), KB: k, Gazetteer: gaz, Now: time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)},
		Workers: workers,
	}
	var stories bytes.Buffer
	sum, err := Run(context.Background(), []string{path}, cfg, func(r *StoryResult) error {
		return WriteStoryJSONL(&stories, r)
	})
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	if err := WriteSummaryMarkdown(&md, sum); err != nil {
		t.Fatal(err)
	}
	return stories.String(), md.String()
}

// TestRunDeterministic: the output is the same for any worker count and
// any input order.
func TestRunDeterministic(t *testing.T) {
	k, _ := mustKB(t)
	var buf bytes.Buffer
	if _, err := Generate(&buf, k, GenOptions{Articles: 300, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(a, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	b := filepath.Join(dir, "b.jsonl")
	var shuffled []byte
	for _, l := range lines {
		shuffled = append(shuffled, bytes.TrimSuffix(l, []byte("\n"))...)
		shuffled = append(shuffled, '\n')
	}
	if err := os.WriteFile(b, shuffled, 0o644); err != nil {
		t.Fatal(err)
	}
	s1, m1 := runCorpus(t, a, 1)
	s3, m3 := runCorpus(t, a, 3)
	if s1 != s3 || m1 != m3 {
		t.Fatal("output differs between 1 and 3 workers")
	}
	// Paths (and line numbers) name the file; the rest must not change.
	sb, mb := runCorpus(t, b, 2)
	if mb != m1 {
		t.Fatalf("summary differs with the input order:\n%s\nvs\n%s", m1, mb)
	}
	if got, want := storyIDs(t, sb), storyIDs(t, s1); !slices.Equal(got, want) {
		t.Errorf("stories differ with the input order")
	}
}

func storyIDs(t *testing.T, jsonl string) []string {
	t.Helper()
	var ids []string
	for _, l := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		var v struct {
			Story    string
			Findings []struct{ Rule, Message string }
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, v.Story)
		for _, f := range v.Findings {
			ids = append(ids, f.Rule+": "+f.Message)
		}
	}
	return ids
}

// TestCompactKeepsPositions: after the text is dropped, claims still map
// to the file positions they had.
func TestCompactKeepsPositions(t *testing.T) {
	d := &compare.Document{ID: "a", Path: "a.txt", Text: []byte("Talks\nbegan on Friday in Muscat.\n")}
	d.IndexLines()
	claims := []compare.Claim{{Kind: compare.KindWeekday, Doc: d, Span: compare.Span{Start: 15, End: 21}, Text: "Friday", Value: "Friday"}}
	want := d.Position(15)
	compact(d, claims)
	out, err := UnpackClaims(PackClaims(claims), d)
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != nil {
		t.Error("text kept without a headline quote")
	}
	p, line, col := d.Source(out[0].Span.Start)
	if p != "a.txt" || line != want.Line || col != want.Column {
		t.Errorf("position %s:%d:%d, want a.txt:%d:%d", p, line, col, want.Line, want.Column)
	}
}

// TestUndatedArticleInStory: an article without a date is extracted in
// pass 2 against its story's reference time; its claims take part in the
// story's findings and keep their file positions.
func TestUndatedArticleInStory(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "c.jsonl")
	lines := `{"id":"a","story":"s1","published":"2025-04-12","title":"Talks in Muscat","text":"Iran and the United States held talks in Muscat on Friday, officials said."}
{"id":"b","story":"s1","title":"Talks in Muscat","text":"Iran and the United States held talks in Muscat on Saturday, officials said."}
`
	if err := os.WriteFile(p, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	stories, _ := runCorpus(t, p, 2)
	var r struct {
		Documents []struct {
			ID     string `json:"id"`
			Claims int    `json:"claims"`
		} `json:"documents"`
		Findings []struct {
			Rule   string `json:"rule"`
			Claims []struct {
				Doc  string `json:"doc"`
				Line int    `json:"line"`
			} `json:"claims"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(stories)), &r); err != nil {
		t.Fatalf("%v: %s", err, stories)
	}
	if len(r.Documents) != 2 || r.Documents[1].ID != "b" || r.Documents[1].Claims == 0 {
		t.Fatalf("documents = %+v, want b with claims", r.Documents)
	}
	for _, f := range r.Findings {
		if f.Rule != "weekday-mismatch" {
			continue
		}
		for _, c := range f.Claims {
			if c.Doc == "b" && c.Line == 2 {
				return
			}
		}
	}
	t.Errorf("no weekday contradiction citing b at line 2: %s", stories)
}
