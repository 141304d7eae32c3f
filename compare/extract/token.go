package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, with inner hyphens and apostrophes ("Amir-Abdollahian", "don't")
	Number                  // digits with inner . , / - ("2015", "2-1/2", "6.5")
	Punct                   // one punctuation or symbol rune; "'s" is a Word
)

// Token is a word, number or punctuation mark with its byte span.
type Token struct {
	Span compare.Span
	Kind TokenKind
	// word is the token's word id in the gazetteer the Env tokenised
	// with (-1: in no phrase); see Env.longest.
	word  int32
	Text  string // as written
	Lower string // lower-cased Text
	// Upper is true when the first rune is an upper-case letter.
	Upper bool
	// Break is true when a newline (paragraph break in .txt) precedes it.
	Break bool
	// lex is the word lists Lower is in.
	lex lexFlags
}

// Tokenize splits text into tokens, skipping masked offsets. The text is
// converted to a string once; token texts are substrings of it, and so
// are the lower-case forms of tokens without capitals.
func Tokenize(text []byte, masked func(int) bool) []Token {
	toks, _ := tokenize(nil, text, masked, nil)
	return toks
}

// tokenize is Tokenize appending to toks (empty; a buffer reused across
// documents or nil); with a gazetteer, each token also gets its word id
// there, from the same lookup that finds its lexicon flags. It also
// returns the text as the string the tokens are substrings of.
func tokenize(toks []Token, text []byte, masked func(int) bool, g *Gazetteer) ([]Token, string) {
	s := string(text)
	if cap(toks) == 0 {
		toks = make([]Token, 0, len(s)/5+1)
	}
	// The ASCII tokens with capitals, lowered end to end, and their
	// indexes: their Lower fields slice one string made at the end.
	var lowArr [512]byte
	var upArr [128]int32
	lowBuf, upper := lowArr[:0], upArr[:0]
	brk := true
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\n' {
			brk = true
			i++
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' {
			i++
			continue
		}
		if masked != nil && masked(i) {
			i++
			continue
		}
		if isLetterASCII(c) {
			if end, up, ok := plainWord(s, i); ok {
				// The commonest token: a plain ASCII word, which needs
				// none of the cases below.
				toks, lowBuf, upper = appendPlainWord(toks, lowBuf, upper, g, s, i, end, up, brk)
				brk = false
				i = end
				continue
			}
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		// The other ASCII spaces were skipped above.
		if c == '\v' || c == '\f' || c >= utf8.RuneSelf && unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		var kind TokenKind
		shape := -1
		switch {
		case isDigit(c):
			kind = Number
			i = scanNumber(s, i)
		case isLetterASCII(c) || c >= utf8.RuneSelf && unicode.IsLetter(r):
			kind = Word
			i, shape = scanWord(s, i)
		case (r == '\'' || r == '’') && possessiveAt(s, i+size):
			// "'s" after a word is its own token so "Tehran's" names Tehran.
			kind = Word
			i += size + 1
		default:
			kind = Punct
			i += size
		}
		t := s[start:i]
		if shape < 0 {
			shape = shapeOf(t)
		}
		low := t
		var lex lexFlags
		var word int32
		switch {
		case shape&shapeNonASCII != 0:
			low = strings.ToLower(t)
			lex, word = g.lookup(low)
		case shape&shapeUpper != 0:
			at := len(lowBuf)
			lowBuf = appendLowerASCII(lowBuf, t)
			upper = append(upper, int32(len(toks)))
			low = ""
			lex, word = g.lookup(string(lowBuf[at:]))
		default:
			lex, word = g.lookup(low)
		}
		if kind == Word && shape&shapeHyphen != 0 {
			lex |= g.qtyHead(low, lowBuf, t)
		}
		if kind == Number && len(t) == 4 {
			if _, ok := parseYear(t); ok {
				lex |= lxYear
			}
		}
		var tok *Token
		toks, tok = grow1(toks)
		tok.Span = compare.Span{Start: start, End: i}
		tok.Kind = kind
		tok.word = word
		tok.Text = t
		tok.Lower = low
		tok.Upper = kind == Word && startsUpper(t)
		tok.Break = brk
		tok.lex = lex
		brk = false
	}
	if len(upper) > 0 {
		lows := string(lowBuf)
		for _, k := range upper {
			tok := &toks[k]
			tok.Lower, lows = lows[:len(tok.Text)], lows[len(tok.Text):]
		}
	}
	return toks, s
}

// wordByte classifies the ASCII bytes scanWord takes into a word without
// a second look: letters and digits, and which are capitals.
var wordByte = func() (t [256]uint8) {
	for c := range 256 {
		switch b := byte(c); {
		case isUpperASCII(b):
			t[c] = wbAlnum | wbUpper
		case isLetterASCII(b) || isDigit(b):
			t[c] = wbAlnum
		}
	}
	return t
}()

const (
	wbAlnum = 1 << iota
	wbUpper
)

// plainWord scans the ASCII letters and digits from the letter at s[i]
// and returns their end and whether a capital is among them. ok is false
// when the byte after them may extend or cut the word (a hyphen, an
// apostrophe, a non-ASCII rune, a dot of an initialism): scanWord then
// decides. Otherwise scanWord would return end too, with shapeUpper
// alone in its shape when up.
func plainWord(s string, i int) (end int, up, ok bool) {
	cls := wordByte[s[i]]
	j := i + 1
	for j < len(s) {
		k := wordByte[s[j]]
		if k == 0 {
			break
		}
		cls |= k
		j++
	}
	if j < len(s) {
		switch c := s[j]; {
		case c == '-' || c == '\'' || c >= utf8.RuneSelf:
			return 0, false, false
		case c == '.':
			// "U.S.": the dot inside an initialism, or after its last
			// letter; a word of two or more letters ends before its dot.
			if j-i < 2 || j+2 < len(s) && isUpperASCII(s[j+1]) && s[j+2] == '.' {
				return 0, false, false
			}
		}
	}
	return j, cls&wbUpper != 0, true
}

// appendPlainWord appends the token of the plain ASCII word s[i:end]
// (see plainWord), as tokenize's general case would.
func appendPlainWord(toks []Token, lowBuf []byte, upper []int32, g *Gazetteer, s string, i, end int, up, brk bool) ([]Token, []byte, []int32) {
	t := s[i:end]
	low := t
	var lex lexFlags
	var word int32
	if up {
		lowBuf = appendLowerASCII(lowBuf, t)
		upper = append(upper, int32(len(toks)))
		low = ""
	}
	switch n := end - i; {
	case n <= 8 && i+8 <= len(s):
		// The word's bytes and those after it, read at once; a plain
		// word holds no NUL byte, so packShort would give the same key.
		k := lowerASCII8(load64(s[i:]))
		if n < 8 {
			k &= 1<<(8*n) - 1
		}
		lex, word = g.lookupShort(k)
	case up:
		lex, word = g.lookup(string(lowBuf[len(lowBuf)-len(t):]))
	default:
		lex, word = g.lookup(low)
	}
	toks, tok := grow1(toks)
	tok.Span = compare.Span{Start: i, End: end}
	tok.Kind = Word
	tok.word = word
	tok.Text = t
	tok.Lower = low
	tok.Upper = isUpperASCII(s[i])
	tok.Break = brk
	tok.lex = lex
	return toks, lowBuf, upper
}

// lowerASCII8 lowers the ASCII capitals among eight bytes packed into w.
func lowerASCII8(w uint64) uint64 {
	const (
		high = 0x8080808080808080
		low7 = 0x7f7f7f7f7f7f7f7f
		ones = 0x0101010101010101
	)
	x := w & low7
	geA := x + (0x80-'A')*ones   // high bit: x >= 'A'
	gtZ := x + (0x80-'Z'-1)*ones // high bit: x > 'Z'
	capital := geA &^ gtZ &^ w & high
	return w | capital>>2
}

// qtyHead is lxQtyStart when the part of a hyphenated word before its
// first hyphen may start a figure ("two-hour", "half-hour"). The word's
// lower-case form is low, or, for an ASCII word with capitals, the end
// of lowBuf.
func (g *Gazetteer) qtyHead(low string, lowBuf []byte, t string) lexFlags {
	var head lexFlags
	if low == "" {
		low := lowBuf[len(lowBuf)-len(t):]
		if k := bytes.IndexByte(low, '-'); k >= 0 {
			head, _ = g.lookup(string(low[:k]))
		}
	} else if k := strings.IndexByte(low, '-'); k >= 0 {
		head, _ = g.lookup(low[:k])
	}
	return head & lxQtyStart
}

// What lower-casing a token needs, and whether it has a hyphen.
const (
	shapeUpper    = 1 << iota // ASCII capitals
	shapeNonASCII             // beyond ASCII: strings.ToLower decides
	shapeHyphen
)

func shapeOf(t string) int {
	sh := 0
	for i := 0; i < len(t); i++ {
		switch b := t[i]; {
		case b >= utf8.RuneSelf:
			sh |= shapeNonASCII
		case 'A' <= b && b <= 'Z':
			sh |= shapeUpper
		case b == '-':
			sh |= shapeHyphen
		}
	}
	return sh
}

// appendLowerASCII appends t with its ASCII capitals lowered.
func appendLowerASCII(dst []byte, t string) []byte {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func isLetterASCII(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func startsUpper(t string) bool {
	if t[0] < utf8.RuneSelf {
		return 'A' <= t[0] && t[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// possessiveAt reports whether "s" follows at i and ends a word.
func possessiveAt(s string, i int) bool {
	if i >= len(s) || (s[i] != 's' && s[i] != 'S') {
		return false
	}
	if i+1 < len(s) {
		r, _ := utf8.DecodeRuneInString(s[i+1:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func scanNumber(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case isDigit(c):
			i++
		case (c == '.' || c == ',' || c == '/' || c == '-') && i+1 < len(s) && isDigit(s[i+1]):
			i++
		default:
			return i
		}
	}
	return i
}

// scanWord returns the end of the word at i and its shape (shapeOf).
func scanWord(s string, i int) (int, int) {
	start := i
	shape := 0
	for i < len(s) {
		c := s[i]
		if isLetterASCII(c) || isDigit(c) {
			if isUpperASCII(c) {
				shape |= shapeUpper
			}
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case c >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			shape |= shapeNonASCII
			i += size
		case r == '-' && isPrefixWord(s[start:i]):
			// "then-foreign minister", "ex-president": the prefix is a marker.
			return i, shape
		case r == '-' || r == '\'' || r == '’':
			// Inner hyphen or apostrophe joins ("Amir-Abdollahian", "don't"),
			// but "'s" starts its own token.
			if i+size < len(s) {
				n, _ := utf8.DecodeRuneInString(s[i+size:])
				if unicode.IsLetter(n) && !(r != '-' && possessiveAt(s, i+size)) {
					shape |= shapeOf(s[i : i+size])
					i += size
					continue
				}
			}
			return i, shape
		case r == '.' && i+1 < len(s) && isUpperASCII(s[i+1]) && i+2 < len(s) && s[i+2] == '.':
			// Initialisms: "U.S." stays one token.
			i++
		default:
			if r == '.' && i > 0 && isUpperASCII(s[i-1]) && i-2 >= 0 && s[i-2] == '.' {
				// The final dot of "U.S." belongs to it.
				return i + 1, shape
			}
			return i, shape
		}
	}
	return i, shape
}

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// isPrefixWord reports whether w is a marker prefix written with a hyphen.
func isPrefixWord(w string) bool {
	return strings.EqualFold(w, "then") || strings.EqualFold(w, "ex")
}

// grow1 extends toks by one token and returns it, for the caller to set
// every field of (it may hold a reused buffer's old token): filling a
// token field by field costs no bulk write barrier while the GC runs, as
// copying a whole Token in does.
func grow1(toks []Token) ([]Token, *Token) {
	if len(toks) < cap(toks) {
		toks = toks[:len(toks)+1]
	} else {
		toks = append(toks, Token{})
	}
	return toks, &toks[len(toks)-1]
}
