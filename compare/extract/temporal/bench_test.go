package temporal

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// newsText generates news-like prose: mostly ordinary words, with the
// density of temporal expressions of wire copy (about one per 150 bytes).
func newsText(n int) []byte { return newsTextSeed(n, 1) }

// newsTextSeed is newsText drawn from another random sequence.
func newsTextSeed(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 2))
	words := strings.Fields(`the talks between officials and delegations resumed in the capital after
	a long pause and the minister said negotiations would continue while analysts warned that sanctions
	could return if the parties failed to reach an agreement on the nuclear programme and its inspections
	Iran United States Oman foreign ministry spokesman told reporters government sources confirmed
	that progress was made although several issues remain unresolved according to diplomats`)
	times := []string{"on Friday", "last week", "April 12, 2025", "in 2018", "three days later", "yesterday",
		"at 11 pm GMT", "for four hours", "next month", "earlier this year", "Saturday (April 12)", "the 1990s",
		"more than 2-1/2 hours", "every week", "now", "12 April 2025", "the third quarter", "a week ago"}
	var b strings.Builder
	for b.Len() < n {
		for k := 0; k < 20; k++ {
			w := words[r.IntN(len(words))]
			if k == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			b.WriteByte(' ')
		}
		b.WriteString(times[r.IntN(len(times))])
		b.WriteString(", ")
		for k := 0; k < 6; k++ {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		b.WriteString("officials said.\n")
	}
	return []byte(b.String())
}

func BenchmarkTag(b *testing.B) {
	text := newsText(4 << 20)
	ref := time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tag(text, ref, Options{})
	}
}

// BenchmarkTagArticle tags one article of news length (about 1.4 KB), the
// tool's unit of work: its allocations per call are what Tag costs a run.
func BenchmarkTagArticle(b *testing.B) {
	text := newsText(1400)
	ref := time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tag(text, ref, Options{})
	}
}

// BenchmarkTagArticles tags generated articles of 600 to 3,000 bytes in
// turn, one per op, as a corpus run does: "alloc" lets Tag allocate its
// scratch per call, "buffers" reuses one Buffers.
func BenchmarkTagArticles(b *testing.B) {
	docs := articles(64, 11)
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	ref := time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)
	for _, reuse := range []bool{false, true} {
		name := "alloc"
		if reuse {
			name = "buffers"
		}
		b.Run(name, func(b *testing.B) {
			var opt Options
			if reuse {
				opt.Buffers = &Buffers{}
			}
			b.SetBytes(int64(size / len(docs)))
			b.ReportAllocs()
			k := 0
			for b.Loop() {
				Tag(docs[k%len(docs)], ref, opt)
				k++
			}
		})
	}
}
