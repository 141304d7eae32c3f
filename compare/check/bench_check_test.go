package check_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/align"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/corpus"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/kb"
	"github.com/crosscheck/crosscheck/compare/source"
	"github.com/crosscheck/crosscheck/rules"
)

// benchSizes: 1k and 10k articles, and 100k when CORPUS_BENCH_MAX allows
// (make bench).
func benchSizes(b *testing.B) []int {
	limit := 10000
	if s := os.Getenv("CORPUS_BENCH_MAX"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("CORPUS_BENCH_MAX=%q: %v", s, err)
		}
		limit = n
	}
	var out []int
	for _, n := range []int{1000, 10000, 100000} {
		if n <= limit {
			out = append(out, n)
		}
	}
	return out
}

// generatedDocs loads a generated corpus of n articles.
func generatedDocs(b *testing.B, k *kb.KB, n int) ([]*compare.Document, int64) {
	b.Helper()
	var buf bytes.Buffer
	if _, err := corpus.Generate(&buf, k, corpus.GenOptions{Articles: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	size := int64(buf.Len())
	docs, errs := source.Load([]string{"-"}, source.Options{Stdin: &buf, StdinFormat: "jsonl"})
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	check.SetReferences(docs, nil, time.Now())
	return docs, size
}

func report(b *testing.B, n int, size int64) {
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.SetBytes(size)
	b.ReportMetric(float64(n)/sec, "articles/s")
}

// BenchmarkExtract is claim extraction over every article (the pool of
// check.Extract), the per-article cost of the pipeline.
func BenchmarkExtract(b *testing.B) {
	k, err := kb.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	gaz := extract.NewGazetteer(k)
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			docs, size := generatedDocs(b, k, n)
			b.ResetTimer()
			for b.Loop() {
				if _, err := check.Extract(context.Background(), docs, k, gaz, nil, check.Config{}); err != nil {
					b.Fatal(err)
				}
			}
			report(b, n, size)
		})
	}
}

// BenchmarkAlign is alignment of all the corpus's claims by slot.
func BenchmarkAlign(b *testing.B) {
	k, err := kb.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	gaz := extract.NewGazetteer(k)
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			docs, size := generatedDocs(b, k, n)
			claims, err := check.Extract(context.Background(), docs, k, gaz, nil, check.Config{})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				align.Group(claims)
			}
			report(b, n, size)
		})
	}
}

// BenchmarkCheck is check.Run story by story over the generated stories
// (the articles of one story at a time, as corpus mode runs them).
func BenchmarkCheck(b *testing.B) {
	k, err := kb.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	gaz := extract.NewGazetteer(k)
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			var buf bytes.Buffer
			truth, err := corpus.Generate(&buf, k, corpus.GenOptions{Articles: n, Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			size := int64(buf.Len())
			docs, errs := source.Load([]string{"-"}, source.Options{Stdin: &buf, StdinFormat: "jsonl"})
			if len(errs) > 0 {
				b.Fatal(errs[0])
			}
			byID := map[string]*compare.Document{}
			for _, d := range docs {
				byID[d.ID] = d
			}
			cfg := check.Config{Rules: rules.All(), KB: k, Gazetteer: gaz, Now: time.Now().UTC(), Workers: 1}
			b.ResetTimer()
			for b.Loop() {
				for _, st := range truth.Stories {
					story := make([]*compare.Document, len(st.Docs))
					for i, id := range st.Docs {
						story[i] = byID[id]
					}
					if _, err := check.Run(context.Background(), story, cfg); err != nil {
						b.Fatal(err)
					}
				}
			}
			report(b, n, size)
		})
	}
}
