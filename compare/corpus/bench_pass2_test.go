package corpus

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/source"
	"github.com/crosscheck/crosscheck/rules"
)

// pass2Input is a generated corpus after pass 1 and grouping: what pass 2
// and packing work on, without the extraction that dominates a whole run.
type pass2Input struct {
	arts    []Article
	stories []Story
	cfg     check.Config
	kinds   []compare.Kind
}

func preparedCorpus(b testing.TB, n int) *pass2Input {
	b.Helper()
	k, gaz := mustKB(b)
	var buf bytes.Buffer
	if _, err := Generate(&buf, k, GenOptions{Articles: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	in := &pass2Input{cfg: check.Config{Rules: rules.All(), KB: k, Gazetteer: gaz, Now: time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)}}
	in.kinds = check.NeededKinds(in.cfg.Rules)
	var ids []string
	var feats []Features
	// One worker's buffers and the run's dictionary, as pass 1 packs.
	sc := scratch{pack: Packer{p: packer{dict: newStringDict()}}}
	err := source.Walk([]string{"-"}, source.Options{Stdin: &buf, StdinFormat: "jsonl"}, func(d *compare.Document) error {
		a := sc.prepare(d, in.cfg, in.kinds)
		ids, feats = append(ids, d.ID), append(feats, a.Features)
		in.arts = append(in.arts, a)
		return nil
	}, func(e compare.DocError) { b.Errorf("load: %v", e) })
	if err != nil {
		b.Fatal(err)
	}
	// A story with an undated article extracts it in pass 2, which drops
	// its text: such stories could not be checked twice.
	for _, st := range Group(ids, feats, GroupOptions{}) {
		if !slices.ContainsFunc(st.Members, func(m int) bool { return in.arts[m].Deferred }) {
			in.stories = append(in.stories, st)
		}
	}
	return in
}

// BenchmarkCheckStories is pass 2 alone: unpacking, rules and finishing
// every story of a 2000-article corpus, on one worker's buffers as pass
// 2 runs them; "fresh" calls CheckStory, which starts from none.
func BenchmarkCheckStories(b *testing.B) {
	in := preparedCorpus(b, 2000)
	run := func(b *testing.B, check func(Story, []*Article) (*StoryResult, error)) {
		arts := make([]Article, len(in.arts))
		var members []*Article
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			copy(arts, in.arts) // CheckStory drops the packed blocks
			for _, st := range in.stories {
				members = members[:0]
				for _, m := range st.Members {
					members = append(members, &arts[m])
				}
				if _, err := check(st, members); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.Run("worker", func(b *testing.B) {
		var sc storyScratch
		run(b, func(st Story, members []*Article) (*StoryResult, error) {
			return sc.checkStory(context.Background(), st, members, in.cfg, in.kinds)
		})
	})
	b.Run("fresh", func(b *testing.B) {
		run(b, func(st Story, members []*Article) (*StoryResult, error) {
			return CheckStory(context.Background(), st, members, in.cfg, in.kinds)
		})
	})
}

// BenchmarkPackClaims packs the claims of every article of a
// 2000-article corpus: "fresh" with PackClaims (self-contained blocks),
// "worker" on one Packer and a dictionary, as pass 1 does. The metric is
// the block's bytes per article.
func BenchmarkPackClaims(b *testing.B) {
	in := preparedCorpus(b, 2000)
	claims := make([][]compare.Claim, len(in.arts))
	for i, a := range in.arts {
		var u unpacker
		cs, err := u.appendClaims(nil, a.Packed, a.dict, a.Doc)
		if err != nil {
			b.Fatal(err)
		}
		claims[i] = cs
	}
	run := func(b *testing.B, pack func([]compare.Claim) int) {
		b.ReportAllocs()
		packed := 0
		for b.Loop() {
			packed = 0
			for _, cs := range claims {
				packed += pack(cs)
			}
		}
		b.ReportMetric(float64(packed)/float64(len(in.arts)), "packed-B/article")
	}
	b.Run("fresh", func(b *testing.B) {
		run(b, func(cs []compare.Claim) int { return len(PackClaims(cs)) })
	})
	b.Run("worker", func(b *testing.B) {
		pk := Packer{p: packer{dict: newStringDict()}}
		run(b, func(cs []compare.Claim) int { return len(pk.packString(cs)) })
	})
}
