package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the transliteration-folded key of a name, so that spelling
// variants of one name compare equal: "Araghchi" and "Araqchi",
// "Albusaidi", "al-Busaidi" and "Al Busaidi", "Amir-Abdollahian" and
// "Amirabdollahian" fold alike. It removes diacritics (NFKD), case,
// apostrophes, hyphens and spaces, the Arabic article ("al", "el") and
// common English renderings of Persian and Arabic sounds (gh→q, kh→x,
// ou→u, ee/iy/ey/ei/ie/ai→i, dh→d), and doubled letters.
func Fold(name string) string {
	if isASCII(name) {
		return string(appendFoldASCII(make([]byte, 0, len(name)), name))
	}
	return strings.Join(foldTokens(name), "")
}

// appendFold appends Fold(name) to dst, without allocating for an ASCII
// name: lookups fold every name an article gives.
func appendFold(dst []byte, name string) []byte {
	if isASCII(name) {
		return appendFoldASCII(dst, name)
	}
	for _, w := range foldTokens(name) {
		dst = append(dst, w...)
	}
	return dst
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendFoldASCII is foldTokens, joined, for an ASCII name: NFKD leaves
// ASCII alone, so words are the runs of letters and digits (apostrophes
// and backquotes dropped inside them), lower-cased.
func appendFoldASCII(dst []byte, name string) []byte {
	words := 0
	forEachASCIIWord(name, func(string) { words++ })
	var word [64]byte
	forEachASCIIWord(name, func(raw string) {
		w := word[:0]
		for i := 0; i < len(raw); i++ {
			switch c := raw[i]; {
			case c == '\'' || c == '`':
			case 'A' <= c && c <= 'Z':
				w = append(w, c+('a'-'A'))
			default:
				w = append(w, c)
			}
		}
		if len(w) == 0 {
			return
		}
		if words > 1 && len(w) == 2 && (w[0] == 'a' && w[1] == 'l' || w[0] == 'e' && w[1] == 'l') {
			return
		}
		if len(w) >= 7 && (w[0] == 'a' || w[0] == 'e') && w[1] == 'l' {
			w = w[2:]
		}
		dst = appendFoldWord(dst, w)
	})
	return dst
}

// forEachASCIIWord calls f with each run of ASCII letters, digits,
// apostrophes and backquotes; a run of only apostrophes still counts as a
// word boundary, not a word, as splitWords drops them.
func forEachASCIIWord(s string, f func(string)) {
	for i := 0; i < len(s); {
		if !isASCIIWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIWordByte(s[j]) {
			j++
		}
		if hasASCIIAlnum(s[i:j]) {
			f(s[i:j])
		}
		i = j
	}
}

func isASCIIWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' || c == '`'
}

func hasASCIIAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '\'' && c != '`' {
			return true
		}
	}
	return false
}

// appendFoldWord is foldWord appending to dst: the digraph rules left to
// right, then doubled letters collapsed (within the word).
func appendFoldWord(dst []byte, w []byte) []byte {
	start := len(dst)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i+1 < len(w) {
			if d, ok := digraph(w[i], w[i+1]); ok {
				c = d
				i++
			}
		}
		if len(dst) > start && c == dst[len(dst)-1] && c < 0x80 {
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// digraph is the digraphs table as a switch.
func digraph(a, b byte) (byte, bool) {
	switch {
	case a == 'g' && b == 'h':
		return 'q', true
	case a == 'k' && b == 'h':
		return 'x', true
	case a == 'o' && b == 'u':
		return 'u', true
	case a == 'd' && b == 'h':
		return 'd', true
	case a == 'e' && (b == 'e' || b == 'y' || b == 'i'):
		return 'i', true
	case a == 'i' && (b == 'y' || b == 'e'):
		return 'i', true
	case a == 'a' && b == 'i':
		return 'i', true
	}
	return 0, false
}

// foldTokens folds each word of name (words split at spaces, hyphens and
// other punctuation) and drops the Arabic article.
func foldTokens(name string) []string {
	words := splitWords(name)
	out := make([]string, 0, len(words))
	for _, w := range words {
		if (w == "al" || w == "el") && len(words) > 1 {
			continue
		}
		// "Albusaidi" is "al-Busaidi" written as one word; a short rest
		// ("Ali", "Alan", "Allawi") is a name of its own.
		if (strings.HasPrefix(w, "al") || strings.HasPrefix(w, "el")) && len([]rune(w)) >= 7 {
			w = w[2:]
		}
		if f := foldWord(w); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// splitWords lower-cases, strips diacritics and apostrophes and splits at
// everything that is neither a letter nor a digit.
func splitWords(s string) []string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == 'ʼ' || r == 'ʻ' || r == '‘' || r == '`' || r == 'ʿ' || r == 'ʾ':
			continue // Ma'ariv, Ja'fari: the apostrophe marks a sound, not a word break
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteString(specialLetter(unicode.ToLower(r)))
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// specialLetter spells letters that NFKD does not decompose.
func specialLetter(r rune) string {
	switch r {
	case 'ø':
		return "o"
	case 'ł':
		return "l"
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'đ', 'ð':
		return "d"
	case 'ı':
		return "i"
	case 'þ':
		return "th"
	}
	return string(r)
}

var digraphs = map[string]byte{
	"gh": 'q', "kh": 'x', "ou": 'u', "dh": 'd',
	"ee": 'i', "iy": 'i', "ey": 'i', "ei": 'i', "ie": 'i', "ai": 'i',
}

// foldWord applies the digraph rules left to right, then collapses
// doubled letters.
func foldWord(w string) string {
	var b []byte
	for i := 0; i < len(w); i++ {
		if i+1 < len(w) {
			if c, ok := digraphs[w[i:i+2]]; ok {
				b = append(b, c)
				i++
				continue
			}
		}
		b = append(b, w[i])
	}
	out := b[:0]
	for i, c := range b {
		if i > 0 && c == b[i-1] && c < 0x80 {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}
