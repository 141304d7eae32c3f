package source

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

// para is a paragraph: the span from its first to its last unmasked
// content byte.
type para struct {
	span    compare.Span
	heading bool // a Markdown or HTML heading
	caption bool // an HTML figure caption: never the lede
}

// lineSpan is one line of text without its line break.
type lineSpan struct{ start, end int }

func splitLines(text []byte) []lineSpan {
	var out []lineSpan
	start := 0
	for start <= len(text) {
		i := bytes.IndexByte(text[start:], '\n')
		if i < 0 {
			if start < len(text) {
				out = append(out, lineSpan{start, len(text)})
			}
			break
		}
		out = append(out, lineSpan{start, start + i})
		start += i + 1
	}
	return out
}

// maskCursor answers "is this offset masked" for increasing offsets.
type maskCursor struct {
	mask []compare.Span
	i    int
}

func (m *maskCursor) masked(off int) bool {
	for m.i < len(m.mask) && m.mask[m.i].End <= off {
		m.i++
	}
	return m.i < len(m.mask) && m.mask[m.i].Start <= off
}

// contentSpan trims a line to its first and last unmasked non-space
// bytes; ok is false when nothing is left.
func contentSpan(text []byte, ls lineSpan, mask []compare.Span) (compare.Span, bool) {
	m := maskCursor{mask: mask}
	start, end := -1, -1
	for i := ls.start; i < ls.end; {
		r, n := utf8.DecodeRune(text[i:])
		if !unicode.IsSpace(r) && !isSpaceRune(r) && !m.masked(i) {
			if start < 0 {
				start = i
			}
			end = i + n
		}
		i += n
	}
	if start < 0 {
		return compare.Span{}, false
	}
	return compare.Span{Start: start, End: end}, true
}

// paragraphs groups lines into paragraphs: a blank (or wholly masked)
// line ends one, and so does a line break that is not a soft wrap. Lines
// that heading reports are paragraphs of their own.
func paragraphs(text []byte, mask []compare.Span, heading func(lineStart int) bool) []para {
	var out []para
	open := false
	wrapped := isWrapped(text)
	for _, ls := range splitLines(text) {
		sp, ok := contentSpan(text, ls, mask)
		if !ok {
			open = false
			continue
		}
		h := heading != nil && heading(ls.start)
		if open && !h && !out[len(out)-1].heading {
			prev := &out[len(out)-1]
			if softBreak(text[prev.span.Start:prev.span.End], text[sp.Start:sp.End], wrapped) && !isListItem(text, ls, sp) {
				prev.span.End = sp.End
				continue
			}
		}
		out = append(out, para{span: sp, heading: h})
		open = true
	}
	return out
}

// isListItem reports a line whose content starts after a masked marker
// (a Markdown list bullet or quote mark): it starts a new paragraph.
func isListItem(text []byte, ls lineSpan, sp compare.Span) bool {
	return len(bytes.TrimSpace(text[ls.start:sp.Start])) > 0
}

// residue matches lines of page furniture that are not part of the
// article: comment counters, share buttons, advertisement labels.
var residue = regexp.MustCompile(`(?i)^(?:\d+\s+comments?|comments?(?:\s*\(\d+\))?|no comments|leave a (?:comment|reply)|` +
	`(?:share|share this(?: article| story| page)?|share on \w+|tweet|email|print|copy link)|` +
	`advertisement|ad|sponsored|story continues below(?: advertisement)?|continue reading(?: below)?|read more|` +
	`related(?: articles| stories| content| coverage)?:?|most (?:read|popular)|recommended(?: for you)?|` +
	`sign up(?: for [\w ]{1,40})?|subscribe(?: now| today)?|skip to (?:main )?content|back to top|` +
	`follow us(?: on [\w ,]{1,40})?|all rights reserved\.?|(?:©|\(c\)|copyright)\s.{0,80}|` +
	`(?:image|photo|picture|video)(?: source| credit)?(?::.{0,80})?|getty images|listen to (?:this )?article(?: \d+ min)?)$`)

// byline matches "By Jane Doe", "By Jane Doe and John Roe, Reuters".
var byline = regexp.MustCompile(`^(?i:by)\s+[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}(?:(?:,\s*|\s+and\s+|\s*&\s*)[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}){0,3}$`)

// publishedLine matches a header line giving the publication date.
var publishedLine = regexp.MustCompile(`(?i)^(?:published|posted|updated|last updated|first published)(?: on)?:?\s+(.{6,60})$`)

// maskResidue masks whole lines of page residue and bylines, and reads a
// "Published …" line. It returns the publication date text when found.
func maskResidue(d *compare.Document) (published string, at int) {
	at = -1
	text := d.Text
	for _, ls := range splitLines(text) {
		sp, ok := contentSpan(text, ls, d.Mask)
		if !ok || sp.Len() > 120 {
			continue
		}
		line := string(text[sp.Start:sp.End])
		line = strings.TrimSpace(strings.Trim(line, "*_#>|"))
		switch {
		case residue.MatchString(line), byline.MatchString(line) && len(line) <= 80:
			d.Mask = append(d.Mask, sp)
		default:
			if m := publishedLine.FindStringSubmatch(line); m != nil && published == "" {
				if _, ok := parseDate(strings.TrimSpace(m[1])); ok {
					published, at = strings.TrimSpace(m[1]), sp.Start
					d.Mask = append(d.Mask, sp)
				}
			}
		}
	}
	d.Mask = normalizeSpans(d.Mask)
	return published, at
}

// structure sets Sections and, when title is empty, Title: the headline
// block at the top (a headline, a repeated or secondary headline, a dek),
// the lede (the first prose paragraph after it) and the body. When the
// format gives a title (front matter, JSONL, HTML), the first paragraph
// opens the headline block only when it looks like one.
func structure(d *compare.Document, paras []para, title string, firstIsHeadline bool) {
	if len(paras) == 0 {
		d.Title = title
		return
	}
	text := d.Text
	str := func(p para) string { return string(text[p.span.Start:p.span.End]) }
	n := 0 // paragraphs in the headline block
	if firstIsHeadline || paras[0].heading || headlineLike(str(paras[0])) || title != "" && sameText(str(paras[0]), title) ||
		len(paras) > 1 && dekLike(str(paras[0])) && (headlineLike(str(paras[1])) || paras[1].heading) {
		n = 1
	}
	if n == 1 {
		repeated := false
	block:
		for n < len(paras) && n < 6 {
			s := str(paras[n])
			rep := false
			for _, q := range paras[:n] {
				if sameText(str(q), s) {
					rep = true
				}
			}
			nextHead := n+1 < len(paras) && (headlineLike(str(paras[n+1])) || paras[n+1].heading)
			switch {
			case rep:
				repeated = true
			case headlineLike(s) && n+1 < len(paras):
			case dekLike(s) && (repeated || nextHead):
			default:
				break block
			}
			n++
		}
	}
	if n > 0 {
		d.Sections = append(d.Sections, compare.Section{Segment: compare.SegHeadline,
			Span: compare.Span{Start: paras[0].span.Start, End: paras[n-1].span.End}})
		if title == "" {
			best, bestScore := "", -1e9
			for _, p := range paras[:n] {
				s := str(p)
				sc := headlineScore(s)
				for _, q := range paras[:n] {
					if q != p && sameText(str(q), s) {
						sc += 1
					}
				}
				if sc > bestScore {
					best, bestScore = s, sc
				}
			}
			title = best
		}
	}
	d.Title = strings.Join(strings.Fields(title), " ")
	lede := n
	for lede < len(paras) && (paras[lede].heading || paras[lede].caption || !prose(str(paras[lede]))) {
		lede++
	}
	if lede < len(paras) {
		d.Sections = append(d.Sections, compare.Section{Segment: compare.SegLede, Span: paras[lede].span})
	}
	bodyStart := n
	if lede < len(paras) {
		bodyStart = lede + 1
	}
	// Paragraphs between the headline block and the lede (a heading, a
	// caption) count as body only when they follow it; keep sections
	// sorted and non-overlapping.
	if bodyStart < len(paras) {
		d.Sections = append(d.Sections, compare.Section{Segment: compare.SegBody,
			Span: compare.Span{Start: paras[bodyStart].span.Start, End: paras[len(paras)-1].span.End}})
	}
}

// sameText compares two lines ignoring case, spacing and punctuation.
func sameText(a, b string) bool { return normLine(a) == normLine(b) && normLine(a) != "" }

func normLine(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// endsSentence reports whether s ends with terminal punctuation, closing
// quotes aside.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\"'”’)]»")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// headlineLike: short, and title-cased or without a final period.
func headlineLike(s string) bool {
	if len(s) > 200 || len(s) < 3 {
		return false
	}
	if titleCased([]byte(s)) {
		return true
	}
	return !endsSentence(s) && !strings.HasSuffix(strings.TrimSpace(s), ":") && len(strings.Fields(s)) >= 2
}

// dekLike: one sentence of at most 250 bytes (a standfirst).
func dekLike(s string) bool {
	if len(s) > 250 || !endsSentence(s) {
		return false
	}
	spans := Sentences([]byte(s), nil)
	return len(spans) == 1
}

// prose: a paragraph with at least a few words.
func prose(s string) bool { return len(strings.Fields(s)) >= 4 }

// headlineScore ranks headline-block lines: title case, no final period,
// moderate length.
func headlineScore(s string) float64 {
	sc := 0.0
	if titleCased([]byte(s)) {
		sc += 2
	}
	if !endsSentence(s) {
		sc++
	}
	if len(s) > 150 {
		sc--
	}
	return sc
}
