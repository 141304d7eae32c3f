package source

import (
	"bytes"
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

// nextLine returns the line starting at start and where the one after it
// starts, or next -1 when there is no line: lines end at '\n', and text
// after the last '\n' is a line when it is not empty.
func nextLine(text []byte, start int) (ls lineSpan, next int) {
	if start >= len(text) {
		return lineSpan{}, -1
	}
	i := bytes.IndexByte(text[start:], '\n')
	if i < 0 {
		return lineSpan{start, len(text)}, len(text)
	}
	return lineSpan{start, start + i}, start + i + 1
}

// maskCursor answers "is this offset masked" for increasing offsets: it
// stops at the first span, in slice order, that ends after the offset.
// Spans appended behind it that end before the offsets still to come do
// not change its answers, so one cursor serves a pass over the lines of a
// text while the pass masks lines it has left.
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
// bytes; ok is false when nothing is left. m must not have passed the
// line's start.
func contentSpan(text []byte, ls lineSpan, m *maskCursor) (compare.Span, bool) {
	start, i := -1, ls.start
	for i < ls.end && start < 0 {
		n, space := runeAt(text, i)
		if !space && !m.masked(i) {
			start = i
		}
		i += n
	}
	if start < 0 {
		return compare.Span{}, false
	}
	end := i
	// The common line ends in an unmasked ASCII non-space byte, perhaps
	// followed by ASCII spaces: that byte ends the content. An ASCII byte
	// is a whole code point wherever decoding starts, so this agrees with
	// the forward scan below.
	j := ls.end
	for j > i && asciiSpace(text[j-1]) {
		j--
	}
	if j > i && text[j-1] < utf8.RuneSelf {
		probe := *m
		if !probe.masked(j - 1) {
			*m = probe
			return compare.Span{Start: start, End: j}, true
		}
	}
	for i < ls.end {
		n, space := runeAt(text, i)
		if !space && !m.masked(i) {
			end = i + n
		}
		i += n
	}
	return compare.Span{Start: start, End: end}, true
}

// runeAt returns the length of the code point at text[i] and whether it
// is white space (unicode.IsSpace or isSpaceRune).
func runeAt(text []byte, i int) (n int, space bool) {
	if c := text[i]; c < utf8.RuneSelf {
		return 1, asciiSpace(c)
	}
	r, n := utf8.DecodeRune(text[i:])
	return n, unicode.IsSpace(r) || isSpaceRune(r)
}

// asciiSpace is unicode.IsSpace for ASCII bytes.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// paragraphs groups lines into paragraphs, appended to out: a blank (or
// wholly masked) line ends one, and so does a line break that is not a
// soft wrap. Lines that heading reports are paragraphs of their own.
// wrapped is isWrapped(text).
func paragraphs(out []para, text []byte, mask []compare.Span, heading func(lineStart int) bool, wrapped bool) []para {
	open := false
	m := maskCursor{mask: mask}
	for ls, next := nextLine(text, 0); next >= 0; ls, next = nextLine(text, next) {
		sp, ok := contentSpan(text, ls, &m)
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
var residue = mustAnchored(`(?i)^(?:\d+\s+comments?|comments?(?:\s*\(\d+\))?|no comments|leave a (?:comment|reply)|` +
	`(?:share|share this(?: article| story| page)?|share on \w+|tweet|email|print|copy link)|` +
	`advertisement|ad|sponsored|story continues below(?: advertisement)?|continue reading(?: below)?|read more|` +
	`related(?: articles| stories| content| coverage)?:?|most (?:read|popular)|recommended(?: for you)?|` +
	`sign up(?: for [\w ]{1,40})?|subscribe(?: now| today)?|skip to (?:main )?content|back to top|` +
	`follow us(?: on [\w ,]{1,40})?|all rights reserved\.?|(?:©|\(c\)|copyright)\s.{0,80}|` +
	`(?:image|photo|picture|video)(?: source| credit)?(?::.{0,80})?|getty images|listen to (?:this )?article(?: \d+ min)?)$`)

// byline matches "By Jane Doe", "By Jane Doe and John Roe, Reuters".
var byline = mustAnchored(`^(?i:by)\s+[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}(?:(?:,\s*|\s+and\s+|\s*&\s*)[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}){0,3}$`)

// publishedLine matches a header line giving the publication date.
var publishedLine = mustAnchored(`(?i)^(?:published|posted|updated|last updated|first published)(?: on)?:?\s+(.{6,60})$`)

// maskResidue masks whole lines of page residue and bylines, and reads a
// "Published …" line. It returns the publication date text when found.
func maskResidue(d *compare.Document) (published string, at int) {
	at = -1
	text := d.Text
	var cur maskCursor
	for ls, next := nextLine(text, 0); next >= 0; ls, next = nextLine(text, next) {
		cur.mask = d.Mask // lines masked so far end before this one
		sp, ok := contentSpan(text, ls, &cur)
		if !ok || sp.Len() > 120 {
			continue
		}
		line := bytes.TrimSpace(bytes.Trim(text[sp.Start:sp.End], "*_#>|"))
		switch {
		case residue.Match(line), len(line) <= 80 && byline.Match(line):
			d.Mask = append(d.Mask, sp)
		case published == "":
			if m := publishedLine.FindSubmatch(line); m != nil {
				if s := strings.TrimSpace(string(m[1])); parseDateOK(s) {
					published, at = s, sp.Start
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
	str := func(p para) []byte { return text[p.span.Start:p.span.End] }
	n := 0 // paragraphs in the headline block
	if firstIsHeadline || paras[0].heading || headlineLike(str(paras[0])) || title != "" && sameText(str(paras[0]), []byte(title)) ||
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
			nextHead := func() bool { return n+1 < len(paras) && (headlineLike(str(paras[n+1])) || paras[n+1].heading) }
			switch {
			case rep:
				repeated = true
			case n+1 < len(paras) && headlineLike(s):
			case dekLike(s) && (repeated || nextHead()):
			default:
				break block
			}
			n++
		}
	}
	if d.Sections == nil {
		d.Sections = make([]compare.Section, 0, 3) // headline, lede, body
	}
	if n > 0 {
		d.Sections = append(d.Sections, compare.Section{Segment: compare.SegHeadline,
			Span: compare.Span{Start: paras[0].span.Start, End: paras[n-1].span.End}})
		if title == "" {
			var best []byte
			bestScore := -1e9
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
			title = string(best)
		}
	}
	d.Title = normalizeSpace(title)
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

// sameText compares two lines ignoring case, spacing and punctuation:
// normLine(a) == normLine(b) && normLine(a) != "", without building them.
func sameText(a, b []byte) bool {
	i, j, n := 0, 0, 0
	for {
		ra, na := nextNormRune(a, i)
		rb, nb := nextNormRune(b, j)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return n > 0
		}
		i, j, n = i+na, j+nb, n+1
	}
}

// nextNormRune returns the next rune of normLine(b[i:]) and the bytes it
// takes from b (skipped ones included), or -1 at the end.
func nextNormRune(b []byte, i int) (rune, int) {
	for k := i; k < len(b); {
		c := b[k]
		if c < utf8.RuneSelf {
			k++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				return rune(c), k - i
			case c >= 'A' && c <= 'Z':
				return rune(c) + 'a' - 'A', k - i
			}
			continue
		}
		r, n := utf8.DecodeRune(b[k:])
		k += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r), k - i
		}
	}
	return -1, len(b) - i
}

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
func endsSentence(s []byte) bool {
	s = bytes.TrimRight(s, " \t\"'”’)]»")
	r, _ := utf8.DecodeLastRune(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// headlineLike: short, and title-cased or without a final period.
func headlineLike(s []byte) bool {
	if len(s) > 200 || len(s) < 3 {
		return false
	}
	if !endsSentence(s) {
		return !bytes.HasSuffix(bytes.TrimSpace(s), []byte(":")) && fieldCount(s, 2) >= 2 || titleCased(s)
	}
	// A long sentence ending in a period is prose even when names
	// capitalise most of its words ("Kuwaiti Foreign Minister Ahmad
	// Nasser Al-Sabah led the delegation from Kuwait City, …").
	return fieldCount(s, headlineMaxWords+1) <= headlineMaxWords && titleCased(s)
}

// headlineMaxWords: a title-cased line ending in a period is taken for a
// headline only up to this many words.
const headlineMaxWords = 12

// dekLike: one sentence of at most 250 bytes (a standfirst).
func dekLike(s []byte) bool {
	if len(s) > 250 || !endsSentence(s) {
		return false
	}
	var buf [4]compare.Span
	return len(splitSentences(s, nil, buf[:0], isWrapped(s))) == 1
}

// prose: a paragraph with at least a few words.
func prose(s []byte) bool { return fieldCount(s, 4) >= 4 }

// fieldCount is len(strings.Fields(s)), counting no further than limit.
func fieldCount(s []byte, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s) && n < limit; {
		sz, space := 1, false
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace(c)
		} else {
			var r rune
			r, sz = utf8.DecodeRune(s[i:])
			space = unicode.IsSpace(r)
		}
		if !space && !in {
			n++
		}
		in = !space
		i += sz
	}
	return n
}

// normalizeSpace is strings.Join(strings.Fields(s), " "), without the
// copies when s is already so.
func normalizeSpace(s string) string {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.Join(strings.Fields(s), " ")
		}
		if asciiSpace(c) {
			if c != ' ' || prevSpace {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// headlineScore ranks headline-block lines: title case, no final period,
// moderate length.
func headlineScore(s []byte) float64 {
	sc := 0.0
	if titleCased(s) {
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
