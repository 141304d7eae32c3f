package extract

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare/kb"
)

// TestWordTableGet: the table finds each word it holds, and no word that
// differs from one in a single byte or in length, whatever the length
// (up to 16 bytes it compares a word's parts, past that its bytes).
func TestWordTableGet(t *testing.T) {
	alpha := "abcdefghijklmnopqrstuvwxyz"
	m := map[string]vocabWord{}
	for n := 1; n <= 26; n++ {
		m[alpha[:n]] = vocabWord{id: int32(n)}
		m[strings.ToUpper(alpha[26-n:])] = vocabWord{id: int32(100 + n)}
	}
	tab := newWordTable(m)
	for w, v := range m {
		if got, ok := tab.get(w); !ok || got != v {
			t.Errorf("get(%q) = %v %v, want %v", w, got, ok, v)
		}
		for i := range len(w) {
			b := []byte(w)
			b[i] ^= 0x20 // case flipped: no word above mixes cases
			if got, ok := tab.get(string(b)); ok {
				t.Errorf("get(%q) = %v, want a miss", b, got)
			}
		}
		for _, x := range []string{w + "a", w[:len(w)-1] + "-", "-" + w[1:], w[:len(w)/2] + "." + w[len(w)/2+1:]} {
			if _, held := m[x]; held {
				continue
			}
			if got, ok := tab.get(x); ok {
				t.Errorf("get(%q) = %v, want a miss", x, got)
			}
		}
	}
	if _, ok := tab.get(""); ok {
		t.Error(`get("") found a word`)
	}
}

// BenchmarkWordTableGet looks up the lower-case words of a text in the
// gazetteer's word table, as tokenizing does for every token.
func BenchmarkWordTableGet(b *testing.B) {
	text := "Iranian Foreign Minister Abbas Araghchi met Omani officials in Muscat on Saturday, " +
		"the ministry said, as talks with the United States over the 2015 nuclear deal resumed. " +
		"Araghchi told reporters in Tehran that the two-hour meeting was constructive and that " +
		"a fourth round would follow next week in Rome, according to state media."
	k, err := kb.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	g := NewGazetteer(k)
	var words []string
	for _, t := range Tokenize([]byte(text), nil) {
		words = append(words, t.Lower)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			g.words.get(w)
		}
	}
}

// TestLowerASCII8: lowering eight packed bytes lowers each ASCII capital
// wherever it is and leaves every other byte, non-ASCII included, as it
// was.
func TestLowerASCII8(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			b := []byte("xY0-\x80z\xffQ")
			b[pos] = byte(c)
			want := append([]byte(nil), b...)
			for i, x := range want {
				if 'A' <= x && x <= 'Z' {
					want[i] = x + 'a' - 'A'
				}
			}
			got := lowerASCII8(load64(string(b)))
			if got != load64(string(want)) {
				t.Fatalf("lowerASCII8(%q) = %#x, want %q", b, got, want)
			}
		}
	}
}

// TestWordTableShortNUL: a short word holding a NUL byte, which the
// short table cannot tell from a shorter word, is still found, and the
// shorter word does not find it.
func TestWordTableShortNUL(t *testing.T) {
	tab := newWordTable(map[string]vocabWord{"ab\x00": {id: 1}, "ab": {id: 2}})
	for w, id := range map[string]int32{"ab\x00": 1, "ab": 2} {
		if got, ok := tab.get(w); !ok || got.id != id {
			t.Errorf("get(%q) = %v %v, want id %d", w, got, ok, id)
		}
	}
	if _, ok := tab.get("ab\x00\x00"); ok {
		t.Error(`get("ab\x00\x00") found a word`)
	}
}
