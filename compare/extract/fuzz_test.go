package extract_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/kb"
	"github.com/crosscheck/crosscheck/compare/source"
)

// fuzzFormats are the loaders FuzzExtract feeds through, chosen by a byte
// of the input so that markup masks reach the extractors too.
var fuzzFormats = []string{"f.txt", "f.md", "f.html"}

// FuzzExtract runs every extractor (extract.Run with no kinds) over a
// loaded document with the embedded kb: no panic, every claim's span
// inside the text and its Text the bytes of that span, claims sorted, and
// the same claims when run again on a fresh Env.
func FuzzExtract(f *testing.F) {
	for _, s := range []struct {
		format uint8
		text   string
	}{
		{0, "Iran and US hold talks in Oman\n\nThe talks between Iran and the United States began on Friday in Muscat, officials said. Iranian Foreign Minister Hossein Amir-Abdollahian led the delegation.\n"},
		{0, "MUSCAT, April 12 (Reuters) — The second round of talks lasted about 2-1/2 hours, the former president said. \"We are ready,\" said Araghchi. Trump's administration set a 60-day deadline last month.\n"},
		{1, "---\ntitle: Talks\ndate: 2025-04-12\n---\n# Talks resume\n\nThe talks took place on Saturday in Rome, a day after the 2015 deal's anniversary. <!-- crosscheck-ignore weekday-mismatch -->\n"},
		{2, "<html><head><title>Talks</title><meta property=\"article:published_time\" content=\"2025-04-11\"></head><body><article><h1>Talks</h1><p>The late Supreme Leader Ali Khamenei spoke on Friday, 11 April 2025; 247 of 288 lawmakers agreed.</p></article></body></html>"},
		{0, "then-Secretary of State Antony Blinken met the U.S. president in Geneva in 2018, next week, 3 days later, between 9 and 3 a.m."},
		{1, "“”‘’\"\n\n\"Neither side\" said ‘no’ — 1/0 of 1,000,000,000,000,000,000,000 the 12/04/2025 Friday the 13th"},
	} {
		f.Add(s.format, []byte(s.text), true)
	}
	k, err := kb.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	gaz := extract.NewGazetteer(k)
	ref := time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, format uint8, data []byte, dayFirst bool) {
		path := fuzzFormats[int(format)%len(fuzzFormats)]
		docs, _ := source.Parse(path, data, source.Options{})
		for _, d := range docs {
			d.Reference, d.ReferenceFrom = ref, "as-of"
			if d.Published != nil {
				d.Reference, d.ReferenceFrom = *d.Published, "published"
			}
			opt := extract.Options{DayFirst: dayFirst}
			claims := extract.Run(extract.NewEnv(d, k, gaz, opt), nil)
			for i, c := range claims {
				if c.Span.Start < 0 || c.Span.End < c.Span.Start || c.Span.End > len(d.Text) {
					t.Fatalf("claim %d %s %q: span %v outside the text (len %d)", i, c.Kind, c.Text, c.Span, len(d.Text))
				}
				if c.Doc != d {
					t.Fatalf("claim %d %s %q: on another document", i, c.Kind, c.Text)
				}
				if c.Kind == "" {
					t.Fatalf("claim %d %q: no kind", i, c.Text)
				}
			}
			again := extract.Run(extract.NewEnv(d, k, gaz, opt), nil)
			if a, b := render(t, claims), render(t, again); a != b {
				t.Fatalf("two runs differ:\n%s\n---\n%s", a, b)
			}
			sorted := append([]compare.Claim(nil), claims...)
			extract.SortClaims(sorted)
			if a, b := render(t, claims), render(t, sorted); a != b {
				t.Fatalf("claims not sorted:\n%s\n---\n%s", a, b)
			}
		}
	})
}

// render prints claims as JSON (pointers by value, without the
// document), for comparison; a non-finite number fails the test.
func render(t *testing.T, cs []compare.Claim) string {
	var b strings.Builder
	for _, c := range cs {
		c.Doc = nil
		js, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("claim %s %q: %v", c.Kind, c.Text, err)
		}
		b.Write(js)
		b.WriteByte('\n')
	}
	return b.String()
}
