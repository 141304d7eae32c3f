package source

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

var update = flag.Bool("update", false, "rewrite golden files")

func seedNames(t testing.TB) []string {
	t.Helper()
	names, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	return names
}

// describe renders what a loader found, for golden files.
func describe(d *compare.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "id: %s\ntitle: %s\n", d.ID, d.Title)
	if d.Outlet != "" || d.URL != "" || d.Story != "" {
		fmt.Fprintf(&b, "outlet: %s\nurl: %s\nstory: %s\n", d.Outlet, d.URL, d.Story)
	}
	if d.Published != nil {
		fmt.Fprintf(&b, "published: %s (%s)\n", d.Published.Format("2006-01-02T15:04:05Z07:00"), d.PublishedFrom)
	}
	pos := func(off int) string {
		if d.Source != nil {
			p, l, c := d.Source(off)
			return fmt.Sprintf("%s:%d:%d", filepath.Base(p), l, c)
		}
		p := d.Position(off)
		return fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "section %s [%d,%d) %s: %q\n", s.Segment, s.Span.Start, s.Span.End, pos(s.Span.Start), clip(d.Slice(s.Span)))
	}
	for _, m := range d.Mask {
		fmt.Fprintf(&b, "mask [%d,%d): %q\n", m.Start, m.End, clip(d.Slice(m)))
	}
	for _, ig := range d.Ignores {
		fmt.Fprintf(&b, "ignore %s block=%v span=[%d,%d) reason=%q until=%v\n", ig.Rule, ig.Block, ig.Span.Start, ig.Span.End, ig.Reason, ig.Until)
	}
	for _, s := range d.Sentences {
		fmt.Fprintf(&b, "sentence [%d,%d) %s: %q\n", s.Start, s.End, pos(s.Start), clip(d.Slice(s)))
	}
	return b.String()
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 100 {
		return string(r[:60]) + " … " + string(r[len(r)-30:])
	}
	return s
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("../../testdata/source/golden", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from golden (run go test -update and review the diff):\n%s", name, got)
	}
}

func TestSeedsGolden(t *testing.T) {
	for _, name := range seedNames(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			docs, errs := Parse(name, data, Options{})
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("Parse: %d docs, errors %v", len(docs), errs)
			}
			golden(t, "seed-"+stem(name), describe(docs[0]))
		})
	}
}

// TestSamplesGolden covers Markdown with front matter and directives, and
// JSON Lines, end to end.
func TestSamplesGolden(t *testing.T) {
	names, err := filepath.Glob("../../testdata/source/samples/*")
	if err != nil || len(names) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			docs, errs := Parse(name, data, Options{})
			var b strings.Builder
			for _, e := range errs {
				fmt.Fprintf(&b, "error: %s\n", strings.TrimPrefix(e.Error(), "../../testdata/source/samples/"))
			}
			for _, d := range docs {
				b.WriteString(describe(d))
				b.WriteString("\n")
			}
			golden(t, "sample-"+filepath.Base(name), b.String())
		})
	}
}

// TestSeedStructure pins what the issues ask of the seeds, independently
// of the golden files.
func TestSeedStructure(t *testing.T) {
	tests := []struct {
		file          string
		title         string
		headlineLines int
		ledePrefix    string
		masked        string
	}{
		{"000_d617c6085c59bd4c.txt", `Iran and U.S. Set for Direct Nuclear Talks, Aim for "Substantive Outcomes"`, 2, "In a significant diplomatic development", "0 Comments"},
		{"001_444b98ae168bb563.txt", "Nuclear Talks Resume Amidst Regional Tensions", 1, "Oman is playing host", ""},
		{"004_388b9ae6836e88b8.txt", "U.S. and Iran Engage in Historic Nuclear Talks Amid Challenges", 5, "The United States and Iran met", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, errs := Load([]string{"../../testdata/seeds/" + tt.file}, Options{})
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("Load: %v", errs)
			}
			d := docs[0]
			if d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			if len(d.Sections) != 3 {
				t.Fatalf("Sections = %v", d.Sections)
			}
			head := d.Slice(d.Sections[0].Span)
			if n := len(strings.Split(strings.TrimSpace(head), "\n")); n != tt.headlineLines {
				t.Errorf("headline block has %d lines (with blanks), want %d: %q", n, tt.headlineLines, head)
			}
			if lede := d.Slice(d.Sections[1].Span); !strings.HasPrefix(lede, tt.ledePrefix) {
				t.Errorf("lede = %q, want prefix %q", clip(lede), tt.ledePrefix)
			}
			if tt.masked != "" {
				i := bytes.Index(d.Text, []byte(tt.masked))
				if !d.Masked(i) {
					t.Errorf("%q not masked", tt.masked)
				}
				if d.Sections[2].Span.End > i {
					t.Errorf("body runs into residue %q", tt.masked)
				}
			}
		})
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		title     string
		published string // "2006-01-02 from"
		masked    []string
		sentences int
	}{
		{"headline and body", "Talks Resume in Oman\nThe talks began on Friday. They ended.\n", "Talks Resume in Oman", "", nil, 3},
		{"byline and residue", "Talks Resume in Oman\nBy Jane Doe and John Roe\nThe talks began on Friday in the capital of Oman.\nShare this article\nAdvertisement\n",
			"Talks Resume in Oman", "", []string{"By Jane Doe and John Roe", "Share this article", "Advertisement"}, 2},
		{"dateline with date", "Talks Resume\nWASHINGTON, April 12 (Reuters) — The talks began in 2025 in Oman.\n", "Talks Resume", "2025-04-12 dateline", nil, 2},
		{"dateline with year", "Talks Resume\nLONDON, April 12, 2024 - The talks began.\n", "Talks Resume", "2024-04-12 dateline", nil, 2},
		{"dateline without date", "Talks Resume\nMUSCAT, Oman (AP) — The talks began in 2025.\n", "Talks Resume", "", nil, 2},
		{"published line", "Talks Resume\nPublished: April 11, 2025\nThe talks began on Friday in the Omani capital.\n", "Talks Resume", "2025-04-11 dateline", []string{"Published: April 11, 2025"}, 2},
		{"bom", "\ufeffTalks Resume\nThe talks began on Friday in Muscat.\n", "Talks Resume", "", []string{"\ufeff"}, 2},
		{"crlf", "Talks Resume\r\nThe talks began on Friday in Muscat.\r\n", "Talks Resume", "", nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse("a.txt", []byte(tt.in), Options{})
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("errors %v", errs)
			}
			d := docs[0]
			checkDoc(t, d, tt.title, tt.published, tt.masked, tt.sentences)
		})
	}
}

func checkDoc(t *testing.T, d *compare.Document, title, published string, masked []string, sentences int) {
	t.Helper()
	if d.Title != title {
		t.Errorf("Title = %q, want %q", d.Title, title)
	}
	got := ""
	if d.Published != nil {
		got = d.Published.Format("2006-01-02") + " " + d.PublishedFrom
	}
	if got != published {
		t.Errorf("Published = %q, want %q", got, published)
	}
	for _, m := range masked {
		i := bytes.Index(d.Text, []byte(m))
		if i < 0 {
			t.Errorf("%q not in text", m)
			continue
		}
		for j := i; j < i+len(m); j++ {
			if !d.Masked(j) {
				t.Errorf("%q not masked at %d", m, j)
				break
			}
		}
	}
	if sentences >= 0 && len(d.Sentences) != sentences {
		t.Errorf("%d sentences, want %d: %q", len(d.Sentences), sentences, render(string(d.Text), d.Sentences))
	}
}

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		title     string
		outlet    string
		published string
		masked    []string
		sentences int
		errs      []string
	}{
		{"front matter", "---\ntitle: Talks Resume\ndate: 2025-04-12\noutlet: Example News\nurl: https://example.com/a\n---\nThe talks began on [Friday](https://x.example/f). They ended.\n",
			"Talks Resume", "Example News", "2025-04-12 front-matter:date", []string{"---\ntitle", "](https://x.example/f)"}, 2, nil},
		{"publishDate wins", "---\ntitle: T\ndate: 2025-01-01\npublishDate: 2025-04-12T10:00:00Z\n---\nBody text here.\n",
			"T", "", "2025-04-12 front-matter:publishDate", nil, 1, nil},
		{"jekyll date", "---\ntitle: T\ndate: 2025-04-12 10:00:00 +0200\nsource: Wire\n---\nBody.\n", "T", "Wire", "2025-04-12 front-matter:date", nil, 1, nil},
		{"toml", "+++\ntitle = \"Talks\"\ndate = 2025-04-12\n+++\nBody.\n", "Talks", "", "2025-04-12 front-matter:date", nil, 1, nil},
		{"bad date", "---\ntitle: T\ndate: next tuesday\n---\nBody.\n", "T", "", "", nil, 1, []string{`a.md:3:7: bad date "next tuesday"`}},
		{"bad yaml", "---\ntitle: [unclosed\n---\nBody.\n", "", "", "", nil, 1, []string{"a.md: front matter: yaml: line"}},
		{"heading title", "# Talks Resume in Oman\n\nThe talks began on Friday. They ended.\n", "Talks Resume in Oman", "", "", []string{"# "}, 3, nil},
		{"setext", "Talks Resume\n============\n\nThe talks began.\n", "Talks Resume", "", "", []string{"============"}, 2, nil},
		{"code and comments", "# T\n\nProse here.\n\n```\ncode. More code.\n```\n\n<!-- a comment. -->\nMore *prose* and `code` here.\n",
			"T", "", "", []string{"```\ncode. More code.\n```", "<!-- a comment. -->", "*", "`code`"}, 3, nil},
		{"lists and quotes", "# T\n\n- First item here.\n- Second item here.\n\n> Quoted text.\n", "T", "", "", []string{"- ", "> "}, 4, nil},
		{"image and ref", "# T\n\n![alt text](img.png) Text after.\n\n[ref]: https://example.com\n", "T", "", "", []string{"![alt text](img.png)", "[ref]: https://example.com"}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse("a.md", []byte(tt.in), Options{})
			if len(docs) != 1 {
				t.Fatalf("errors %v", errs)
			}
			checkErrs(t, errs, tt.errs)
			d := docs[0]
			checkDoc(t, d, tt.title, tt.published, tt.masked, tt.sentences)
			if d.Outlet != tt.outlet {
				t.Errorf("Outlet = %q, want %q", d.Outlet, tt.outlet)
			}
			if !bytes.Equal(d.Text, []byte(tt.in)) {
				t.Errorf("Text is not the file's bytes")
			}
		})
	}
}

func checkErrs(t *testing.T, got []compare.DocError, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("errors %v, want %q", got, want)
		return
	}
	for i := range want {
		if !strings.Contains(got[i].Error(), want[i]) {
			t.Errorf("error %q, want it to contain %q", got[i].Error(), want[i])
		}
	}
}

func TestIgnores(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // "rule block covered-text"
		errs []string
	}{
		{"next paragraph", "# T\n\n<!-- crosscheck-ignore weekday-mismatch reason=\"known typo\" until=2026-12-31 -->\nThe talks began on Friday.\n\nOther text.\n",
			[]string{"weekday-mismatch false The talks began on Friday."}, nil},
		{"comma list", "# T\n\n<!-- crosscheck-ignore a,b -->\nCovered.\n",
			[]string{"a false Covered.", "b false Covered."}, nil},
		{"block", "# T\n\n<!-- crosscheck-disable all -->\nOne.\n\nTwo.\n<!-- crosscheck-enable all -->\nThree.\n",
			[]string{"all true \nOne.\n\nTwo.\n"}, nil},
		{"block to end", "# T\n\n<!-- crosscheck-disable x -->\nOne.\n", []string{"x true \nOne.\n"}, nil},
		{"front matter", "---\ntitle: T\ncrosscheck: {ignore: [date-mismatch, era]}\n---\nBody.\n",
			[]string{"date-mismatch true ", "era true "}, nil},
		{"bad until", "# T\n\n<!-- crosscheck-ignore x until=2026-13-45 -->\nBody.\n", nil, []string{"a.md:3:1: warning: malformed directive: bad until date"}},
		{"no rule", "# T\n\n<!-- crosscheck-ignore -->\nBody.\n", nil, []string{"needs a rule name"}},
		{"unknown verb", "# T\n\n<!-- crosscheck-ignroe x -->\nBody.\n", nil, []string{"unknown directive"}},
		{"enable without disable", "# T\n\n<!-- crosscheck-enable x -->\nBody.\n", nil, []string{"without a crosscheck-disable"}},
		{"unterminated quote", "# T\n\n<!-- crosscheck-ignore x reason=\"oops -->\nBody.\n", nil, []string{"unterminated quote"}},
		{"other comment", "# T\n\n<!-- just a note -->\nBody.\n", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse("a.md", []byte(tt.in), Options{})
			if len(docs) != 1 {
				t.Fatalf("errors %v", errs)
			}
			checkErrs(t, errs, tt.errs)
			d := docs[0]
			var got []string
			for _, ig := range d.Ignores {
				cov := d.Slice(ig.Span)
				if ig.Span.End == len(d.Text) && ig.Span.Start == 0 {
					cov = ""
				}
				got = append(got, fmt.Sprintf("%s %v %s", ig.Rule, ig.Block, cov))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("ignores %q, want %q", got, tt.want)
			}
			for _, e := range errs {
				if !IsWarning(e) {
					t.Errorf("%v should be a warning", e)
				}
			}
		})
	}
}

// TestLedeAfterRepeatedTitle: a JSONL record whose text repeats its title
// has its lede in the first prose paragraph, even when the next paragraph
// is a sentence full of capitalised names; a real standfirst still joins
// the headline block.
func TestLedeAfterRepeatedTitle(t *testing.T) {
	tests := []struct {
		name, text, ledePrefix string
	}{
		{"names-heavy second paragraph",
			"Al-Sabah and Payne Hold Talks in Manama\n\nKuwait and Australia held a second round of negotiations over fisheries in Manama on Friday, officials said.\n\nKuwaiti Foreign Minister Ahmad Nasser Al-Mohammed Al-Sabah Led the Delegation From Kuwait City, While Australia Sent Foreign Minister Marise Payne.\n\nOfficials described fisheries as a priority.",
			"Kuwait and Australia held"},
		{"title-cased short dek before a headline",
			"Talks in Manama\n\nA Second Round Begins.\n\nKuwait and Australia held a second round of negotiations over fisheries in Manama on Friday, officials said.",
			"Kuwait and Australia held"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line := fmt.Sprintf(`{"id":"a","title":%q,"text":%q}`, strings.SplitN(tt.text, "\n", 2)[0], tt.text)
			d, errs := ParseRecord("x.jsonl", 1, []byte(line))
			if len(errs) > 0 || d == nil {
				t.Fatalf("ParseRecord: %v", errs)
			}
			for _, s := range d.Sections {
				if s.Segment == compare.SegLede {
					if lede := d.Slice(s.Span); !strings.HasPrefix(lede, tt.ledePrefix) {
						t.Errorf("lede = %q, want prefix %q", clip(lede), tt.ledePrefix)
					}
					return
				}
			}
			t.Errorf("no lede in %v", d.Sections)
		})
	}
}
