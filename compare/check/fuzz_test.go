package check_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/kb"
	"github.com/crosscheck/crosscheck/compare/source"
	"github.com/crosscheck/crosscheck/reports"
	"github.com/crosscheck/crosscheck/rules"
)

// FuzzRun runs the whole pipeline (every rule, the embedded kb) over two
// fuzzed articles as one story: no error, no panic, every claim of every
// finding inside its document, and the same JSON report when the
// documents come in the other order with another worker count.
func FuzzRun(f *testing.F) {
	for _, s := range [][2]string{
		{"Talks resume in Muscat\n\nThe talks between Iran and the United States began on Friday in Muscat, officials said. Iranian Foreign Minister Hossein Amir-Abdollahian led the delegation.\n",
			"Iran and US meet in Oman\n\nThe talks between Iran and the United States took place on Saturday in Rome. Foreign Minister Abbas Araghchi said they lasted 2-1/2 hours.\n"},
		{"---\ntitle: Second round\ndate: 2025-04-19\n---\n# Second round\n\nThe second round of talks was held in Rome on 19 April 2025. \"We are ready,\" said Araghchi.\n",
			"The third round of talks, held in Muscat on Saturday, lasted four hours; the late president Ebrahim Raisi was mentioned. <!-- crosscheck-ignore weekday-mismatch -->\n"},
		{"<html><head><title>T</title></head><body><p>President Joe Biden met Vladimir Putin in Geneva on 16 June 2021.</p></body></html>",
			"Former president Donald Trump met Putin in Geneva on Wednesday, 16 June 2021, for about four hours."},
		{"", "\x00"},
	} {
		f.Add(uint8(0), s[0], s[1])
	}
	k, err := kb.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	gaz := extract.NewGazetteer(k)
	asOf := time.Date(2025, 4, 20, 0, 0, 0, 0, time.UTC)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	names := []string{"a.txt", "a.md", "a.html"}
	load := func(format uint8, a, b string) []*compare.Document {
		var docs []*compare.Document
		for i, text := range []string{a, b} {
			name := names[int(format>>(2*i))%len(names)]
			ds, _ := source.Parse(string(rune('a'+i))+name[1:], []byte(text), source.Options{})
			docs = append(docs, ds...)
		}
		return docs
	}
	printJSON, err := reports.Get("json")
	if err != nil {
		f.Fatal(err)
	}
	report := func(t *testing.T, format uint8, a, b string, reverse bool, workers int, ref *time.Time) []byte {
		docs := load(format, a, b)
		if reverse {
			for i, j := 0, len(docs)-1; i < j; i, j = i+1, j-1 {
				docs[i], docs[j] = docs[j], docs[i]
			}
		}
		rep, err := check.Run(context.Background(), docs, check.Config{Rules: rules.All(), KB: k, Gazetteer: gaz, AsOf: ref, Now: now, Workers: workers})
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		for _, fd := range rep.Findings {
			for _, c := range fd.Claims {
				if c.Doc == nil {
					continue // a kb fact, not a span of text
				}
				if c.Span.Start < 0 || c.Span.End < c.Span.Start || c.Span.End > len(c.Doc.Text) {
					t.Fatalf("finding %s (%s): claim span %v outside %s (len %d)", fd.ID, fd.Rule, c.Span, c.Doc.ID, len(c.Doc.Text))
				}
			}
		}
		var buf bytes.Buffer
		if err := printJSON(&buf, rep, reports.Options{}); err != nil {
			t.Fatalf("json: %v", err)
		}
		return buf.Bytes()
	}
	f.Fuzz(func(t *testing.T, format uint8, a, b string) {
		for _, ref := range []*time.Time{&asOf, nil} {
			first := report(t, format, a, b, false, 1, ref)
			if again := report(t, format, a, b, true, 2, ref); !bytes.Equal(first, again) {
				t.Fatalf("the report changes with document order and workers:\n%s\n---\n%s", first, again)
			}
		}
	})
}

// TestExtractPanicIsError: a panic while extracting, which happens on a
// worker goroutine out of reach of the CLI's recover, comes back as an
// error naming the document instead of killing the process.
func TestExtractPanicIsError(t *testing.T) {
	docs, errs := source.Parse("a.txt", []byte("Talks\n\nThe talks began on Friday.\n"), source.Options{})
	if len(docs) != 1 || len(errs) != 0 {
		t.Fatalf("Parse: %d docs, %v", len(docs), errs)
	}
	boom := func(*extract.Env) []compare.Claim { panic("boom") }
	for _, workers := range []int{1, 3} {
		_, err := check.Run(context.Background(), docs, check.Config{Rules: rules.All(), Extra: []func(*extract.Env) []compare.Claim{boom}, Workers: workers})
		if err == nil || err.Error() != "extracting claims from a.txt: internal error: boom (please report this)" {
			t.Errorf("workers %d: err = %v", workers, err)
		}
	}
}
