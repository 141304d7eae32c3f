package temporal

import (
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
// returns them with the offset to resume from.
func tokenize(text []byte, pos int, toks []token, mask func(int) bool) ([]token, int) {
	var buf [maxLexLen]byte
	n := len(text)
	i := pos
	for i < n {
		c := text[i]
		before := len(toks)
		switch {
		case c == ' ' || c == '\t' || c == '\r':
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
					return toks, i
				}
				continue
			}
			i++
		case isLetter(c):
			j := i
			ascii := true
			for j < n {
				d := text[j]
				if isLetter(d) {
					j++
					continue
				}
				if d >= 0x80 {
					r, sz := utf8.DecodeRune(text[j:])
					if isWordRune(r) {
						ascii = false
						j += sz
						continue
					}
				}
				break
			}
			t := token{s: int32(i), e: int32(j), kind: tkWord, cap: c <= 'Z'}
			if ascii && j-i <= maxLexLen {
				h := fnvOffset
				for k := i; k < j; k++ {
					c := text[k] | 0x20
					buf[k-i] = c
					h = (h ^ uint32(c)) * fnvPrime
				}
				t.lx = lexTab.slot(buf[:j-i], h)
			}
			toks = append(toks, t)
			i = j
		case isDigit(c):
			j := i + 1
			for j < n && isDigit(text[j]) {
				j++
			}
			toks = append(toks, token{s: int32(i), e: int32(j), kind: tkNum, nd: int8(min(j-i, 100))})
			i = j
		case c < 0x80:
			toks = append(toks, token{s: int32(i), e: int32(i + 1), kind: tkPunct, p: c})
			i++
			if (c == '.' || c == '!' || c == '?') && len(toks) >= 4*chunkTokens {
				return toks, i
			}
		default:
			r, sz := utf8.DecodeRune(text[i:])
			if isWordRune(r) {
				// a word starting with a non-ASCII letter: never in the lexicon
				j := i + sz
				for j < n {
					if isLetter(text[j]) {
						j++
						continue
					}
					if text[j] >= 0x80 {
						r2, sz2 := utf8.DecodeRune(text[j:])
						if isWordRune(r2) {
							j += sz2
							continue
						}
					}
					break
				}
				toks = append(toks, token{s: int32(i), e: int32(j), kind: tkWord})
				i = j
				continue
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
				i += sz // spaces
				continue
			case 0x2044:
				p = '/'
			}
			toks = append(toks, token{s: int32(i), e: int32(i + sz), kind: tkPunct, p: p})
			i += sz
		}
		if mask != nil && len(toks) > before {
			t := &toks[len(toks)-1]
			if mask(int(t.s)) {
				*t = token{s: t.s, e: t.e, kind: tkPunct}
			}
		}
	}
	return toks, n
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
