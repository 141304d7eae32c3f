package corpus

import (
	"slices"
	"sort"

	"github.com/crosscheck/crosscheck/compare"
)

// compact drops what pass 2 does not need of a document once its claims
// are extracted: its text, mask and sentence spans. Findings still print
// file positions: those of every span a claim or a suppression refers to
// are computed now and served by Document.Source. The text stays when a
// headline quote needs the body's prose (the headline-quote rule reads
// it).
func compact(d *compare.Document, claims []compare.Claim) {
	n := 4 * len(d.Ignores)
	for i := range claims {
		n += 2 + 2*len(claims[i].Related)
	}
	offs := make([]int, 0, n)
	for _, c := range claims {
		offs = append(offs, c.Span.Start, c.Span.End)
		for _, r := range c.Related {
			offs = append(offs, r.Start, r.End)
		}
	}
	for _, ig := range d.Ignores {
		offs = append(offs, ig.At.Start, ig.At.End, ig.Span.Start, ig.Span.End)
	}
	slices.Sort(offs)
	offs = slices.Compact(offs)
	// The table lives until pass 2: one exact allocation for its columns.
	cols := make([]int32, 3*len(offs))
	t := &posTable{offs: cols[:0:len(offs)], lines: cols[len(offs) : len(offs) : 2*len(offs)], cols: cols[2*len(offs) : 2*len(offs)]}
	for _, off := range offs {
		var p string
		var line, col int
		if d.Source != nil {
			p, line, col = d.Source(off)
		} else {
			pos := d.Position(off)
			p, line, col = d.Path, pos.Line, pos.Column
		}
		if t.path == "" {
			t.path = p
		}
		t.offs = append(t.offs, int32(off))
		t.lines = append(t.lines, int32(line))
		t.cols = append(t.cols, int32(col))
	}
	if t.path == "" {
		t.path = d.Path
	}
	if !needsText(claims) {
		d.Text, d.Mask, d.Sentences = nil, nil, nil
	}
	d.Source = t.lookup
}

// needsText reports whether a rule will read the document's text after
// extraction: the headline-quote rule looks for a headline quote's words
// in the body's prose.
func needsText(claims []compare.Claim) bool {
	for _, c := range claims {
		if c.Kind == compare.KindQuote && c.Segment == compare.SegHeadline {
			return true
		}
	}
	return false
}

// posTable maps the offsets of a document's claims to file positions.
type posTable struct {
	path        string
	offs        []int32
	lines, cols []int32
}

// lookup returns the position of off; an offset not in the table gets the
// position of the nearest one before it (line 1, column 1 when none).
func (t *posTable) lookup(off int) (string, int, int) {
	i := sort.Search(len(t.offs), func(i int) bool { return int(t.offs[i]) > off }) - 1
	if i < 0 {
		return t.path, 1, 1
	}
	return t.path, int(t.lines[i]), int(t.cols[i])
}
