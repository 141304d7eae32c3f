package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/crosscheck/crosscheck/compare"
)

// maxHTMLDepth guards readability, which recurses over the tree: deeper
// pages (x/net/html itself refuses 512 open elements) are read with the
// streaming tokenizer instead.
const maxHTMLDepth = 400

// parseHTML loads an HTML page. Text is the extracted article text (the
// title, then paragraphs separated by "\n\n", entities decoded), and
// Source maps a Text offset back to file:line:col in the page.
func parseHTML(path string, data []byte) (*compare.Document, []compare.DocError) {
	pg := scanHTML(data)
	var errs []compare.DocError
	tb := &textBuilder{orig: pg.orig}
	var art readability.Article
	ok := false
	if pg.maxDepth <= maxHTMLDepth {
		art, ok = runReadability(data, pg.baseURL())
	}
	title := ""
	if ok {
		title = strings.Join(strings.Fields(art.Title()), " ")
	}
	if title == "" || !pg.confirmsTitle(title) {
		if best := pg.bestTitle(); best != "" {
			title = best
		}
	}
	if title != "" {
		tb.startPara(true)
		tb.emit(title, pg.titleOffset(title))
	}
	if ok && art.Node != nil {
		var items []item
		collect(art.Node, 0, false, &items)
		tb.emitItems(items)
	}
	if !ok || !tb.hasBody() {
		// Readability failed or found nothing: take the page's visible text.
		tb = &textBuilder{orig: pg.orig}
		if title != "" {
			tb.startPara(true)
			tb.emit(title, pg.titleOffset(title))
		}
		for _, r := range pg.runs {
			if r.block {
				tb.startPara(r.heading)
			}
			if r.text != "" {
				tb.emit(r.text, r.orig)
			}
		}
	}
	tb.endPara()
	if !tb.hasBody() {
		return nil, []compare.DocError{errf(path, "no article text found in the HTML")}
	}
	d := newDoc(path, tb.out)
	d.Title = title
	d.URL = pg.canonical()
	d.Outlet = pg.meta["og:site_name"]
	if ok && d.Outlet == "" {
		d.Outlet = strings.TrimSpace(art.SiteName())
	}
	if d.Outlet == "" {
		d.Outlet = pg.ldPublisher
	}
	if t, from := pg.published(); t != nil {
		d.Published, d.PublishedFrom = t, from
	}
	d.Source = htmlSource(path, data, tb.cks, pg.toRaw)
	pub, _ := maskResidue(d)
	if t, ok := parseDate(pub); ok && d.Published == nil {
		d.Published, d.PublishedFrom = timePtr(t), "dateline"
	}
	structure(d, tb.paras, title, title != "")
	setDateline(d)

	// Inline suppressions: a comment covers what follows it in the page.
	comments := make([]comment, 0, len(pg.comments))
	for _, c := range pg.comments {
		off := tb.textAtRaw(c.rawEnd, pg.toRaw)
		line, col := lineCol(data, c.rawStart)
		comments = append(comments, comment{at: compare.Span{Start: off, End: off}, from: off, body: c.body,
			pos: fmt.Sprintf("%s:%d:%d", path, line, col)})
	}
	ign, ierrs := directivesToIgnores(comments, len(d.Text), nextParaFunc(tb.paras))
	d.Ignores = ign
	errs = append(errs, ierrs...)
	finish(d, isWrapped(d.Text))
	return d, errs
}

// runReadability runs the extractor, turning a panic inside the library
// into a failure so the tokenizer fallback takes over.
func runReadability(data []byte, base *url.URL) (art readability.Article, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	p := readability.NewParser()
	art, err := p.Parse(bytes.NewReader(data), base)
	return art, err == nil
}

// htmlSource maps a Text offset to the page: text → decoded page text
// (cks) → raw bytes (toRaw) → line and column.
func htmlSource(path string, data []byte, cks []checkpoint, toRaw []checkpoint) func(int) (string, int, int) {
	var lineStarts []int
	return func(off int) (string, int, int) {
		if lineStarts == nil {
			lineStarts = append(lineStarts, 0)
			for i, b := range data {
				if b == '\n' {
					lineStarts = append(lineStarts, i+1)
				}
			}
		}
		raw := mapThrough(toRaw, mapThrough(cks, off))
		raw = min(max(raw, 0), len(data))
		l := sort.Search(len(lineStarts), func(i int) bool { return lineStarts[i] > raw }) - 1
		return path, l + 1, runeCount(data[lineStarts[l]:raw]) + 1
	}
}

// mapThrough maps an offset through sorted checkpoints (dec → raw).
func mapThrough(cks []checkpoint, off int) int {
	i := sort.Search(len(cks), func(i int) bool { return cks[i].dec > off }) - 1
	if i < 0 {
		return off
	}
	return cks[i].raw + (off - cks[i].dec)
}

// textBuilder writes extracted text, collapsing white space and keeping a
// checkpoint wherever the mapping to the page's decoded text jumps.
type textBuilder struct {
	orig    string // the page's decoded text, to find runs in
	cursor  int    // where the next run is looked for in orig
	out     []byte
	cks     []checkpoint // dec = Text offset, raw = offset in orig
	paras   []para
	open    bool // a paragraph is open
	heading bool
	caption bool // the open paragraph is a figure caption
	space   bool // a space is pending
	paraOrg int  // orig offset of the open paragraph, for runs not found
}

func (t *textBuilder) hasBody() bool {
	for _, p := range t.paras {
		if !p.heading {
			return true
		}
	}
	return t.open && !t.heading
}

func (t *textBuilder) startPara(heading bool) {
	t.endPara()
	t.heading = heading
}

func (t *textBuilder) endPara() {
	if t.open {
		start := len(t.out)
		for start > 0 && t.out[start-1] != '\n' {
			start--
		}
		t.paras = append(t.paras, para{span: compare.Span{Start: start, End: len(t.out)}, heading: t.heading, caption: t.caption})
	}
	t.open, t.space, t.heading, t.caption = false, false, false, false
}

// emit appends a run of text; orig is its offset in the page's decoded
// text, or -1 when unknown.
func (t *textBuilder) emit(s string, orig int) {
	if orig < 0 {
		orig = t.paraOrg
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			if t.open {
				t.space = true
			}
			continue
		}
		if !t.open {
			if len(t.out) > 0 {
				t.out = append(t.out, '\n', '\n')
			}
			t.open = true
			t.paraOrg = orig + i
		} else if t.space {
			t.out = append(t.out, ' ')
		}
		t.space = false
		want := orig + i
		if n := len(t.cks); n == 0 || t.cks[n-1].raw+(len(t.out)-t.cks[n-1].dec) != want {
			t.cks = append(t.cks, checkpoint{dec: len(t.out), raw: want})
		}
		t.out = append(t.out, c)
	}
}

// find locates text in the page's decoded text, from the cursor on
// (readability keeps document order), else anywhere; -1 when absent.
func (t *textBuilder) find(s string) int {
	lead := len(s) - len(strings.TrimLeft(s, " \t\n\r\f"))
	s = strings.TrimSpace(s)
	if s == "" {
		return -1
	}
	if i := strings.Index(t.orig[t.cursor:], s); i >= 0 {
		return t.cursor + i - lead
	}
	if i := strings.Index(t.orig, s); i >= 0 {
		return i - lead
	}
	return -1
}

// prefix returns the first n bytes of s after leading space, cut at a
// rune boundary, with the leading space kept so offsets line up.
func prefix(s string, n int) string {
	lead := len(s) - len(strings.TrimLeft(s, " \t\n\r\f"))
	end := min(lead+n, len(s))
	for end > lead && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end]
}

// blockTags start a new paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Section: true, atom.Article: true,
	atom.Td: true, atom.Th: true, atom.Tr: true, atom.Figcaption: true, atom.Figure: true, atom.Dd: true,
	atom.Dt: true, atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Br: true, atom.Hr: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Main: true, atom.Address: true, atom.Dl: true, atom.Caption: true,
}

// skipTags hold no prose.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Math: true, atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Iframe: true,
	atom.Object: true, atom.Video: true, atom.Audio: true, atom.Canvas: true, atom.Head: true, atom.Title: true,
}

func isHeading(a atom.Atom) bool {
	return a == atom.H1 || a == atom.H2 || a == atom.H3 || a == atom.H4 || a == atom.H5 || a == atom.H6
}

// item is a text run or a paragraph break of the article tree.
type item struct {
	text    string
	brk     bool // a block starts or ends here
	heading bool // the block that starts is a heading
	caption bool // the text is inside a figure (a caption, a credit)
}

// collect lists the text runs and block breaks of readability's article
// tree in document order; depth is bounded by the guard on the page
// before readability ran.
func collect(n *html.Node, depth int, caption bool, items *[]item) {
	if depth > maxHTMLDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		*items = append(*items, item{text: n.Data})
		return
	case html.ElementNode:
		if skipTags[n.DataAtom] {
			return
		}
		caption = caption || n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		*items = append(*items, item{brk: true, heading: isHeading(n.DataAtom), caption: caption})
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collect(c, depth+1, caption, items)
	}
	if block {
		*items = append(*items, item{brk: true, caption: caption})
	}
}

// emitItems writes the runs, locating each in the page's text. A short
// run ("W" of a drop cap) is looked for together with the runs after it,
// so it is not matched to the first "W" of the page.
func (t *textBuilder) emitItems(items []item) {
	for k, it := range items {
		if it.brk {
			t.startPara(it.heading)
			t.caption = it.caption
			continue
		}
		key := it.text
		for j := k + 1; j < len(items) && len(strings.TrimSpace(key)) < 32; j++ {
			if !items[j].brk {
				key += items[j].text
			}
		}
		off := t.find(key)
		if off < 0 && len(strings.TrimSpace(it.text)) >= 16 {
			off = t.find(it.text)
		}
		if off < 0 && len(strings.TrimSpace(it.text)) >= 24 {
			// Readability changed something inside the run (a soft
			// hyphen, an entity): its first words still place it.
			off = t.find(prefix(it.text, 20))
		}
		switch {
		case off >= 0:
			t.cursor = max(t.cursor, min(off+len(strings.TrimRight(it.text, " \t\n\r\f")), len(t.orig)))
		case strings.TrimSpace(it.text) != "":
			// Not found (readability changed the text): the end of the
			// last run found is at most a paragraph away.
			off = t.cursor
		}
		t.emit(it.text, off)
	}
}

// textAtRaw returns the Text offset of the first extracted byte at or
// after a raw page offset (the end of a comment), or the end of Text.
func (t *textBuilder) textAtRaw(raw int, toRaw []checkpoint) int {
	for _, ck := range t.cks {
		if mapThrough(toRaw, ck.raw) >= raw {
			return ck.dec
		}
	}
	return len(t.out)
}

// page is what one tokenizer pass over the raw HTML finds.
type page struct {
	orig        string       // decoded visible text, concatenated
	toRaw       []checkpoint // orig offset → raw offset
	runs        []textRun    // for the fallback extraction
	maxDepth    int
	meta        map[string]string // lower-cased property/name/itemprop → content (first wins)
	titleTag    string
	titleOrig   int
	h1          string
	h1Orig      int
	timeAttr    string
	ldDate      string
	ldHeadline  string
	ldPublisher string
	canonURL    string
	comments    []rawComment
}

type textRun struct {
	text           string
	orig           int
	block, heading bool
}

type rawComment struct {
	rawStart, rawEnd int
	body             string
}

// voidTags never have an end tag.
var voidTags = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true,
	atom.Wbr: true, atom.Param: true,
}

// scanHTML makes one streaming pass: the decoded text with its raw
// offsets, metadata, comments and the nesting depth. It never recurses,
// so any depth is safe.
func scanHTML(data []byte) *page {
	pg := &page{meta: map[string]string{}, titleOrig: -1, h1Orig: -1}
	var orig strings.Builder
	z := html.NewTokenizer(bytes.NewReader(data))
	pos := 0
	depth := 0
	skip := 0 // inside script/style/… (raw text)
	inTitle, inH1, inLD := false, false, false
	var ld strings.Builder
	block, heading := true, false
	for {
		tt := z.Next()
		raw := z.Raw()
		start := pos
		pos += len(raw)
		switch tt {
		case html.ErrorToken:
			pg.orig = orig.String()
			return pg
		case html.CommentToken:
			pg.comments = append(pg.comments, rawComment{rawStart: start, rawEnd: pos, body: string(z.Text())})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			if tt == html.StartTagToken && !voidTags[a] {
				depth++
				pg.maxDepth = max(pg.maxDepth, depth)
			}
			switch a {
			case atom.Meta:
				pg.addMeta(attrs)
			case atom.Link:
				if strings.EqualFold(attrs["rel"], "canonical") && pg.canonURL == "" {
					pg.canonURL = attrs["href"]
				}
			case atom.Time:
				if v := attrs["datetime"]; v != "" && (pg.timeAttr == "" || attrs["itemprop"] == "datePublished" || hasKey(attrs, "pubdate")) {
					pg.timeAttr = v
				}
			case atom.Title:
				// Only the document's title: SVG icons have <title>s too.
				inTitle = tt == html.StartTagToken && pg.titleOrig < 0
			case atom.H1:
				inH1 = tt == html.StartTagToken && pg.h1 == ""
			case atom.Script:
				if strings.Contains(strings.ToLower(attrs["type"]), "ld+json") && tt == html.StartTagToken {
					inLD = true
					ld.Reset()
				}
			}
			if skipTags[a] && a != atom.Title && a != atom.Head && tt == html.StartTagToken {
				skip++
			}
			if blockTags[a] {
				block, heading = true, isHeading(a)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if !voidTags[a] && depth > 0 {
				depth--
			}
			switch a {
			case atom.Title:
				inTitle = false
			case atom.H1:
				inH1 = false
			case atom.Script:
				if inLD {
					inLD = false
					pg.readJSONLD(ld.String())
				}
			}
			if skipTags[a] && a != atom.Title && a != atom.Head && skip > 0 {
				skip--
			}
			if blockTags[a] {
				block, heading = true, false
			}
		case html.TextToken:
			if inLD {
				ld.Write(raw)
				continue
			}
			if skip > 0 {
				continue
			}
			o := orig.Len()
			text := decodeText(raw, start, o, &pg.toRaw)
			orig.WriteString(text)
			switch {
			case inTitle:
				pg.titleTag += text
				if pg.titleOrig < 0 {
					pg.titleOrig = o
				}
				continue
			case inH1:
				pg.h1 += text
				if pg.h1Orig < 0 {
					pg.h1Orig = o
				}
			}
			pg.runs = append(pg.runs, textRun{text: text, orig: o, block: block, heading: heading})
			block = false
		}
	}
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

// decodeText decodes entities and CR LF in a raw text token, adding a
// checkpoint (orig offset → raw offset) at the token and after every
// change in length.
func decodeText(raw []byte, rawStart, origStart int, cks *[]checkpoint) string {
	*cks = append(*cks, checkpoint{dec: origStart, raw: rawStart})
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 && bytes.IndexByte(raw, 0) < 0 {
		return string(raw)
	}
	var b strings.Builder
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '&':
			j := i + 1
			for j < len(raw) && j-i < 40 && raw[j] != ';' && raw[j] != '&' && raw[j] != ' ' && raw[j] != '<' {
				j++
			}
			if j < len(raw) && raw[j] == ';' {
				j++
			}
			dec := html.UnescapeString(string(raw[i:j]))
			b.WriteString(dec)
			i = j
			*cks = append(*cks, checkpoint{dec: origStart + b.Len(), raw: rawStart + i})
		case c == '\r':
			b.WriteByte('\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
			*cks = append(*cks, checkpoint{dec: origStart + b.Len(), raw: rawStart + i})
		case c == 0:
			b.WriteString("\uFFFD")
			i++
			*cks = append(*cks, checkpoint{dec: origStart + b.Len(), raw: rawStart + i})
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func (pg *page) addMeta(attrs map[string]string) {
	content, ok := attrs["content"]
	if !ok {
		return
	}
	for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
		if key := strings.ToLower(strings.TrimSpace(attrs[k])); key != "" {
			if _, seen := pg.meta[key]; !seen {
				pg.meta[key] = strings.TrimSpace(html.UnescapeString(content))
			}
		}
	}
}

// readJSONLD takes datePublished, headline and publisher from the first
// article-like object of a JSON-LD block (arrays and @graph included).
func (pg *page) readJSONLD(s string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(s)), &v) != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if d, ok := x["datePublished"].(string); ok && pg.ldDate == "" {
				pg.ldDate = d
			}
			if h, ok := x["headline"].(string); ok && pg.ldHeadline == "" {
				pg.ldHeadline = h
			}
			if p, ok := x["publisher"].(map[string]any); ok && pg.ldPublisher == "" {
				if n, ok := p["name"].(string); ok {
					pg.ldPublisher = strings.TrimSpace(n)
				}
			}
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if m, ok := x["mainEntity"]; ok {
				visit(m, depth+1)
			}
		}
	}
	visit(v, 0)
}

// otherDateMeta are meta keys that carry a publication date, after
// article:published_time, JSON-LD and <time>.
var otherDateMeta = []string{
	"og:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
	"dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "dcterms.issued", "sailthru.date",
	"parsely-pub-date", "article.published", "published_time", "article_date_original", "displaydate",
	"og:pubdate", "citation_publication_date", "cxenseparse:recs:publishtime", "originalpublicationdate",
	"release_date", "dc.date.created", "last-modified",
}

// published picks the publication date: article:published_time, then
// JSON-LD datePublished, then <time datetime>, then other meta tags.
func (pg *page) published() (*time.Time, string) {
	try := func(s, from string) (*time.Time, string) {
		if t, ok := parseHTMLDate(s); ok {
			return &t, from
		}
		return nil, ""
	}
	if t, from := try(pg.meta["article:published_time"], "html:meta"); t != nil {
		return t, from
	}
	if t, from := try(pg.ldDate, "json-ld"); t != nil {
		return t, from
	}
	if t, from := try(pg.timeAttr, "html:time"); t != nil {
		return t, from
	}
	for _, k := range otherDateMeta {
		if t, from := try(pg.meta[k], "html:meta"); t != nil {
			return t, from
		}
	}
	return nil, ""
}

// parseHTMLDate accepts the forms pages use beyond parseDate's: a
// trailing zone name, a Unix time in seconds or milliseconds.
func parseHTMLDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if t, ok := parseDate(s); ok {
		return t, true
	}
	for _, l := range []string{"2006-01-02T15:04:05.000-0700", "2006-01-02T15:04:05-0700", "2006-01-02T15:04:05.000Z", "Mon Jan 02 2006 15:04:05 GMT-0700", "01/02/2006 15:04:05", "01/02/2006"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	if t, ok := parseDate(strings.SplitN(s, "T", 2)[0]); ok && len(s) >= 10 {
		return t, true
	}
	return time.Time{}, false
}

func (pg *page) baseURL() *url.URL {
	if u, err := url.Parse(pg.canonical()); err == nil && u.IsAbs() {
		return u
	}
	return nil
}

func (pg *page) canonical() string {
	if pg.canonURL != "" {
		return strings.TrimSpace(pg.canonURL)
	}
	return pg.meta["og:url"]
}

// bestTitle is the title without readability: og:title, the first h1,
// the JSON-LD headline (CMSs fill it with odd values), the <title>.
func (pg *page) bestTitle() string {
	for _, s := range []string{pg.meta["og:title"], pg.h1, pg.ldHeadline, pg.titleTag} {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			return s
		}
	}
	return ""
}

// confirmsTitle reports whether the page's own title fields agree with a
// title readability chose (it sometimes picks a CMS name).
func (pg *page) confirmsTitle(title string) bool {
	t := normLine(title)
	for _, s := range []string{pg.meta["og:title"], pg.h1, pg.titleTag, pg.meta["twitter:title"]} {
		if n := normLine(s); n != "" && (strings.Contains(n, t) || strings.Contains(t, n)) {
			return true
		}
	}
	return pg.meta["og:title"] == "" && pg.h1 == "" && pg.titleTag == ""
}

// titleOffset finds where the title stands in the page: the h1 when it
// holds the title, else the first occurrence in the visible text, else
// the <title>.
func (pg *page) titleOffset(title string) int {
	if pg.h1Orig >= 0 && sameText([]byte(pg.h1), []byte(title)) {
		return pg.h1Orig + len(pg.h1) - len(strings.TrimLeft(pg.h1, " \t\n\r\f"))
	}
	if i := strings.Index(pg.orig, title); i >= 0 {
		return i
	}
	if pg.titleOrig >= 0 {
		return pg.titleOrig
	}
	return 0
}
