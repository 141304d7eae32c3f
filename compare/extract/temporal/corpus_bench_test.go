package temporal_test

import (
	"bytes"
	"runtime"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare/corpus"
	"github.com/crosscheck/crosscheck/compare/extract/temporal"
	"github.com/crosscheck/crosscheck/compare/kb"
	"github.com/crosscheck/crosscheck/compare/source"
)

// BenchmarkTagCorpus tags the articles of a generated corpus (those of the
// corpus benchmarks in compare/check) in turn, one per op: the cost Tag
// adds to each article of a corpus run. "alloc" lets Tag allocate its
// scratch per call; "buffers" reuses one Buffers.
func BenchmarkTagCorpus(b *testing.B) {
	k, err := kb.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := corpus.Generate(&buf, k, corpus.GenOptions{Articles: 2000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	docs, errs := source.Load([]string{"-"}, source.Options{Stdin: &buf, StdinFormat: "jsonl"})
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	ref := time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)
	runtime.GC() // not the generator's garbage: collect it before timing
	for _, reuse := range []bool{false, true} {
		name := "alloc"
		if reuse {
			name = "buffers"
		}
		b.Run(name, func(b *testing.B) {
			var opt temporal.Options
			if reuse {
				opt.Buffers = &temporal.Buffers{}
			}
			b.SetBytes(int64(size / len(docs)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				temporal.Tag(docs[n%len(docs)].Text, ref, opt)
				n++
			}
		})
	}
}
