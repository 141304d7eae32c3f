package source

import (
	"github.com/crosscheck/crosscheck/compare"
)

// parseText loads a plain-text article: the first non-empty line is the
// headline; lines that repeat it or look like headlines (and a dek) join
// the headline block; page residue lines are masked.
func parseText(path string, data []byte) (*compare.Document, []compare.DocError) {
	d := newDoc(path, data)
	maskBOM(d)
	pub, _ := maskResidue(d)
	if t, ok := parseDate(pub); ok {
		d.Published, d.PublishedFrom = timePtr(t), "dateline"
	}
	wrapped := isWrapped(d.Text)
	var paras [32]para // most articles fit: no allocation
	structure(d, paragraphs(paras[:0], d.Text, d.Mask, nil, wrapped), "", true)
	setDateline(d)
	finish(d, wrapped)
	return d, nil
}

// maskBOM masks a leading UTF-8 byte order mark.
func maskBOM(d *compare.Document) {
	if len(d.Text) >= 3 && d.Text[0] == 0xEF && d.Text[1] == 0xBB && d.Text[2] == 0xBF {
		d.Mask = append(d.Mask, compare.Span{Start: 0, End: 3})
	}
}
