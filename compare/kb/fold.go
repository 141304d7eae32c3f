package kb

import (
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
	var buf [64]byte
	return string(appendFold(buf[:0], name))
}

// appendFold appends Fold(name) to dst, without allocating for a name of
// common length: lookups fold every name an article gives.
func appendFold(dst []byte, name string) []byte {
	// The words, lower-cased, end to end in low; ends[i] is where word i
	// ends.
	var lb [128]byte
	var eb [16]int
	var low []byte
	var ends []int
	if isASCII(name) {
		low, ends = asciiWords(lb[:0], eb[:0], name)
	} else {
		low, ends = unicodeWords(lb[:0], eb[:0], name)
	}
	start := 0
	for _, end := range ends {
		w := low[start:end]
		start = end
		if len(ends) > 1 && len(w) == 2 && (w[0] == 'a' || w[0] == 'e') && w[1] == 'l' {
			continue
		}
		// "Albusaidi" is "al-Busaidi" written as one word; a short rest
		// ("Ali", "Alan", "Allawi") is a name of its own.
		if len(w) >= 2 && (w[0] == 'a' || w[0] == 'e') && w[1] == 'l' && utf8.RuneCount(w) >= 7 {
			w = w[2:]
		}
		dst = appendFoldWord(dst, w)
	}
	return dst
}

// unicodeWords splits a name into words: decomposed (NFKD), lower-cased
// letters and digits, diacritics and apostrophes dropped, split at
// everything else.
func unicodeWords(low []byte, ends []int, name string) ([]byte, []int) {
	inWord := false
	// A name already in NFKD (curly apostrophes, letters without
	// diacritics) is read as it is: decomposing it would only copy it
	// into a buffer on the heap. Others take one allocation.
	var dec []byte
	if norm.NFKD.QuickSpanString(name) < len(name) {
		// One buffer, which most decompositions fit.
		dec = norm.NFKD.AppendString(make([]byte, 0, 2*len(name)+16), name)
	}
	for _, r := range nameOr(dec, name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case isNameApostrophe(r):
			// Ma'ariv, Ja'fari: the apostrophe marks a sound, not a word break
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			low = appendLetter(low, unicode.ToLower(r))
			inWord = true
		default:
			if inWord {
				ends = append(ends, len(low))
				inWord = false
			}
		}
	}
	if inWord {
		ends = append(ends, len(low))
	}
	return low, ends
}

// nameOr is dec as a string, or name when dec is nil (name needed no
// decomposing).
func nameOr(dec []byte, name string) string {
	if dec == nil {
		return name
	}
	return string(dec)
}

// asciiWords is unicodeWords for an ASCII name, which NFKD leaves alone.
func asciiWords(low []byte, ends []int, name string) ([]byte, []int) {
	inWord := false
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == '\'' || c == '`':
		case 'A' <= c && c <= 'Z':
			low = append(low, c+('a'-'A'))
			inWord = true
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			low = append(low, c)
			inWord = true
		default:
			if inWord {
				ends = append(ends, len(low))
				inWord = false
			}
		}
	}
	if inWord {
		ends = append(ends, len(low))
	}
	return low, ends
}

func isNameApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', 'ʻ', '‘', '`', 'ʿ', 'ʾ':
		return true
	}
	return false
}

// appendLetter appends a lower-case letter or digit, spelling the letters
// NFKD does not decompose.
func appendLetter(dst []byte, r rune) []byte {
	switch r {
	case 'ø':
		return append(dst, 'o')
	case 'ł':
		return append(dst, 'l')
	case 'ß':
		return append(dst, "ss"...)
	case 'æ':
		return append(dst, "ae"...)
	case 'œ':
		return append(dst, "oe"...)
	case 'đ', 'ð':
		return append(dst, 'd')
	case 'ı':
		return append(dst, 'i')
	case 'þ':
		return append(dst, "th"...)
	}
	return utf8.AppendRune(dst, r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
