package reports

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/crosscheck/crosscheck/compare"
)

// checkHTMLDOM asserts on a parsed report page: every claim of every
// finding is inside a <mark> naming the finding and linking to it, every
// finding has its element, the timeline has a bar per document era and
// kb term and a marker per reference time, and nothing refers to a
// resource outside the page.
func checkHTMLDOM(t *testing.T, r *compare.Report, page []byte) {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	attr := func(n *html.Node, key string) string {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val
			}
		}
		return ""
	}
	text := func(n *html.Node) string {
		var b strings.Builder
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.TextNode {
				b.WriteString(n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(n)
		return b.String()
	}
	marked := map[string]string{} // finding ID → text of its marks, concatenated
	ids := map[string]bool{}
	var bars, refs, articles int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if id := attr(n, "id"); id != "" {
				ids[id] = true
			}
			for _, key := range []string{"src", "href", "xlink:href", "action", "poster", "data"} {
				if v := attr(n, key); v != "" && !strings.HasPrefix(v, "#") {
					t.Errorf("<%s %s=%q>: the page must not refer outside itself", n.Data, key, v)
				}
			}
			switch {
			case n.Data == "mark":
				fs := strings.Fields(attr(n, "data-finding"))
				if len(fs) == 0 {
					t.Errorf("<mark> without data-finding: %q", text(n))
				}
				a := n.FirstChild
				if a == nil || a.Data != "a" || attr(a, "href") != "#"+fs[0] {
					t.Errorf("<mark data-finding=%q> does not link to its finding", attr(n, "data-finding"))
				}
				for _, f := range fs {
					marked[f] += text(n) + "\x00"
				}
			case n.Data == "rect" && strings.Contains(attr(n, "class"), "bar"):
				bars++
			case n.Data == "path" && attr(n, "class") == "ref":
				refs++
			case n.Data == "article":
				articles++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if articles != len(r.Documents) {
		t.Errorf("%d articles, want %d", articles, len(r.Documents))
	}
	for _, f := range r.Findings {
		if !ids[f.ID] {
			t.Errorf("no element for finding %s", f.ID)
		}
		for i, c := range f.Claims {
			if !strings.Contains(marked[f.ID], c.Text) && !strings.Contains(strings.ReplaceAll(marked[f.ID], "\x00", ""), c.Text) {
				t.Errorf("%s: claim %q is not highlighted (marks: %q)", f.ID, c.Text, marked[f.ID])
			}
			if !ids[claimAnchor(f, i)] {
				t.Errorf("%s: no anchor for claim %d", f.ID, i)
			}
		}
	}
	terms := 0
	seen := map[string]bool{}
	for _, f := range r.Findings {
		for _, e := range f.Evidence {
			k := e.Person + e.Office + date(e.From) + date(e.To)
			if (e.From != nil || e.To != nil) && !seen[k] {
				seen[k] = true
				terms++
			}
		}
	}
	if want := len(r.Eras) + terms; bars != want {
		t.Errorf("timeline has %d bars, want %d (eras and kb terms)", bars, want)
	}
	if refs != len(r.Documents) {
		t.Errorf("timeline has %d reference-time markers, want %d", refs, len(r.Documents))
	}
}

func TestHTMLStatic(t *testing.T) {
	r := testReport(t)
	page := render(t, "html", Options{})
	checkHTMLDOM(t, r, page)
	if bytes.Contains(page, []byte("<script>&")) {
		t.Error("document text is not escaped")
	}
	if regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*(https?:)?//`).Match(page) || bytes.Contains(page, []byte("url(")) || bytes.Contains(page, []byte("@import")) {
		t.Error("the page refers to an external resource")
	}
}

// chromium finds a headless Chromium. When there is none, the test is
// skipped on a developer machine but fails in CI (CI set), where the
// browser is installed on purpose.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium not found, and CI is set: install it (apt-get install -y chromium)")
	}
	t.Skip("chromium not found: the HTML report is not rendered in a browser (apt-get install -y chromium)")
	return ""
}

// runChromium runs a headless Chromium on a local file with networking
// off and returns its standard output.
func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--no-first-run", "--disable-extensions", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			t.Fatalf("chromium timed out: %s", stderr.String())
		}
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return out
}

// TestHTMLInChromium renders the report in a real browser: the DOM after
// parsing and scripts (--dump-dom) must still hold the highlighted claims
// and the timeline, and a screenshot must come out.
func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	r := testReport(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, render(t, "html", Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(page)
	dom := runChromium(t, bin, "--dump-dom", url)
	if !bytes.Contains(dom, []byte("<svg")) || !bytes.Contains(dom, []byte("<mark")) {
		t.Fatalf("the rendered DOM lacks the timeline or the highlights:\n%.2000s", dom)
	}
	checkHTMLDOM(t, r, dom)

	shot := filepath.Join(dir, "shot.png")
	runChromium(t, bin, "--hide-scrollbars", "--window-size=1400,1200", "--screenshot="+shot, url)
	png, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if len(png) < 10_000 || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("screenshot is not a PNG of a rendered page (%d bytes)", len(png))
	}
}
