package source

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

// Sentences splits text into sentence spans, skipping masked bytes. It is
// a rule-based splitter tuned for news prose: a terminal mark (. ! ? …)
// ends a sentence when the next word can start one, unless the word before
// a period is a title or other abbreviation ("Mr.", "Gen.", "Jan. 12"), an
// initial ("John F. Kennedy") or an acronym ("U.S.") followed by a word that
// does not usually open a sentence. A blank line, a masked region that
// spans a line break, or a line break after a headline-like line always
// ends a sentence. mask must be sorted; spans never start or end inside it.
//
// A hand-written splitter rather than a library: it keeps byte offsets and
// splits after a sentence-final number ("in 2015. The"), where date claims
// sit; see LIBRARIES.md for the measurements.
func Sentences(text []byte, mask []compare.Span) []compare.Span {
	var buf [64]compare.Span // most articles fit: one exact allocation
	out := splitSentences(text, mask, buf[:0], isWrapped(text))
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// splitSentences is Sentences appending to dst; wrapped is
// isWrapped(text).
func splitSentences(text []byte, mask []compare.Span, dst []compare.Span, wrapped bool) []compare.Span {
	s := splitter{text: text, mask: mask, start: -1, wrapped: wrapped}
	return s.run(dst)
}

type splitter struct {
	text  []byte
	mask  []compare.Span
	start int // start of the current sentence, -1 when none
	end   int // end of its last content byte
	// lineStart is the offset of the current line, for the soft-break test.
	lineStart int
	// wrapped is set when the text is hard-wrapped, so a line break may
	// fall inside a sentence.
	wrapped bool
}

// isWrapped reports whether text looks hard-wrapped: at least three lines
// and hardly any longer than 120 bytes. Text with one paragraph per line
// has long lines, and there every line break ends a sentence.
func isWrapped(text []byte) bool {
	lines, long, start := 0, 0, 0
	for start < len(text) {
		i := bytes.IndexByte(text[start:], '\n')
		end := len(text)
		if i >= 0 {
			end = start + i
		}
		if n := end - start; n > 1 {
			lines++
			if n > 120 {
				long++
			}
		}
		start = end + 1
	}
	return lines >= 3 && long*20 <= lines
}

// flush ends the current sentence, appending it to out. The spans live
// in run's out, not in the splitter, so a caller's buffer can stay on its
// stack.
func (s *splitter) flush(out []compare.Span) []compare.Span {
	if s.start >= 0 && s.end > s.start {
		out = append(out, compare.Span{Start: s.start, End: s.end})
	}
	s.start = -1
	return out
}

// run splits the text, appending the sentences to out.
func (s *splitter) run(out []compare.Span) []compare.Span {
	text := s.text
	mi := 0
	for i := 0; i < len(text); {
		// Skip masked bytes; a masked block that crosses a line ends the
		// sentence, an inline one (a link target, emphasis marks) does not.
		for mi < len(s.mask) && s.mask[mi].End <= i {
			mi++
		}
		if mi < len(s.mask) && s.mask[mi].Start <= i {
			m := s.mask[mi]
			end := min(m.End, len(text))
			if hasNewline(text[i:end]) {
				out = s.flush(out)
				s.lineStart = end
			}
			i = end
			continue
		}
		c := text[i]
		switch {
		case c == '\n':
			if s.start >= 0 && s.hardBreak(i) {
				out = s.flush(out)
			}
			s.lineStart = i + 1
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '.' || c == '!' || c == '?':
			if s.start < 0 {
				s.start = i
			}
			var ends bool
			if i, ends = s.terminal(i); ends {
				out = s.flush(out)
			}
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0xA6: // …
			if s.start < 0 {
				s.start = i
			}
			var ends bool
			if i, ends = s.terminal(i); ends {
				out = s.flush(out)
			}
		case c < utf8.RuneSelf:
			if s.start < 0 {
				s.start = i
			}
			// Up to the next mask span (where the cursor may move), the
			// bytes that need no more than this case are taken in a run.
			lim := len(text)
			if mi < len(s.mask) {
				lim = min(lim, s.mask[mi].Start, s.mask[mi].End)
			}
			i, s.end = plainRun(text, i+1, lim)
		default:
			r, n := utf8.DecodeRune(text[i:])
			if isSpaceRune(r) {
				i += n
				continue
			}
			if s.start < 0 {
				s.start = i
			}
			i += n
			s.end = i
		}
	}
	return s.flush(out)
}

// plainRun goes on from i (after a content byte) over ASCII content
// bytes and blanks, stopping before lim or a byte run's switch treats
// otherwise. It returns where it stopped and the end of the last content
// byte.
func plainRun(text []byte, i, lim int) (next, end int) {
	end = i
	for i < lim {
		c := text[i]
		switch {
		case c > '?' && c < utf8.RuneSelf: // letters and most punctuation
			i++
			end = i
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c >= utf8.RuneSelf || c == '\n' || c == '.' || c == '!' || c == '?':
			return i, end
		default:
			i++
			end = i
		}
	}
	return i, end
}

func isSpaceRune(r rune) bool {
	return r == 0xA0 || r == 0x2009 || r == 0x200A || r == 0x202F || r == 0x3000 || r == 0x2028 || r == 0x2029 || r == 0x200B || r == 0xFEFF
}

func hasNewline(b []byte) bool {
	for _, c := range b {
		if c == '\n' {
			return true
		}
	}
	return false
}

// hardBreak decides whether the line break at nl ends the sentence: yes at
// a blank line, after a headline-like line, or when the next line opens
// with a capital; no inside hard-wrapped prose.
func (s *splitter) hardBreak(nl int) bool {
	text := s.text
	j := nl + 1
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j >= len(text) || text[j] == '\n' {
		return true
	}
	line := text[s.lineStart:nl]
	return !softBreak(line, text[j:], s.wrapped)
}

// softBreak reports whether a line break between line and next (the rest
// of the text from the next line's first non-blank byte) lies inside a
// paragraph: the next line opens in lower case, or the text is wrapped
// and the line ends in a word and is not a title-cased headline.
func softBreak(line, next []byte, wrapped bool) bool {
	line = trimSpaceBytes(line)
	if len(line) == 0 || len(next) == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRune(line)
	if !unicode.IsLetter(last) && !unicode.IsDigit(last) && last != ',' && last != ';' && last != '-' && last != '—' && last != '–' {
		return false
	}
	first, _ := utf8.DecodeRune(next)
	if unicode.IsLower(first) {
		return true
	}
	return wrapped && len(line) >= 40 && !titleCased(line)
}

// terminal handles a terminal mark at i and returns where scanning goes
// on and whether the sentence ends there (the caller flushes it).
func (s *splitter) terminal(i int) (int, bool) {
	text := s.text
	p := i
	dot := text[i] == '.'
	// The run of terminal marks: "?!", "...", "…".
	for p < len(text) {
		c := text[p]
		if c == '.' || c == '!' || c == '?' {
			p++
			continue
		}
		if c == 0xE2 && p+2 < len(text) && text[p+1] == 0x80 && text[p+2] == 0xA6 {
			p += 3
			continue
		}
		break
	}
	ellipsis := p-i > 1 && dot || text[i] == 0xE2
	if p-i > 1 && !ellipsis {
		dot = false // "?!" and the like
	}
	// Closing quotes and brackets belong to the sentence.
	for p < len(text) {
		c := text[p]
		if c == '"' || c == '\'' || c == ')' || c == ']' {
			p++
			continue
		}
		if c == 0xE2 && p+2 < len(text) && text[p+1] == 0x80 && (text[p+2] == 0x9D || text[p+2] == 0x99) { // ” ’
			p += 3
			continue
		}
		if c == 0xC2 && p+1 < len(text) && text[p+1] == 0xBB { // »
			p += 2
			continue
		}
		break
	}
	s.end = p
	// A boundary needs white space (or the end) after the mark: "3.5",
	// "U.S.-Iran", "example.com" are not boundaries.
	k := p
	for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
		k++
	}
	if k >= len(text) {
		return p, true
	}
	if k == p && text[k] != '\n' {
		if r, _ := utf8.DecodeRune(text[k:]); !isSpaceRune(r) {
			return p, false
		}
	}
	newline := false
	for k < len(text) {
		c := text[k]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			newline = newline || c == '\n'
			k++
			continue
		}
		r, n := utf8.DecodeRune(text[k:])
		if isSpaceRune(r) {
			k += n
			continue
		}
		break
	}
	if k >= len(text) {
		return p, true
	}
	return p, s.boundary(i, k, dot, ellipsis, newline)
}

// boundary decides whether the mark at i ends a sentence when the next
// non-space byte is at k.
func (s *splitter) boundary(i, k int, dot, ellipsis, newline bool) bool {
	text := s.text
	next, _ := utf8.DecodeRune(text[k:])
	word := prevWord(text, i)
	if dot && !ellipsis && titleAbbrev(word) {
		return false
	}
	if unicode.IsLower(next) {
		return false
	}
	if newline {
		return true
	}
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !isOpening(next) {
		return false
	}
	if !dot || ellipsis {
		return unicode.IsUpper(next) || isOpening(next)
	}
	switch {
	case len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z':
		// An initial: "John F. Kennedy", "Plan B" rarely ends a sentence.
		return false
	case isAcronym(word) || otherAbbrev(word):
		// "U.S. officials" vs "in the U.S. The talks": split only before a
		// word that usually opens a sentence.
		return startsSentence(text[k:])
	case unicode.IsDigit(next) && numberAbbrev(word):
		return false
	}
	return true
}

func isOpening(r rune) bool {
	return r == '"' || r == '\'' || r == '“' || r == '‘' || r == '(' || r == '[' || r == '«'
}

// prevWord returns the word before the period at i: letters, digits and
// inner periods ("U.S", "Mr", "a.m").
func prevWord(text []byte, i int) string {
	j := i
	for j > 0 {
		c := text[j-1]
		if c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			j--
			continue
		}
		break
	}
	return string(text[j:i])
}

// isAcronym reports dotted abbreviations: "U.S", "U.N", "a.m", "D.C".
func isAcronym(w string) bool {
	if len(w) < 3 {
		return false
	}
	dots := 0
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			dots++
		}
	}
	return dots > 0
}

func titleAbbrev(w string) bool {
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Reps", "Sens", "Gov", "Lt", "Col", "Maj", "Capt",
		"Sgt", "Adm", "Cmdr", "Cpl", "Pvt", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Atty", "Brig", "Gens",
		"St", "Mt", "Ft", "Ave", "Blvd", "vs", "v", "Vs", "e.g", "i.e", "cf", "approx", "Messrs", "Mme", "Mlle",
		"Sr", "Jr", "Fr", "Sra", "Sec", "Amb", "Cdr", "Hwy", "Rd", "Jan", "Feb", "Apr", "Jun", "Jul", "Aug",
		"Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Vol", "Fig", "Art", "pp", "ca":
		return true
	}
	return false
}

// otherAbbrev are abbreviations that often end a sentence too.
func otherAbbrev(w string) bool {
	switch w {
	case "Inc", "Corp", "Co", "Ltd", "Bros", "etc", "al", "LLC", "Jr.", "Mar", "p.m", "a.m":
		return true
	}
	return false
}

func numberAbbrev(w string) bool {
	switch w {
	case "No", "no", "Nos", "Vol", "vol", "Art", "art", "pp", "p", "Fig", "fig", "Ch", "ch", "Sec", "sec":
		return true
	}
	return false
}

// startsSentence reports whether b begins with a word that usually opens
// a sentence (and rarely continues a name after an acronym).
func startsSentence(b []byte) bool {
	j := 0
	for j < len(b) && j < 16 && (b[j] >= 'a' && b[j] <= 'z' || b[j] >= 'A' && b[j] <= 'Z') {
		j++
	}
	if j == 0 {
		// An opening quote starts a sentence when a capital follows it:
		// the U.S. "cannot be trusted" goes on.
		r, n := utf8.DecodeRune(b)
		if !isOpening(r) {
			return false
		}
		r2, _ := utf8.DecodeRune(b[n:])
		return unicode.IsUpper(r2)
	}
	switch string(b[:j]) {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our",
		"This", "That", "These", "Those", "There", "Then", "But", "However", "Meanwhile", "In", "On", "At",
		"As", "After", "Before", "When", "While", "If", "Although", "Though", "Both", "Some", "Many", "Most",
		"Yet", "So", "Still", "Also", "Earlier", "Later", "Last", "Next", "For", "With", "Since", "Despite",
		"Officials", "What", "Why", "How", "Who", "Where", "Such", "One", "Two", "Each", "Several", "Neither",
		"Nor", "Now", "Today", "Yesterday", "Asked", "According", "Under", "During", "From", "By", "Over":
		return true
	}
	return false
}

// titleCased reports whether most words of a line start with a capital,
// as headlines do. Short function words are not counted.
func titleCased(line []byte) bool {
	caps, words := 0, 0
	for i := 0; i < len(line); {
		for i < len(line) && !isWordStart(line[i]) {
			i++
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\t' {
			j++
		}
		if j > i {
			w := line[i:j]
			if !minorWord(w) {
				words++
				r, _ := utf8.DecodeRune(w)
				if unicode.IsUpper(r) || unicode.IsDigit(r) {
					caps++
				}
			}
		}
		i = j
	}
	return words >= 2 && caps*10 >= words*7
}

func isWordStart(c byte) bool {
	return c != ' ' && c != '\t' && c != '"' && c != '\'' && c != '(' && c != '-'
}

func minorWord(w []byte) bool {
	switch string(w) {
	case "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
		"as", "from", "into", "over", "vs", "vs.", "via", "per", "up", "off", "amid", "after", "than":
		return true
	}
	return false
}

func trimSpaceBytes(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r' || b[len(b)-1] == '\n') {
		b = b[:len(b)-1]
	}
	return b
}
