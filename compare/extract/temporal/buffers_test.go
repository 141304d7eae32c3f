package temporal

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

type bufDoc struct {
	text []byte
	ref  time.Time
	opt  Options
}

// bufferDocs is varied input for TestBuffers: the TempEval documents with
// their reference dates, generated articles of many lengths, the scanner's
// edge cases, and some of each with a mask or day-first dates.
func bufferDocs(t *testing.T) []bufDoc {
	t.Helper()
	var docs []bufDoc
	for _, dir := range []string{"train", "test"} {
		files, err := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "tempeval", "gold", dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			_, text, ref := readGold(t, f)
			docs = append(docs, bufDoc{text: text, ref: ref})
		}
	}
	for k, a := range articles(40, 7) {
		docs = append(docs, bufDoc{text: a, ref: sat})
		if k%4 == 0 {
			docs = append(docs, bufDoc{text: a}) // no reference date
		}
	}
	for _, x := range tokenizeCorpus(t) {
		docs = append(docs, bufDoc{text: x, ref: sat})
	}
	docs = append(docs, bufDoc{text: []byte("Filed 12/04/2025; due 03/05/2026, or 4/5."), ref: sat, opt: Options{DayFirst: true}})
	n := len(docs)
	for k := 0; k < n; k += 5 {
		d := docs[k]
		d.opt.Mask = func(off int) bool { return off%97 < 20 }
		docs = append(docs, d)
	}
	return docs
}

// TestBuffers checks that Tag with reused Buffers returns exactly what it
// returns without, whatever documents came before (in several orders), and
// that a result stays unchanged after later calls reuse the Buffers.
func TestBuffers(t *testing.T) {
	docs := bufferDocs(t)
	want := make([][]Timex, len(docs))
	found := 0
	for k, d := range docs {
		want[k] = Tag(d.text, d.ref, d.opt)
		found += len(want[k])
	}
	if found < 1000 {
		t.Fatalf("only %d expressions in %d documents: the test needs more", found, len(docs))
	}
	r := rand.New(rand.NewPCG(5, 6))
	orders := map[string][]int{"forward": {}, "backward": {}, "shuffled": r.Perm(len(docs)), "alternating": {}}
	for k := range docs {
		orders["forward"] = append(orders["forward"], k)
		orders["backward"] = append(orders["backward"], len(docs)-1-k)
		// a long document, then a short one: scratch shrinks and grows
		if k%2 == 0 {
			orders["alternating"] = append(orders["alternating"], k/2)
		} else {
			orders["alternating"] = append(orders["alternating"], len(docs)-1-k/2)
		}
	}
	for name, order := range orders {
		t.Run(name, func(t *testing.T) {
			var b Buffers
			got := make([][]Timex, len(docs))
			for _, k := range order {
				opt := docs[k].opt
				opt.Buffers = &b
				got[k] = Tag(docs[k].text, docs[k].ref, opt)
				if !reflect.DeepEqual(got[k], want[k]) {
					t.Fatalf("doc %d: with Buffers %s, without %s", k, brief(got[k]), brief(want[k]))
				}
			}
			// every result kept, after all the later calls
			for k := range docs {
				if !reflect.DeepEqual(got[k], want[k]) {
					t.Fatalf("doc %d changed after later calls: %s, want %s", k, brief(got[k]), brief(want[k]))
				}
			}
		})
	}
}

func brief(x []Timex) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d timexes:", len(x))
	for _, t := range x {
		fmt.Fprintf(&b, " %q=%s", t.Text, t.Value)
	}
	return b.String()
}

// articles are n generated news articles of 600 to 3,000 bytes.
func articles(n int, seed uint64) [][]byte {
	r := rand.New(rand.NewPCG(seed, 9))
	out := make([][]byte, n)
	for k := range out {
		out[k] = newsTextSeed(600+r.IntN(2400), seed+uint64(k))
	}
	return out
}

// TestBuffersHugeDocument checks that a document with more expressions
// than a Buffers keeps room for still comes out right, and that its
// scratch is let go rather than kept for the next call.
func TestBuffersHugeDocument(t *testing.T) {
	text := newsText(2 << 20)
	want := Tag(text, sat, Options{})
	if len(want) <= keepTimexes {
		t.Fatalf("%d expressions: the document is not huge enough", len(want))
	}
	var b Buffers
	got := Tag(text, sat, Options{Buffers: &b})
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("with Buffers %d timexes, without %d", len(got), len(want))
	}
	if b.out != nil || b.buf != nil || b.vend != nil {
		t.Errorf("Buffers kept %d timexes' room after a huge document", cap(b.out))
	}
	small := []byte("The talks began on Friday.")
	if got, want := Tag(small, sat, Options{Buffers: &b}), Tag(small, sat, Options{}); !reflect.DeepEqual(got, want) {
		t.Errorf("after a huge document: %s, want %s", brief(got), brief(want))
	}
}
