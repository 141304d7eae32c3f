package comparetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// realArticles are the real, published articles in testdata: the
// TempEval-3 texts (newswire of 1989–2013, dated by their document
// creation time) and the news pages of the HTML loader tests.
func realArticles(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, g := range []string{
		"../../testdata/tempeval/gold/train/*.txt",
		"../../testdata/tempeval/gold/test/*.txt",
		"../../testdata/source/html/*/*.html",
	} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) < 280 {
		t.Fatalf("found %d real articles, want the 276 TempEval texts and the HTML pages", len(paths))
	}
	return paths
}

// TestRealTextAlone checks every real article alone: edited news does not
// contradict itself or name officials out of office, so the tool must
// raise nothing on them. (Before the fixes this test came with, it raised
// 28 alarms on them: bare sums of money compared as one figure, "he said"
// taken for a second party, the weekdays of a narrative taken for a slip.)
func TestRealTextAlone(t *testing.T) {
	r, err := NewRunner()
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.CheckAlone(realArticles(t), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles < 280 || res.Claims < 2000 {
		t.Errorf("checked %d articles with %d claims; want at least 280 articles and 2,000 claims", res.Articles, res.Claims)
	}
	for _, a := range res.Alarms {
		t.Errorf("false alarm on %s: %s", a.Article, Describe(a.Finding))
	}
}

// TestCheckAloneReports shows that CheckAlone reports what an article gets
// wrong, so that an empty result above means something.
func TestCheckAloneReports(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "slip.md")
	text := "---\ntitle: Talks in Muscat\ndate: 2025-04-14\n---\n# US and Iran hold talks in Muscat\n\n" +
		"The United States and Iran held talks in Muscat on Saturday, April 12, 2025, officials said.\n\n" +
		"The talks, which took place on Friday, were described as constructive.\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := NewRunner()
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.CheckAlone([]string{p}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Alarms) != 1 || res.Alarms[0].Finding.Type != compare.Contradiction ||
		!strings.Contains(res.Alarms[0].Finding.Message, "contradicts itself") {
		t.Fatalf("alarms = %+v, want one self-contradiction on the weekday", res.Alarms)
	}
	var sb strings.Builder
	res.Print(&sb, true)
	if !strings.Contains(sb.String(), "1 articles") || !strings.Contains(sb.String(), "slip.md") {
		t.Errorf("Print wrote %q", sb.String())
	}
}
