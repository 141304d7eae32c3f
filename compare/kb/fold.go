package kb

import (
	"strings"
	"unicode"

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
	return strings.Join(foldTokens(name), "")
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
