package source

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// TestHTMLRealPages checks title, date, body text and the mapping of text
// offsets back to the page on real news pages (testdata/source/html).
func TestHTMLRealPages(t *testing.T) {
	tests := []struct {
		file      string
		title     string
		published string // "2006-01-02 from"
		outlet    string
		phrase    string // must be in Text, mapped to the page where it stands
		absent    string // page furniture that must not be in Text
	}{
		{"readability/ars-1.html", "Just-released Minecraft exploit makes it easy to crash game servers", "2015-04-16 html:time", "Ars Technica",
			"A flaw in the wildly popular online game", "Ars Technica UK"},
		{"readability/bbc-1.html", "Obama admits US gun laws are his 'biggest frustration'", "2015-07-24 json-ld", "BBC News",
			"President Barack Obama has admitted", "Share this page"},
		{"readability/nytimes-1.html", "United States to Lift Sudan Sanctions", "2017-01-13 html:time", "",
			"After nearly 20 years of hostile relations", "Advertisement"},
		{"readability/wapo-2.html", "Where do strained U.S.-Israeli relations go after Netanyahu’s victory?", "", "Washington Post",
			"Aside from Russian President", "Sign in"},
		{"go-trafilatura/politico.com.retirement.html", "Mark Meadows accused of timing retirement to help elect wife’s friend", "2019-12-30 json-ld", "POLITICO",
			"Mark Meadows", "Related stories"},
		{"go-trafilatura/cbsnews.com.carolina.html", "Black voters in South Carolina are crucial for Democratic candidates", "2020-02-24 json-ld", "",
			"South Carolina", "Sign up for"},
		{"go-trafilatura/bbc.com.52241221.html", "New York ramps up mass burials amid virus outbreak", "2020-04-10 json-ld", "",
			"The daily rise in coronavirus deaths announced", "Top Stories"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			path := filepath.Join("../../testdata/source/html", tt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			docs, errs := Parse(path, data, Options{})
			if len(docs) != 1 {
				t.Fatalf("errors %v", errs)
			}
			d := docs[0]
			checkDoc(t, d, tt.title, tt.published, nil, -1)
			if tt.outlet != "" && d.Outlet != tt.outlet {
				t.Errorf("Outlet = %q, want %q", d.Outlet, tt.outlet)
			}
			if !bytes.HasPrefix(d.Text, []byte(tt.title)) {
				t.Errorf("Text does not open with the title: %q", clip(string(d.Text)))
			}
			if bytes.Contains(d.Text, []byte(tt.absent)) {
				t.Errorf("Text holds page furniture %q", tt.absent)
			}
			i := bytes.Index(d.Text, []byte(tt.phrase))
			if i < 0 {
				t.Fatalf("%q not in Text", tt.phrase)
			}
			p, line, col := d.Source(i)
			if p != path {
				t.Errorf("Source path %q", p)
			}
			lines := strings.Split(string(data), "\n")
			if line < 1 || line > len(lines) {
				t.Fatalf("Source line %d out of range", line)
			}
			rs := []rune(lines[line-1])
			if col < 1 || col > len(rs) || !strings.HasPrefix(string(rs[col-1:]), firstWord(tt.phrase)) {
				t.Errorf("Source(%q) = %d:%d, which holds %q", tt.phrase, line, col, clip(string(rs[min(col-1, len(rs)):])))
			}
			if len(d.Sections) < 2 || d.Sections[0].Segment != compare.SegHeadline {
				t.Errorf("sections %v", d.Sections)
			}
			if len(d.Sentences) < 5 {
				t.Errorf("%d sentences", len(d.Sentences))
			}
		})
	}
}

func firstWord(s string) string { w, _, _ := strings.Cut(s, " "); return w }

func TestParseHTML(t *testing.T) {
	long := strings.Repeat("The talks in Muscat went on for hours and the delegations met twice. ", 12)
	tests := []struct {
		name      string
		in        string
		title     string
		published string
		contains  []string
		errs      []string
		ignores   []string
	}{
		{"meta first", `<html><head><meta property="article:published_time" content="2025-04-12T09:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-01-01"}</script></head>
<body><article><h1>Talks Resume</h1><p>` + long + `</p></article></body></html>`, "Talks Resume", "2025-04-12 html:meta", []string{"The talks in Muscat"}, nil, nil},
		{"json-ld graph", `<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-04-11T10:00:00+02:00","headline":"H"}]}</script></head>
<body><article><p>` + long + `</p></article></body></html>`, "", "2025-04-11 json-ld", nil, nil, nil},
		{"time element", `<html><body><article><h1>Talks</h1><time datetime="2025-04-10">April 10</time><p>` + long + `</p></article></body></html>`,
			"Talks", "2025-04-10 html:time", nil, nil, nil},
		{"other meta", `<html><head><meta name="pubdate" content="2025-04-09"></head><body><article><h1>Talks</h1><p>` + long + `</p></article></body></html>`,
			"Talks", "2025-04-09 html:meta", nil, nil, nil},
		{"entities", `<html><body><article><h1>Q&amp;A</h1><p>Tom &amp; Jerry said &ldquo;yes&rdquo; &#8212; twice. ` + long + `</p></article></body></html>`,
			"Q&A", "", []string{"Tom & Jerry said “yes” — twice."}, nil, nil},
		{"short page fallback", `<html><body><p>Only a short note here.</p></body></html>`, "", "", []string{"Only a short note here."}, nil, nil},
		{"no text", `<html><body><script>var x = 1;</script></body></html>`, "", "", nil, []string{"a.html: no article text found in the HTML"}, nil},
		{"ignore comment", `<html><body><article><h1>Talks</h1><p>` + long + `</p><!-- crosscheck-ignore weekday-mismatch reason="typo" --><p>The talks began on Friday in Muscat, officials said, and lasted many hours.</p><p>` + long + `</p></article></body></html>`,
			"Talks", "", nil, nil, []string{"weekday-mismatch The talks began on Friday in Muscat, officials said, and lasted many hours."}},
		{"bad directive", `<html><body><article><h1>Talks</h1><!-- crosscheck-ignore x until=tomorrow --><p>` + long + `</p></article></body></html>`,
			"Talks", "", nil, []string{"a.html:1:36: warning: malformed directive: bad until date"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse("a.html", []byte(tt.in), Options{})
			checkErrs(t, errs, tt.errs)
			if len(docs) == 0 {
				if tt.errs == nil {
					t.Fatalf("no document")
				}
				return
			}
			d := docs[0]
			if tt.title != "" && d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			checkDoc(t, d, d.Title, tt.published, nil, -1)
			for _, c := range tt.contains {
				if !bytes.Contains(d.Text, []byte(c)) {
					t.Errorf("Text lacks %q: %q", c, clip(string(d.Text)))
				}
			}
			var ign []string
			for _, ig := range d.Ignores {
				ign = append(ign, ig.Rule+" "+d.Slice(ig.Span))
			}
			if strings.Join(ign, "|") != strings.Join(tt.ignores, "|") {
				t.Errorf("ignores %q, want %q", ign, tt.ignores)
			}
		})
	}
}

// TestHTMLDeepNesting: 100,000 nested elements must neither crash nor
// hang; the tokenizer fallback still finds the text.
func TestHTMLDeepNesting(t *testing.T) {
	const n = 100000
	var b bytes.Buffer
	b.WriteString("<html><body>")
	for range n {
		b.WriteString("<div>")
	}
	b.WriteString("Deep text survives here.")
	for range n {
		b.WriteString("</div>")
	}
	b.WriteString("</body></html>")
	docs, errs := Parse("deep.html", b.Bytes(), Options{})
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("errors %v", errs)
	}
	if got := string(docs[0].Text); got != "Deep text survives here." {
		t.Errorf("Text = %q", got)
	}
	_, line, col := docs[0].Source(0)
	if line != 1 || col != 13+5*n {
		t.Errorf("Source(0) = %d:%d", line, col)
	}
}

func FuzzParseHTML(f *testing.F) {
	for _, s := range []string{
		`<html><head><title>T</title></head><body><article><h1>T</h1><p>Body &amp; more. Next one.</p></article></body></html>`,
		`<p>x<!-- crosscheck-disable all --><div><span>W</span>ord</div><!-- crosscheck-enable all -->`,
		"<script type=\"application/ld+json\">{\"datePublished\":\"2025\"}</script><time datetime=x>",
		"\r\n<p>a&#x0;b&amp</p>\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkInvariants(t, "f.html", data) })
}
