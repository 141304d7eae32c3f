package corpus

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// TestPositionTable: the compacted Source gives, for any offset, the
// position of the nearest claimed offset at or before it, whichever
// encoding the table takes (one line and 16-bit values, or not).
func TestPositionTable(t *testing.T) {
	long := strings.Repeat("word ", 20000) // offsets past 16 bits
	oneLine := func(off int) (string, int, int) { return "f.jsonl", 7, off + 40 }
	for _, c := range []struct {
		name   string
		text   string
		source func(int) (string, int, int)
		spans  [][2]int
	}{
		{"lines", "Talks\nbegan on Friday\n\nin Muscat.\n", nil, [][2]int{{0, 5}, {15, 21}, {23, 25}, {6, 11}}},
		{"one line", "Talks began on Friday in Muscat.", oneLine, [][2]int{{6, 11}, {15, 21}, {15, 21}}},
		{"one line, long", long, oneLine, [][2]int{{5, 9}, {70000, 70004}}},
		{"wide column", "x", func(off int) (string, int, int) { return "f.jsonl", 1, off + 70000 }, [][2]int{{0, 1}}},
		{"no claims", "Talks.", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &compare.Document{ID: "a", Path: "a.txt", Text: []byte(c.text), Source: c.source}
			ref := *d
			at := func(off int) (string, int, int) {
				if ref.Source != nil {
					return ref.Source(off)
				}
				p := ref.Position(off)
				return ref.Path, p.Line, p.Column
			}
			var claims []compare.Claim
			for _, s := range c.spans {
				claims = append(claims, compare.Claim{Kind: compare.KindLocation, Doc: d, Span: compare.Span{Start: s[0], End: s[1]}})
			}
			compact(d, claims)
			for off := -2; off <= len(c.text)+2; off++ {
				// The nearest claimed offset at or before off.
				best := -1
				for _, s := range c.spans {
					for _, o := range s {
						if o <= off && o > best {
							best = o
						}
					}
				}
				wp, wl, wc := "a.txt", 1, 1
				if c.source != nil {
					wp = "f.jsonl"
				}
				if best >= 0 {
					wp, wl, wc = at(best)
				}
				if p, l, col := d.Source(off); p != wp || l != wl || col != wc {
					t.Fatalf("Source(%d) = %s:%d:%d, want %s:%d:%d", off, p, l, col, wp, wl, wc)
				}
			}
		})
	}
}

// TestCompactSections: the sections go only when nothing can look a
// segment up in pass 2: every claim has its segment, no directive needs
// one, no headline quote keeps the text.
func TestCompactSections(t *testing.T) {
	sections := []compare.Section{{Segment: compare.SegHeadline, Span: compare.Span{Start: 0, End: 5}}, {Segment: compare.SegLede, Span: compare.Span{Start: 6, End: 20}}}
	for _, c := range []struct {
		name    string
		segment compare.Segment
		kind    compare.Kind
		ignores []compare.Ignore
		keep    bool
	}{
		{"segmented", compare.SegLede, compare.KindLocation, nil, false},
		{"claim without segment", "", compare.KindLocation, nil, true},
		{"directive", compare.SegLede, compare.KindLocation, []compare.Ignore{{Rule: "all"}}, true},
		{"headline quote", compare.SegHeadline, compare.KindQuote, nil, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &compare.Document{ID: "a", Path: "a.txt", Text: []byte("Talks\nbegan on Friday.\n"), Sections: sections, Ignores: c.ignores}
			compact(d, []compare.Claim{{Kind: c.kind, Doc: d, Span: compare.Span{Start: 15, End: 21}, Segment: c.segment}})
			if got := d.Sections != nil; got != c.keep {
				t.Errorf("sections kept %v, want %v", got, c.keep)
			}
		})
	}
}
