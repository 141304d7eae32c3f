package check

import (
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// TestRuleInputsRelease: the inputs of a story overwrite those of the
// larger story before and clear the rest, so that no claim of it stays in
// the claims of each kind to keep its memory alive (align tests the
// groups').
func TestRuleInputsRelease(t *testing.T) {
	old, cur := &compare.Document{ID: "a-old"}, &compare.Document{ID: "b-cur"}
	story := func(d *compare.Document, n int) []compare.Claim {
		kinds := []compare.Kind{compare.KindDate, compare.KindWeekday, compare.KindQuote}
		cs := make([]compare.Claim, n)
		for i := range cs {
			cs[i] = compare.Claim{Kind: kinds[i%len(kinds)], Doc: d, Span: compare.Span{Start: i}, Subject: "s", Attr: "x"}
		}
		return cs
	}
	for _, sizes := range [][2]int{{12, 4}, {4, 12}, {12, 0}, {6, 6}} {
		var in ruleInputs
		in.reset(story(old, sizes[0]))
		in.reset(story(cur, sizes[1]))
		for _, buf := range [][]compare.Claim{in.byKind[:cap(in.byKind)]} {
			for i, c := range buf {
				if c.Doc == old {
					t.Fatalf("%v: claim %d of the story before is still in the buffers", sizes, i)
				}
			}
		}
	}
}
