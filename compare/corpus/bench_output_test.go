package corpus

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/rules"
)

// checkedStories runs a generated corpus of n articles and keeps every
// story as the Render hook sees it, the state AppendStoryJSONL and
// AppendFindingsCSV work on.
func checkedStories(tb testing.TB, n int) []*StoryResult {
	tb.Helper()
	k, gaz := mustKB(tb)
	p, _ := writeCorpus(tb, n)
	var mu sync.Mutex
	var out []*StoryResult
	cfg := Config{
		Check:   check.Config{Rules: rules.All(), KB: k, Gazetteer: gaz, Now: time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)},
		Workers: 2,
	}
	_, err := Run(context.Background(), []string{p}, cfg, func(r *StoryResult) error {
		mu.Lock()
		defer mu.Unlock()
		out = append(out, r)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// mostFindings is the story with the most findings.
func mostFindings(stories []*StoryResult) *StoryResult {
	best := stories[0]
	for _, r := range stories {
		if len(r.Report.Findings) > len(best.Report.Findings) {
			best = r
		}
	}
	return best
}

// BenchmarkAppendStoryJSONL renders story lines of a 2000-article
// corpus: the story with the most findings, and every story in turn.
func BenchmarkAppendStoryJSONL(b *testing.B) {
	stories := checkedStories(b, 2000)
	b.Run("largest", func(b *testing.B) {
		r := mostFindings(stories)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := AppendStoryJSONL(nil, r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, r := range stories {
				if _, err := AppendStoryJSONL(nil, r); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(stories)), "ns/story")
	})
	// As the corpus command renders: into a buffer used again.
	b.Run("all-reused", func(b *testing.B) {
		var buf []byte
		b.ReportAllocs()
		for b.Loop() {
			for _, r := range stories {
				var err error
				if buf, err = AppendStoryJSONL(buf[:0], r); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(stories)), "ns/story")
	})
}

// BenchmarkAppendFindingsCSV renders the findings.csv rows of every story
// of a 2000-article corpus.
func BenchmarkAppendFindingsCSV(b *testing.B) {
	stories := checkedStories(b, 2000)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range stories {
			if _, err := AppendFindingsCSV(nil, r); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(stories)), "ns/story")
}
