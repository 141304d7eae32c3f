package extract_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/corpus"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/kb"
	"github.com/crosscheck/crosscheck/compare/source"
)

// benchDocs loads a generated corpus of n articles with a fixed reference
// time, the input of the benchmarks below.
func benchDocs(b *testing.B, k *kb.KB, n int) ([]*compare.Document, int64) {
	b.Helper()
	var buf bytes.Buffer
	if _, err := corpus.Generate(&buf, k, corpus.GenOptions{Articles: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	docs, errs := source.Load([]string{"-"}, source.Options{Stdin: &buf, StdinFormat: "jsonl"})
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	ref := time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)
	var size int64
	for _, d := range docs {
		d.Reference, d.ReferenceFrom = ref, "as-of"
		size += int64(len(d.Text))
	}
	return docs, size
}

func benchKB(b *testing.B) (*kb.KB, *extract.Gazetteer) {
	b.Helper()
	k, err := kb.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	return k, extract.NewGazetteer(k)
}

// BenchmarkRun is NewEnv and Run over each article: the per-article cost
// of claim extraction. ns/op and allocs/op are per article.
func BenchmarkRun(b *testing.B) {
	k, gaz := benchKB(b)
	docs, size := benchDocs(b, k, 500)
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		d := docs[i%len(docs)]
		i++
		extract.Run(extract.NewEnv(d, k, gaz, extract.Options{}), nil)
	}
}

// BenchmarkRunScratch is BenchmarkRun on one Scratch and one claims
// buffer, as a worker extracting article after article runs it: allocs/op
// are what extraction still allocates per article in steady state.
func BenchmarkRunScratch(b *testing.B) {
	k, gaz := benchKB(b)
	docs, size := benchDocs(b, k, 500)
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	var sc extract.Scratch
	var buf []compare.Claim
	i := 0
	for b.Loop() {
		d := docs[i%len(docs)]
		i++
		buf = extract.AppendRun(buf[:0], sc.NewEnv(d, k, gaz, extract.Options{}), nil)
	}
}

// BenchmarkTokenize is Tokenize over each article's text.
func BenchmarkTokenize(b *testing.B) {
	k, _ := benchKB(b)
	docs, size := benchDocs(b, k, 500)
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		d := docs[i%len(docs)]
		i++
		extract.Tokenize(d.Text, d.Masked)
	}
}

// BenchmarkGazetteerScan is Gazetteer.Scan over each article's tokens.
func BenchmarkGazetteerScan(b *testing.B) {
	k, gaz := benchKB(b)
	docs, size := benchDocs(b, k, 500)
	toks := make([][]extract.Token, len(docs))
	for i, d := range docs {
		toks[i] = extract.Tokenize(d.Text, d.Masked)
	}
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		gaz.Scan(toks[i%len(toks)])
		i++
	}
}
