package rules_test

import (
	"bytes"
	"context"
	"reflect"
	"slices"
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

// benchStory is one generated story with its claims, as corpus mode's
// second pass hands it to check.RunRules.
type benchStory struct {
	docs   []*compare.Document
	claims []compare.Claim
}

// benchStories generates a corpus of n articles and extracts the claims
// of each of its stories (5-8 articles, about ten claims each).
func benchStories(b testing.TB, k *kb.KB, n int) []benchStory {
	b.Helper()
	var buf bytes.Buffer
	truth, err := corpus.Generate(&buf, k, corpus.GenOptions{Articles: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	docs, errs := source.Load([]string{"-"}, source.Options{Stdin: &buf, StdinFormat: "jsonl"})
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	byID := map[string]*compare.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	gaz := extract.NewGazetteer(k)
	kinds := check.NeededKinds(rules.All())
	var out []benchStory
	for _, st := range truth.Stories {
		sd := make([]*compare.Document, len(st.Docs))
		for i, id := range st.Docs {
			sd[i] = byID[id]
		}
		check.SetReferences(sd, nil, time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC))
		cs, err := check.Extract(context.Background(), sd, k, gaz, kinds, check.Config{Workers: 1})
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, benchStory{sd, cs})
	}
	return out
}

// rulePasses builds each rule's pass over a story the way check.RunRules
// does (the claims of the kinds it needs, sorted, and their groups), so
// that the benchmark times the rules alone.
func rulePasses(k *kb.KB, st benchStory, report func(compare.Finding)) []*compare.Pass {
	var out []*compare.Pass
	for _, r := range rules.All() {
		var cs []compare.Claim
		for _, c := range st.claims {
			if slices.Contains(r.Needs, c.Kind) {
				cs = append(cs, c)
			}
		}
		extract.SortClaims(cs)
		out = append(out, &compare.Pass{Rule: r, Documents: st.docs, Claims: cs, Groups: align.Group(cs), KB: k, Report: report})
	}
	return out
}

// TestRulesReadOnly checks that no rule writes to the claims and groups of
// its pass: check.RunRules shares them between rules, and rules keep
// pointers into them rather than copies.
func TestRulesReadOnly(t *testing.T) {
	k, err := kb.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, st := range benchStories(t, k, 200) {
		passes := rulePasses(k, st, func(compare.Finding) { found++ })
		groups := make([][]compare.Group, len(passes))
		claims := make([][]compare.Claim, len(passes))
		for i, p := range passes {
			groups[i], claims[i] = cloneGroups(p.Groups), slices.Clone(p.Claims)
		}
		for i, p := range passes {
			if err := p.Rule.Run(p); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(groups[i], p.Groups) || !reflect.DeepEqual(claims[i], p.Claims) {
				t.Errorf("rule %s changed the claims of its pass", p.Rule.Name)
			}
		}
	}
	if found == 0 {
		t.Error("no findings: the stories check nothing")
	}
}

func cloneGroups(gs []compare.Group) []compare.Group {
	out := slices.Clone(gs)
	for i := range out {
		out[i].Claims = slices.Clone(out[i].Claims)
	}
	return out
}

// BenchmarkStory runs the rules over one generated story per op, cycling
// through the stories of a 1000-article corpus: ns/op, B/op and
// allocs/op are per story. "rules" times the rules alone over prebuilt
// passes; "RunRules" adds check.RunRules's grouping of the claims.
func BenchmarkStory(b *testing.B) {
	k, err := kb.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	stories := benchStories(b, k, 1000)
	b.Run("rules", func(b *testing.B) {
		var found []compare.Finding
		report := func(f compare.Finding) { found = append(found, f) }
		passes := make([][]*compare.Pass, len(stories))
		for i, st := range stories {
			passes[i] = rulePasses(k, st, report)
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			found = found[:0]
			for _, p := range passes[i%len(passes)] {
				if err := p.Rule.Run(p); err != nil {
					b.Fatal(err)
				}
			}
			i++
		}
	})
	b.Run("RunRules", func(b *testing.B) {
		cfg := check.Config{Rules: rules.All(), KB: k}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			st := stories[i%len(stories)]
			if _, err := check.RunRules(context.Background(), st.docs, st.claims, cfg); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
