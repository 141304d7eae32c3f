package corpus

import (
	"slices"

	"github.com/crosscheck/crosscheck/compare"
)

// compact drops what pass 2 does not need of a document once its claims
// are extracted: its text, mask, sentence spans and line index, and its
// sections unless something may still look a segment up. Findings still
// print file positions: those of every span a claim or a suppression
// refers to are computed now and served by Document.Source. The text
// stays when a headline quote needs the body's prose (the headline-quote
// rule reads it, and the sections and mask with it).
func compact(d *compare.Document, claims []compare.Claim) {
	n := 4 * len(d.Ignores)
	for i := range claims {
		n += 2 + 2*len(claims[i].Related)
	}
	var buf [256]int // most articles fit: no allocation
	offs := buf[:0]
	if n > len(buf) {
		offs = make([]int, 0, n)
	}
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
	var pbuf [256]position
	pos := pbuf[:0]
	if len(offs) > len(pbuf) {
		pos = make([]position, 0, len(offs))
	}
	path := ""
	for _, off := range offs {
		var p string
		var line, col int
		if d.Source != nil {
			p, line, col = d.Source(off)
		} else {
			pp := d.Position(off)
			p, line, col = d.Path, pp.Line, pp.Column
		}
		if path == "" {
			path = p
		}
		pos = append(pos, position{int32(off), int32(line), int32(col)})
	}
	if path == "" {
		path = d.Path
	}
	if !needsText(claims) {
		d.Text, d.Mask, d.Sentences = nil, nil, nil
		if len(d.Ignores) == 0 && segmented(claims) {
			d.Sections = nil
		}
	}
	d.DropLineIndex()
	d.Source = positionTable(path, pos)
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

// segmented reports whether every claim has its segment: renderers look
// a claim's segment up in its document's sections only when it has none,
// and suppression notices look up their directives' (Ignores).
func segmented(claims []compare.Claim) bool {
	for i := range claims {
		if claims[i].Segment == "" {
			return false
		}
	}
	return true
}

// position is a file position of a text offset.
type position struct{ off, line, col int32 }

// positionTable returns the Document.Source of a compacted document: the
// position of an offset in pos (sorted by offset), or of the nearest one
// before it (line 1, column 1 when none). The table lives until pass 2,
// so it is kept small: one allocation for the function and one for the
// table, and when every offset is on one line (a JSON Lines record) and
// offsets and columns fit 16 bits, four bytes an offset rather than
// twelve.
func positionTable(path string, pos []position) func(int) (string, int, int) {
	oneLine, small := true, true
	for _, p := range pos {
		oneLine = oneLine && p.line == pos[0].line
		small = small && p.off >= 0 && p.off <= 0xFFFF && p.col >= 0 && p.col <= 0xFFFF
	}
	n := len(pos)
	if oneLine && small {
		line := 1
		if n > 0 {
			line = int(pos[0].line)
		}
		// Offsets, then columns.
		tab := make([]uint16, 2*n)
		for i, p := range pos {
			tab[i], tab[n+i] = uint16(p.off), uint16(p.col)
		}
		return func(off int) (string, int, int) {
			i := upperBound(tab[:n], off) - 1
			if i < 0 {
				return path, 1, 1
			}
			return path, line, int(tab[n+i])
		}
	}
	// Offsets, lines, columns.
	tab := make([]int32, 3*n)
	for i, p := range pos {
		tab[i], tab[n+i], tab[2*n+i] = p.off, p.line, p.col
	}
	return func(off int) (string, int, int) {
		i := upperBound(tab[:n], off) - 1
		if i < 0 {
			return path, 1, 1
		}
		return path, int(tab[n+i]), int(tab[2*n+i])
	}
}

// upperBound is the index of the first element of s (sorted) above off,
// len(s) when none is.
func upperBound[T uint16 | int32](s []T, off int) int {
	lo, hi := 0, len(s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(s[m]) <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
