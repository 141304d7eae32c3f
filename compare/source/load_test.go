package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

func TestParseJSONL(t *testing.T) {
	in := `{"id":"a1","title":"Talks Resume","outlet":"Wire","url":"https://e.x/1","published":"2025-04-12","text":"Talks Resume\n\nThe talks began on Friday. \"They\u2019re over,\" he said."}
not json at all
{"title":"No id","source":"Other","date":"2025-04-11T09:00:00Z","text":"The talks began on Saturday in Muscat."}

{"id":"x","text":""}
{"id":"y","title":"T","published":"someday","text":"Body here."}
["array"]
`
	docs, errs := Parse("dir/feed.jsonl", []byte(in), Options{})
	checkErrs(t, errs, []string{
		"dir/feed.jsonl:2: not JSON",
		"dir/feed.jsonl:5: empty text",
		`dir/feed.jsonl:6: bad date "someday" in field "published"`,
		"dir/feed.jsonl:7: not a JSON object",
	})
	if len(docs) != 3 {
		t.Fatalf("%d docs", len(docs))
	}
	d := docs[0]
	if d.ID != "a1" || d.Path != "dir/feed.jsonl:1" || d.Title != "Talks Resume" || d.Outlet != "Wire" || d.URL != "https://e.x/1" || d.PublishedFrom != "jsonl" {
		t.Errorf("record 1: %+v", d)
	}
	if !strings.HasPrefix(string(d.Text), "Talks Resume\n\nThe talks") {
		t.Errorf("text %q", d.Text)
	}
	// Source maps decoded offsets back to the line, through escapes.
	for _, tc := range []struct {
		word string
		col  int
	}{{"Talks", 106}, {"The talks", 122}, {"over", 164}} {
		off := bytes.Index(d.Text, []byte(tc.word))
		p, l, c := d.Source(off)
		if p != "dir/feed.jsonl" || l != 1 || c != tc.col {
			t.Errorf("Source(%q) = %s:%d:%d, want col %d", tc.word, p, l, c, tc.col)
		}
	}
	if len(d.Sections) != 2 || d.Sections[0].Segment != compare.SegHeadline {
		t.Errorf("sections %v", d.Sections)
	}
	if docs[1].ID != "feed#3" || docs[1].Outlet != "Other" || docs[1].Published == nil {
		t.Errorf("record 3: %+v", docs[1])
	}
	if docs[2].Published != nil {
		t.Errorf("bad date should leave Published nil")
	}
}

func TestLoadBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name  string
		paths func() []string
		opt   Options
		docs  int
		errs  []string
	}{
		{"missing", func() []string { return []string{filepath.Join(dir, "nope.txt")} }, Options{}, 0, []string{"nope.txt: no such file or directory"}},
		{"empty", func() []string { return []string{write("empty.txt", []byte("  \n"))} }, Options{}, 0, []string{"empty.txt: empty file"}},
		{"binary", func() []string { return []string{write("bin.txt", []byte("PK\x03\x04\x00\x00abc"))} }, Options{}, 0, []string{"bin.txt: binary file"}},
		{"too big", func() []string { return []string{write("big.txt", bytes.Repeat([]byte("word "), 100))} }, Options{MaxBytes: 100}, 0,
			[]string{"big.txt: file is 500 bytes, over the limit of 100 bytes (raise it with --max-bytes)"}},
		{"invalid utf8", func() []string { return []string{write("bad.txt", []byte("Headline Here\nBody \xff text here.\n"))} }, Options{}, 1,
			[]string{"bad.txt: warning: invalid UTF-8 at byte 19 (left in place)"}},
		{"empty dir", func() []string {
			_ = os.MkdirAll(filepath.Join(dir, "nothing", ".hidden"), 0o755)
			write("nothing/.hidden/a.txt", []byte("x"))
			write("nothing/readme.pdf", []byte("x"))
			return []string{filepath.Join(dir, "nothing")}
		}, Options{}, 0, []string{"nothing: no articles in directory"}},
		{"directory", func() []string {
			write("corpus/b.txt", []byte("Second One\nBody text here.\n"))
			write("corpus/sub/a.md", []byte("# First\n\nBody text here.\n"))
			write("corpus/sub/a.htm.bak", []byte("x"))
			write("corpus/.git/c.txt", []byte("Hidden\nBody.\n"))
			return []string{filepath.Join(dir, "corpus")}
		}, Options{}, 2, nil},
		{"empty jsonl", func() []string { return []string{write("e.jsonl", []byte("\n\n"))} }, Options{}, 0, []string{"e.jsonl: empty file"}},
		{"stdin missing", func() []string { return []string{"-"} }, Options{}, 0, []string{"-: no standard input"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Load(tt.paths(), tt.opt)
			if len(docs) != tt.docs {
				t.Errorf("%d docs, want %d", len(docs), tt.docs)
			}
			checkErrs(t, errs, tt.errs)
			for _, e := range errs {
				if strings.Contains(e.Error(), "\n") {
					t.Errorf("error is not one line: %q", e.Error())
				}
			}
		})
	}
}

func TestLoadOrderAndIDs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b/story.txt":   "Second Headline Here\nBody text.\n",
		"a/story.md":    "# First Headline\n\nBody text.\n",
		"c/story.jsonl": `{"text":"JSON body one."}` + "\n" + `{"id":"story","text":"JSON body two."}` + "\n",
		"d/z.htm":       "<html><head><title>Z</title></head><body><p>Hello there, world.</p></body></html>",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write([]byte(`{"id":"g","text":"Compressed body."}` + "\n"))
	_ = zw.Close()
	_ = os.WriteFile(filepath.Join(dir, "e.jsonl.gz"), gz.Bytes(), 0o644)

	docs, errs := Load([]string{dir, "-"}, Options{Stdin: strings.NewReader("From stdin\nBody text.\n")})
	if len(errs) > 0 {
		t.Fatalf("errors %v", errs)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	want := "stdin story story~2 story#1 story~3 z g"
	if strings.Join(ids, " ") != want {
		t.Errorf("ids %q, want %q", strings.Join(ids, " "), want)
	}
	// Walk stops when fn fails and streams in the same order.
	stop := errors.New("stop")
	n := 0
	err := Walk([]string{dir}, Options{}, func(d *compare.Document) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	}, nil)
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("Walk = %v after %d docs", err, n)
	}
}

func TestStdinFormat(t *testing.T) {
	for _, tt := range []struct {
		format, in, title string
	}{
		{"md", "---\ntitle: From Front Matter\n---\nBody text.\n", "From Front Matter"},
		{"", "---\ntitle: Sniffed\n---\nBody text.\n", "Sniffed"},
		{"", `{"title":"JSON","text":"Body text."}`, "JSON"},
		{"txt", "# Not Markdown Here\nBody text.\n", "# Not Markdown Here"},
	} {
		docs, errs := Load([]string{"-"}, Options{Stdin: strings.NewReader(tt.in), StdinFormat: tt.format})
		if len(errs) > 0 || len(docs) != 1 || docs[0].Title != tt.title {
			t.Errorf("format %q: docs %d errs %v title %q", tt.format, len(docs), errs, title(docs))
		}
	}
}

func title(docs []*compare.Document) string {
	if len(docs) == 0 {
		return ""
	}
	return docs[0].Title
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{"Headline\nBody. More.\n", "\ufeffA\r\n\r\nB", "WASHINGTON, April 12 (Reuters) — x", "0 Comments\nBy Jane Doe\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkInvariants(t, "f.txt", data) })
}

func FuzzParseMarkdown(f *testing.F) {
	for _, s := range []string{"---\ntitle: T\ndate: 2025-01-01\n---\n# H\n\nBody [l](u) `c` *e*.\n",
		"<!-- crosscheck-disable all -->\n```\ncode\n", "+++\ntitle = \"x\"\n+++\n", "---\n: [\n---\n", "> - 1. [a][b]\n\n[b]: c\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkInvariants(t, "f.md", data) })
}

func FuzzParseJSONL(f *testing.F) {
	for _, s := range []string{`{"id":1,"text":"a\u00e9\ud83d\ude00b\n"}`, "{\"text\":\"x\"}\n[1]\n{", `{"text":"\ud800"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkInvariants(t, "f.jsonl", data) })
}

// checkInvariants: no panic, spans inside the text and sorted, sources
// answer for every offset.
func checkInvariants(t *testing.T, path string, data []byte) {
	docs, errs := Parse(path, data, Options{})
	for _, e := range errs {
		if e.Path == "" || strings.Contains(e.Message, "\n") {
			t.Fatalf("bad error %#v", e)
		}
	}
	for _, d := range docs {
		check := func(what string, spans []compare.Span) {
			prev := 0
			for _, s := range spans {
				if s.Start < prev || s.End < s.Start || s.End > len(d.Text) {
					t.Fatalf("%s: bad span %v (prev %d, len %d)", what, s, prev, len(d.Text))
				}
				prev = s.End
			}
		}
		check("mask", d.Mask)
		check("sentences", d.Sentences)
		var secs []compare.Span
		for _, s := range d.Sections {
			secs = append(secs, s.Span)
		}
		check("sections", secs)
		for _, ig := range d.Ignores {
			if ig.Span.Start < 0 || ig.Span.End > len(d.Text) || ig.Span.End < ig.Span.Start {
				t.Fatalf("bad ignore %+v", ig)
			}
		}
		if d.Source != nil {
			for _, off := range []int{0, len(d.Text) / 2, len(d.Text)} {
				if _, l, c := d.Source(off); l < 1 || c < 1 {
					t.Fatalf("Source(%d) = %d:%d", off, l, c)
				}
			}
		}
		d.Position(len(d.Text))
	}
}
