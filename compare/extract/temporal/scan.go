package temporal

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

type tkind uint8

const (
	tkWord tkind = iota + 1
	tkNum
	tkPunct
)

// token is one word, digit run or punctuation mark; offsets are bytes. It
// is kept to 16 bytes, as Tag holds one per four bytes of input: the
// lexicon entry is a slot number, a digit run's value is read from the text.
type token struct {
	s, e int32
	lx   uint16 // lexicon slot + 1 (0: not in the lexicon); see entry
	kind tkind
	p    byte // punctuation, normalised: dashes → '-', curly quotes → '\'' / '"'; 0 for a barrier
	nd   int8 // digit count (capped at 100)
	cap  bool // word starts with an upper-case letter
	// start: an expression may begin here (a digit run, an apostrophe, a
	// lexicon word marked startable); the parser skips other tokens unseen
	start bool
}

// entry is the lexicon entry of the token, nil if it has none.
func (t *token) entry() *lexEntry {
	if t.lx == 0 {
		return nil
	}
	return lexTab.entries[t.lx-1]
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// chunkTokens bounds the token buffer: the scanner stops a chunk at the
// first paragraph break (or, in one long paragraph, sentence end) after
// this many tokens, so memory stays flat whatever the input size.
const chunkTokens = 2048

// tokenize appends tokens of text[pos:] to toks until a chunk boundary and
// returns them with the offset to resume from. A token that starts at a
// masked offset becomes a barrier, except (as the scanner always did) a
// paragraph break or a word that starts with a non-ASCII letter.
func tokenize(text []byte, pos int, toks []token, mask func(int) bool) ([]token, int) {
	first := len(toks)
	toks, next, cut := scanChunk(text, pos, toks)
	if mask != nil {
		end := len(toks)
		if cut {
			end-- // the mark that ended the chunk
		}
		for k := first; k < end; k++ {
			t := &toks[k]
			if t.kind == tkPunct && t.p == '\n' || t.kind == tkWord && text[t.s] >= 0x80 {
				continue
			}
			if mask(int(t.s)) {
				*t = token{s: t.s, e: t.e, kind: tkPunct}
			}
		}
	}
	return toks, next
}

// scanChunk is tokenize without the mask; cut reports that the last token
// ended the chunk.
func scanChunk(text []byte, pos int, toks []token) (_ []token, next int, cut bool) {
	n := len(text)
	i := pos
	for i < n {
		c := text[i]
		switch {
		case c == ' ':
			i++
			continue // the commonest byte: no token, nothing to mask
		case isLetter(c):
			if n-i >= 8 {
				// the usual word: under eight letters, then an ASCII byte
				w := binary.LittleEndian.Uint64(text[i:])
				if l := letterRun(w); l < 8 && w>>(8*l)&0x80 == 0 {
					lx, start := lexTab.slot(lexKey{lo: (w | lower8) & (1<<(8*l) - 1)})
					toks = append(toks, token{s: int32(i), e: int32(i + l), kind: tkWord, lx: lx, cap: c <= 'Z', start: start})
					i += l
					if byte(w>>(8*l)) == ' ' {
						i++ // and the space after it, already loaded
					}
					continue
				}
			}
			j, lx, start := scanWord(text, i)
			toks = append(toks, token{s: int32(i), e: int32(j), kind: tkWord, lx: lx, cap: c <= 'Z', start: start})
			i = j
		case c == '\t' || c == '\r':
			i++
		case c == '\n':
			// a blank line is a hard boundary: patterns never cross it
			j := i + 1
			for j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < n && text[j] == '\n' {
				toks = append(toks, token{s: int32(i), e: int32(i + 1), kind: tkPunct, p: '\n'})
				i = j + 1
				if len(toks) >= chunkTokens {
					return toks, i, true
				}
				continue
			}
			i++
		case isDigit(c):
			j := i + 1
			for j < n && isDigit(text[j]) {
				j++
			}
			toks = append(toks, token{s: int32(i), e: int32(j), kind: tkNum, nd: int8(min(j-i, 100)), start: true})
			i = j
		case c < 0x80:
			toks = append(toks, token{s: int32(i), e: int32(i + 1), kind: tkPunct, p: c, start: c == '\''})
			i++
			if (c == '.' || c == '!' || c == '?') && len(toks) >= 4*chunkTokens {
				return toks, i, true
			}
		default:
			toks, i = scanNonASCII(text, i, toks)
		}
	}
	return toks, n, false
}

// scanWord reads the word starting with the ASCII letter at text[i] and
// returns its end, its lexicon slot (token.lx) and whether it may start an
// expression. Only an all-ASCII word of at most maxLexLen letters is looked
// up in the lexicon. (Scalars, not a token: they come back in registers.)
func scanWord(text []byte, i int) (end int, lx uint16, start bool) {
	var k lexKey
	j, n := 0, len(text)
	if n-i >= 16 {
		// the usual case: find the end of the word and build its key
		// eight letters at a time
		k.lo = binary.LittleEndian.Uint64(text[i:])
		if l := letterRun(k.lo); l < 8 {
			j = i + l
			k.lo = (k.lo | lower8) & (1<<(8*l) - 1)
		} else {
			k.hi = binary.LittleEndian.Uint64(text[i+8:])
			l := letterRun(k.hi)
			j = i + 8 + l
			k.lo |= lower8
			k.hi = (k.hi | lower8) & (1<<(8*l) - 1)
			if l == 8 {
				j = asciiWordEnd(text, j) // too long for the lexicon
			}
		}
	} else {
		j = asciiWordEnd(text, i+1)
		if j-i <= maxLexLen {
			k = wordKey(text[i:j])
		}
	}
	if j < n && text[j] >= 0x80 {
		if r, _ := utf8.DecodeRune(text[j:]); isWordRune(r) {
			return wordEnd(text, j), 0, false
		}
	}
	if j-i > maxLexLen {
		return j, 0, false
	}
	lx, start = lexTab.slot(k)
	return j, lx, start
}

// lower8 lower-cases eight ASCII letters at once.
const lower8 = 0x2020202020202020

// letterRun is the number of ASCII letters at the start of the eight bytes
// of w (little-endian), 0 to 8: a byte is a letter when, lower-cased, it
// lies in 'a'..'z'. The adds cannot carry between bytes, as each byte is
// below 0x80 once its top bit is cleared.
func letterRun(w uint64) int {
	const (
		high = 0x8080808080808080
		low7 = 0x7f7f7f7f7f7f7f7f
	)
	y := (w | lower8) & low7
	ge := y + 0x1f1f1f1f1f1f1f1f // top bit set: y >= 'a'
	gt := y + 0x0505050505050505 // top bit set: y > 'z'
	notLetter := (^ge | gt | w) & high
	return bits.TrailingZeros64(notLetter) >> 3
}

// asciiWordEnd returns the end of the run of ASCII letters from text[j].
func asciiWordEnd(text []byte, j int) int {
	for j < len(text) && isLetter(text[j]) {
		j++
	}
	return j
}

// wordEnd returns the end of the word that goes on at text[j]: ASCII
// letters and non-ASCII letters.
func wordEnd(text []byte, j int) int {
	n := len(text)
	for j < n {
		if isLetter(text[j]) {
			j++
			continue
		}
		if text[j] >= 0x80 {
			r, sz := utf8.DecodeRune(text[j:])
			if isWordRune(r) {
				j += sz
				continue
			}
		}
		break
	}
	return j
}

// wordKey is the key of the ASCII letters w (at most 16), lower-cased.
func wordKey(w []byte) lexKey {
	var b [16]byte
	for k, c := range w {
		b[k] = c | 0x20
	}
	return lexKey{binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])}
}

// scanNonASCII reads the token starting with the non-ASCII byte text[i]: a
// word (never in the lexicon), a normalised punctuation mark, or a space.
func scanNonASCII(text []byte, i int, toks []token) ([]token, int) {
	r, sz := utf8.DecodeRune(text[i:])
	if isWordRune(r) {
		j := wordEnd(text, i+sz)
		return append(toks, token{s: int32(i), e: int32(j), kind: tkWord}), j
	}
	var p byte
	switch r {
	case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212:
		p = '-'
	case 0x2018, 0x2019, 0x02BC:
		p = '\''
	case 0x201C, 0x201D:
		p = '"'
	case 0x00A0, 0x2009, 0x202F, 0x2002, 0x2003:
		return toks, i + sz // spaces
	case 0x2044:
		p = '/'
	}
	return append(toks, token{s: int32(i), e: int32(i + sz), kind: tkPunct, p: p, start: p == '\''}), i + sz
}

func isWordRune(r rune) bool {
	if r == utf8.RuneError {
		return false
	}
	// Latin-1 supplement and beyond letters; cheap test without unicode tables
	// for the common accented Latin range, unicode.IsLetter for the rest.
	if r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7 {
		return true
	}
	return r > 0x24F && unicode.IsLetter(r)
}
