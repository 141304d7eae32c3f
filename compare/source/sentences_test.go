package source

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

const boundaryMark = " ¦ "

// labelled reads the hand-labelled set: the text of each case and the
// offsets where a new sentence starts.
func labelled(t testing.TB) (cases []string, bounds [][]int) {
	t.Helper()
	f, err := os.Open("../../testdata/source/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, boundaryMark)
		var b []int
		text := ""
		for i, p := range parts {
			if i > 0 {
				text += " "
				b = append(b, len(text))
			}
			text += p
		}
		cases = append(cases, text)
		bounds = append(bounds, b)
	}
	return cases, bounds
}

// TestSentenceAccuracy scores the splitter on the labelled set: every
// boundary it finds is a sentence start after the first.
func TestSentenceAccuracy(t *testing.T) {
	cases, bounds := labelled(t)
	tp, fp, fn, exact := 0, 0, 0, 0
	for i, text := range cases {
		spans := Sentences([]byte(text), nil)
		var got []int
		for _, s := range spans[min(1, len(spans)):] {
			got = append(got, s.Start)
		}
		want := map[int]bool{}
		for _, b := range bounds[i] {
			want[b] = true
		}
		ok := len(got) == len(bounds[i])
		hit := 0
		for _, g := range got {
			if want[g] {
				hit++
			} else {
				fp++
				ok = false
			}
		}
		tp += hit
		fn += len(bounds[i]) - hit
		if ok {
			exact++
		} else {
			t.Logf("mismatch: %q\n  got %q, want boundaries at %v", text, render(text, spans), bounds[i])
		}
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	f1 := 2 * p * r / max(p+r, 1e-9)
	t.Logf("splitter on %d cases: precision %.3f recall %.3f F1 %.3f, %d/%d cases exact", len(cases), p, r, f1, exact, len(cases))
	if f1 < 0.95 || p < 0.95 {
		t.Errorf("splitter F1 %.3f precision %.3f, want ≥ 0.95", f1, p)
	}
}

func render(text string, spans []compare.Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentencesSpans(t *testing.T) {
	tests := []struct {
		name string
		text string
		mask []compare.Span
		want []string
	}{
		{"empty", "", nil, nil},
		{"one", "Talks began.", nil, []string{"Talks began."}},
		{"no final period", "Talks began", nil, []string{"Talks began"}},
		{"trailing space", "  Talks began.  \n", nil, []string{"Talks began."}},
		{"blank line breaks", "Headline here\n\nBody text here.", nil, []string{"Headline here", "Body text here."}},
		{"line per paragraph", strings.Repeat("x", 130) + "\nNext line starts here.\nAnd a third.", nil,
			[]string{strings.Repeat("x", 130), "Next line starts here.", "And a third."}},
		{"wrapped prose joins", "The talks between the two delegations began\non Friday in Muscat and lasted for hours.\nThey ended late.", nil,
			[]string{"The talks between the two delegations began\non Friday in Muscat and lasted for hours.", "They ended late."}},
		{"mask skipped", "Hello [link](http://x.y/z.html) world. Next one.", []compare.Span{{Start: 11, End: 31}},
			[]string{"Hello [link](http://x.y/z.html) world.", "Next one."}},
		{"block mask breaks", "---\ntitle: x\n---\nBody starts. Ends.", []compare.Span{{Start: 0, End: 17}},
			[]string{"Body starts.", "Ends."}},
		{"masked start", "<b>Bold</b> text.", []compare.Span{{Start: 0, End: 3}, {Start: 7, End: 11}},
			[]string{"Bold</b> text."}},
		{"crlf", "One here.\r\nTwo here.\r\n", nil, []string{"One here.", "Two here."}},
		{"ellipsis unicode", "Wait… What now?", nil, []string{"Wait…", "What now?"}},
		{"nbsp after period", "End.\u00a0Next.", nil, []string{"End.", "Next."}},
		{"closing paren", "He left (quietly.) Then back.", nil, []string{"He left (quietly.)", "Then back."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(tt.text, Sentences([]byte(tt.text), tt.mask))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Sentences(%q) =\n %q\nwant\n %q", tt.text, got, tt.want)
			}
		})
	}
}

// BenchmarkSentences measures throughput on news prose (the seeds).
func BenchmarkSentences(b *testing.B) {
	var text []byte
	for _, name := range seedNames(b) {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		text = append(text, data...)
		text = append(text, '\n')
	}
	for len(text) < 1<<20 {
		text = append(text, text...)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Sentences(text, nil)
	}
}

func FuzzSentences(f *testing.F) {
	f.Add([]byte("Mr. Smith met Gen. Jones in the U.S. The talks began in 2015. \"Done,\" he said… Next."), 3, 9)
	f.Add([]byte("a\n\nb\r\n\u00a0…?!\"”"), 0, 2)
	f.Add([]byte{0xE2, 0x80}, 1, 1)
	f.Fuzz(func(t *testing.T, text []byte, ms, me int) {
		var mask []compare.Span
		if ms >= 0 && me > ms && me <= len(text) {
			mask = []compare.Span{{Start: ms, End: me}}
		}
		spans := Sentences(text, mask)
		prev := 0
		for _, s := range spans {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", s, prev, text)
			}
			for _, m := range mask {
				if m.Start <= s.Start && s.Start < m.End {
					t.Fatalf("span %v starts inside mask %v", s, m)
				}
			}
			prev = s.End
		}
	})
}
