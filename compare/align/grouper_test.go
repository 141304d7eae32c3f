package align

import (
	"reflect"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// TestGrouperReuse: a Grouper reused over several lists of claims (slots
// seen before, new ones, fewer and more claims than last time) groups
// each as a fresh Group does, and the groups of the calls since Reset do
// not change as later calls add theirs.
func TestGrouperReuse(t *testing.T) {
	a, b, c := &compare.Document{ID: "a"}, &compare.Document{ID: "b"}, &compare.Document{ID: "c"}
	claim := func(d *compare.Document, start int, kind compare.Kind, subject, value string) compare.Claim {
		return compare.Claim{Kind: kind, Doc: d, Span: compare.Span{Start: start, End: start + 1}, Subject: subject, Attr: "x", Value: value}
	}
	// Each story is grouped kind by kind, as check's rule inputs are.
	stories := [][][]compare.Claim{
		{
			{claim(a, 1, compare.KindDate, "talks", "1"), claim(b, 2, compare.KindDate, "talks", "2"), claim(b, 3, compare.KindDate, "vote", "3")},
			{claim(a, 4, compare.KindLocation, "talks", "OM"), claim(c, 1, compare.KindLocation, "talks", "IR")},
		},
		{
			// Unsorted, so that the groups' claims are sorted here.
			{claim(c, 9, compare.KindDate, "vote", "5"), claim(a, 1, compare.KindDate, "funeral", "4"), claim(b, 2, compare.KindDate, "vote", "5"), claim(a, 0, compare.KindDate, "vote", "6")},
		},
		{
			{claim(a, 1, compare.KindWeekday, "talks", "Friday")},
			{claim(b, 1, compare.KindDate, "talks", "7")},
			{claim(c, 2, compare.KindLocation, "vote", "OM"), claim(c, 3, compare.KindLocation, "talks", "OM")},
		},
	}
	var gr Grouper
	for round := range 2 { // the second round on buffers the first left
		for s, story := range stories {
			total := 0
			for _, cs := range story {
				total += len(cs)
			}
			gr.Reset(total)
			var got, want [][]compare.Group
			for _, cs := range story {
				got = append(got, gr.Group(slices.Clone(cs)))
				want = append(want, Group(slices.Clone(cs)))
			}
			if len(want[0]) == 0 {
				t.Fatal("no groups")
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round %d, story %d: reused Grouper gives\n%+v\nwant\n%+v", round, s, got, want)
			}
		}
	}
}

// TestGrouperReleases: after a Reset and the calls that group as many
// claims as it made room for, the Grouper's array holds only the claims
// of those calls: nothing of a larger story before keeps its memory
// alive, though the Reset clears only what the calls do not overwrite.
func TestGrouperReleases(t *testing.T) {
	old, cur := &compare.Document{ID: "old"}, &compare.Document{ID: "cur"}
	story := func(d *compare.Document, n int) []compare.Claim {
		cs := make([]compare.Claim, n)
		for i := range cs {
			cs[i] = compare.Claim{Kind: compare.KindDate, Doc: d, Span: compare.Span{Start: i}, Subject: "s" + string(rune('a'+i%3)), Attr: "x"}
		}
		return cs
	}
	for _, sizes := range [][2]int{{10, 3}, {3, 10}, {10, 0}, {5, 5}} {
		var gr Grouper
		gr.Reset(sizes[0])
		gr.Group(story(old, sizes[0]))
		cs := story(cur, sizes[1])
		gr.Reset(len(cs))
		gr.Group(cs[:len(cs)/2])
		gr.Group(cs[len(cs)/2:])
		for i, c := range gr.claims[:cap(gr.claims)] {
			if c.Doc == old {
				t.Fatalf("%v: claim %d of the story before is still in the buffer", sizes, i)
			}
		}
	}
}
