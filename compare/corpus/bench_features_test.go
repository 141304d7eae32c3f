package corpus

import (
	"bytes"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/source"
)

// BenchmarkFeatures is the features of an article as pass 1 computes them
// (from the extraction Env, whose tokens and gazetteer matches the
// extractors need anyway), and from the text alone (FeaturesOf: an
// undated article's); ns/op is per article.
func BenchmarkFeatures(b *testing.B) {
	k, gaz := mustKB(b)
	var buf bytes.Buffer
	if _, err := Generate(&buf, k, GenOptions{Articles: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	docs, errs := source.Load([]string{"-"}, source.Options{Stdin: &buf, StdinFormat: "jsonl"})
	if len(errs) > 0 || len(docs) == 0 {
		b.Fatalf("load: %v", errs)
	}
	check.SetReferences(docs, nil, time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC))
	envs := make([]*extract.Env, len(docs))
	for i, d := range docs {
		envs[i] = extract.NewEnv(d, k, gaz, extract.Options{})
		envs[i].Matches()
	}
	b.Run("env", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			featuresOfEnv(envs[i%len(envs)])
			i++
		}
	})
	b.Run("text", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			FeaturesOf(docs[i%len(docs)], gaz)
			i++
		}
	})
}
