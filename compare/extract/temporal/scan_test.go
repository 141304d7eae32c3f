package temporal

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// tokenizeCorpus is varied input for the tokenizer and buffer tests: the
// TempEval texts, generated news, and text that stresses the scanner
// (non-ASCII letters inside words, curly punctuation, words at the very
// end of the input, long words, blank lines).
func tokenizeCorpus(t testing.TB) [][]byte {
	t.Helper()
	docs := [][]byte{
		nil, []byte("a"), []byte("May"), []byte("Friday"), []byte("THURSDAY."), []byte("septembers"),
		[]byte("internationalisation and Décembre, naïve café Zürich Fridayé éFriday"),
		[]byte("\u201cFriday\u201d \u2018twenties\u2019 2\u20133 weeks \u00a0Monday\u2009morning 1\u20442 hour"),
		[]byte("abcdefghijklmnop abcdefghijklmn abcdefghijklmno Nightfall nightfalls"),
		[]byte("line one\n \t\r\n\nTuesday\r\nwednesday\n\n"),
		[]byte("x\xff\xfeFriday \xc3 April\xe2\x80"),
		newsText(3000), newsText(120000), // the long one spans chunks
	}
	for _, dir := range []string{"train", "test"} {
		files, err := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "tempeval", "gold", dir, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, b)
		}
	}
	return docs
}

// TestTokenizeMatchesReference checks the tokenizer against the plain one
// it replaced (tokenizeRef), token for token, with and without a mask, on
// every prefix length of the short inputs (8-byte loads near the end).
func TestTokenizeMatchesReference(t *testing.T) {
	docs := tokenizeCorpus(t)
	r := rand.New(rand.NewPCG(3, 4))
	for d, doc := range docs {
		ends := []int{len(doc)}
		if len(doc) < 200 {
			for k := range len(doc) {
				ends = append(ends, k)
			}
		}
		for _, end := range ends {
			compareTokenize(t, d, doc[:end], nil)
		}
		cut := r.IntN(len(doc) + 1)
		compareTokenize(t, d, doc, func(off int) bool { return off < cut })
		compareTokenize(t, d, doc, func(off int) bool { return off%3 == 1 })
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add([]byte("On Friday, Décembre 12\u2013\u201914 at 7.30am EDT\n\nTHURSDAY"), uint8(0))
	f.Add([]byte("élan\n\n Monday"), uint8(2))
	f.Fuzz(func(t *testing.T, in []byte, every uint8) {
		var mask func(int) bool
		if every > 0 {
			mask = func(off int) bool { return off%int(every) == 0 }
		}
		compareTokenize(t, 0, in, mask)
	})
}

func compareTokenize(t *testing.T, d int, text []byte, mask func(int) bool) {
	t.Helper()
	var got []token
	var want []refToken
	for pos := 0; pos < len(text); {
		var next int
		got, next = tokenize(text, pos, got[:0], mask)
		var wpos int
		want, wpos = tokenizeRef(text, pos, want[:0], mask)
		if next != wpos || len(got) != len(want) {
			t.Fatalf("doc %d (len %d) at %d: resume %d, %d tokens; want %d, %d", d, len(text), pos, next, len(got), wpos, len(want))
		}
		for k := range got {
			g, w := got[k], want[k]
			start := w.kind == tkNum || w.kind == tkPunct && w.p == '\'' || w.kind == tkWord && w.lx != nil && w.lx.startable
			if g.s != w.s || g.e != w.e || g.kind != w.kind || g.p != w.p || g.nd != w.nd || g.cap != w.cap || g.entry() != w.lx || g.start != start {
				t.Fatalf("doc %d token %d %q: got %+v, want %+v", d, k, text[g.s:g.e], g, w)
			}
		}
		pos = next
	}
}
