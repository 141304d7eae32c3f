package temporal

import (
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestHopeless checks that parser.hopeless passes over no token where
// match would succeed: on the corpus, and on generated text whose words
// come from the lexicon, from every word the grammar reads by its spelling
// (p.is calls in parse.go), and from outside both, with the parser state
// (anchor, topic quarter, last year) set and unset.
func TestHopeless(t *testing.T) {
	src, err := os.ReadFile("parse.go")
	if err != nil {
		t.Fatal(err)
	}
	vocab := []string{"Friday", "April", "12", "2025", "1990", "90", "s", "'", "-", ",", ".", "(", ")", "talks", "officials", "Reuters", "x"}
	for w := range lexicon {
		vocab = append(vocab, w)
	}
	spelled := regexp.MustCompile(`p\.is\([^,()]+, "([a-z]+)"\)`).FindAllSubmatch(src, -1)
	if len(spelled) < 40 {
		t.Fatalf("found %d spelled words in parse.go: the pattern no longer fits", len(spelled))
	}
	for _, m := range spelled {
		vocab = append(vocab, string(m[1]), strings.ToUpper(string(m[1][:1]))+string(m[1][1:]))
	}
	slices.Sort(vocab)
	vocab = slices.Compact(vocab)
	leads := []string{"the", "The", "a", "an", "A", "that", "'", "\u2019"}
	r := rand.New(rand.NewPCG(7, 8))
	docs := tokenizeCorpus(t)
	// every lead before every spelled word, then a unit or another word:
	// "for a while", "an additional year", "the near future"
	var units []string
	for w, e := range lexicon {
		if e.unit != uNone || e.tod != "" {
			units = append(units, w)
		}
	}
	slices.Sort(units)
	for _, lead := range leads {
		for _, m := range spelled {
			for _, after := range append(units, vocab[r.IntN(len(vocab))], vocab[r.IntN(len(vocab))]) {
				docs = append(docs, []byte("for "+lead+" "+string(m[1])+" "+after+" ago."))
			}
		}
	}
	for range 3000 {
		var b strings.Builder
		for range 12 {
			if r.IntN(3) == 0 {
				b.WriteString(leads[r.IntN(len(leads))])
			} else {
				b.WriteString(vocab[r.IntN(len(vocab))])
			}
			if r.IntN(5) != 0 {
				b.WriteByte(' ')
			}
		}
		docs = append(docs, []byte(b.String()))
	}
	skipped := 0
	for d, text := range docs {
		toks, _ := tokenize(text, 0, nil, nil)
		for _, state := range []parser{{}, {ref: sat, hasRef: true, anchor: sat.AddDate(0, -1, 3), qY: 2024, qQ: 3, lastY: 2023}} {
			p := state
			p.text, p.toks = text, toks
			for i := range toks {
				if !toks[i].start || !p.hopeless(i) {
					continue
				}
				skipped++
				if _, j, ok := p.match(i); ok && j > i {
					t.Fatalf("doc %d: hopeless at %q, but match finds %q", d, text[toks[i].s:toks[i].e], text[toks[i].s:toks[j-1].e])
				}
			}
		}
	}
	if skipped < 50000 {
		t.Fatalf("only %d tokens passed over: the test no longer exercises hopeless", skipped)
	}
}
