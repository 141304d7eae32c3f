package temporal

import (
	"unicode/utf8"
)

// refToken is a token as tokenizeRef makes it: the lexicon entry itself.
type refToken struct {
	s, e int32
	lx   *lexEntry
	kind tkind
	p    byte
	nd   int8
	cap  bool
}

// tokenizeRef is the tokenizer as it was before its fast paths, kept to
// check the fast one against: it appends tokens of text[pos:] to toks until a chunk boundary and
// returns them with the offset to resume from.
func tokenizeRef(text []byte, pos int, toks []refToken, mask func(int) bool) ([]refToken, int) {
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
				toks = append(toks, refToken{s: int32(i), e: int32(i + 1), kind: tkPunct, p: '\n'})
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
			t := refToken{s: int32(i), e: int32(j), kind: tkWord, cap: c <= 'Z'}
			if ascii && j-i <= maxLexLen {
				for k := i; k < j; k++ {
					buf[k-i] = text[k] | 0x20
				}
				t.lx = lexicon[string(buf[:j-i])]
			}
			toks = append(toks, t)
			i = j
		case isDigit(c):
			j := i + 1
			for j < n && isDigit(text[j]) {
				j++
			}
			toks = append(toks, refToken{s: int32(i), e: int32(j), kind: tkNum, nd: int8(min(j-i, 100))})
			i = j
		case c < 0x80:
			toks = append(toks, refToken{s: int32(i), e: int32(i + 1), kind: tkPunct, p: c})
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
				toks = append(toks, refToken{s: int32(i), e: int32(j), kind: tkWord})
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
			toks = append(toks, refToken{s: int32(i), e: int32(i + sz), kind: tkPunct, p: p})
			i += sz
		}
		if mask != nil && len(toks) > before {
			t := &toks[len(toks)-1]
			if mask(int(t.s)) {
				*t = refToken{s: t.s, e: t.e, kind: tkPunct}
			}
		}
	}
	return toks, n
}
