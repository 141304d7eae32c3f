package source

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// benchJSONL returns a JSONL corpus for the loading benchmarks: the file
// named by $CROSSCHECK_BENCH_JSONL (a plain .jsonl, e.g. from
// `go run ./cmd/gencorpus -n 10000 -seed 1 -out x.jsonl.gz | zcat`), or
// else about 4 MiB of records made from the seed articles, shaped like
// gencorpus output (headline line, blank-line paragraphs, quotes).
func benchJSONL(b *testing.B) []byte {
	b.Helper()
	if p := os.Getenv("CROSSCHECK_BENCH_JSONL"); p != "" {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	var texts []string
	for _, name := range seedNames(b) {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i := 0; buf.Len() < 4<<20; i++ {
		text := texts[i%len(texts)]
		title, _, _ := strings.Cut(text, "\n")
		rec := struct {
			ID        string `json:"id"`
			Title     string `json:"title"`
			Outlet    string `json:"outlet"`
			Published string `json:"published"`
			URL       string `json:"url"`
			Text      string `json:"text"`
		}{fmt.Sprintf("a%07d", i), title, "Metro Week", fmt.Sprintf("2016-01-%02d", i%28+1),
			fmt.Sprintf("https://metroweek.example/%d", i), text}
		if err := enc.Encode(rec); err != nil {
			b.Fatal(err)
		}
	}
	return buf.Bytes()
}

// BenchmarkLoadJSONL measures loading a JSONL corpus end to end (line
// reading, record parsing, masking, structure, sentences): MB/s of input.
func BenchmarkLoadJSONL(b *testing.B) {
	data := benchJSONL(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		err := streamJSONL("bench.jsonl", bytes.NewReader(data), false, Options{}, func(p *Pending) error {
			p.Document()
			n++
			return nil
		}, func(e compare.DocError) { b.Fatalf("unexpected error %v", e) })
		if err != nil || n == 0 {
			b.Fatalf("%d docs, %v", n, err)
		}
	}
}

// BenchmarkParseText measures loading the seed articles as plain text.
func BenchmarkParseText(b *testing.B) {
	benchFormat(b, "a.txt", "txt", seedNames(b))
}

// BenchmarkParseMarkdown measures loading the seed articles and a Hugo
// page with YAML front matter as Markdown.
func BenchmarkParseMarkdown(b *testing.B) {
	benchFormat(b, "a.md", "md", append(seedNames(b), hugoPage))
}

// BenchmarkParseMarkdownFrontMatter is the Hugo page alone: most of its
// cost is the YAML library reading the front matter.
func BenchmarkParseMarkdownFrontMatter(b *testing.B) {
	benchFormat(b, "a.md", "md", []string{hugoPage})
}

const hugoPage = "../../testdata/source/samples/hugo.md"

func benchFormat(b *testing.B, path, format string, names []string) {
	var files [][]byte
	total := 0
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, data := range files {
			if docs, _ := parseFormat(path, format, data, Options{}); len(docs) != 1 {
				b.Fatalf("%d docs", len(docs))
			}
		}
	}
}

// BenchmarkReadJSONL measures what WalkDeferred's reading goroutine does
// for a JSONL corpus: reading lines and parsing records, without the text
// analysis Pending.Document leaves to the workers.
func BenchmarkReadJSONL(b *testing.B) {
	benchRead(b, benchJSONL(b), false)
}

// BenchmarkReadJSONLGzip is BenchmarkReadJSONL on the gzipped corpus
// (MB/s of uncompressed input).
func BenchmarkReadJSONLGzip(b *testing.B) {
	data := benchJSONL(b)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write(data); err != nil || zw.Close() != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	benchRead(b, gz.Bytes(), true)
}

func benchRead(b *testing.B, data []byte, gz bool) {
	if !gz {
		b.SetBytes(int64(len(data)))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		err := streamJSONL("bench.jsonl", bytes.NewReader(data), gz, Options{}, func(*Pending) error {
			n++
			return nil
		}, func(e compare.DocError) { b.Fatalf("unexpected error %v", e) })
		if err != nil || n == 0 {
			b.Fatalf("%d docs, %v", n, err)
		}
	}
}
