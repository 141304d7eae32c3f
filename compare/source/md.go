package source

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck/crosscheck/compare"
)

// parseMarkdown loads a Markdown article. Text stays the file's bytes;
// front matter, comments, code, link targets and markup marks are masked.
func parseMarkdown(path string, data []byte) (*compare.Document, []compare.DocError) {
	d := newDoc(path, data)
	maskBOM(d)
	var errs []compare.DocError
	fm := frontMatter(data)
	meta := mdMeta{}
	if fm.end > 0 {
		d.Mask = append(d.Mask, compare.Span{Start: 0, End: fm.end})
		meta, errs = decodeFrontMatter(path, data, fm)
	}
	mm := maskMarkdown(data, fm.end)
	d.Mask = append(d.Mask, mm.mask...)
	d.Mask = normalizeSpans(d.Mask)
	d.Title, d.Outlet, d.URL, d.Story = meta.title, meta.outlet, meta.url, meta.story
	if meta.published != nil {
		d.Published, d.PublishedFrom = meta.published, meta.publishedFrom
	}
	pub, _ := maskResidue(d)
	if t, ok := parseDate(pub); ok && d.Published == nil {
		d.Published, d.PublishedFrom = timePtr(t), "dateline"
	}
	wrapped := isWrapped(d.Text)
	// The paragraphs outlive this call (nextParaFunc keeps them): gather
	// them on the stack and keep one exact copy.
	var pbuf [32]para
	paras := slices.Clone(paragraphs(pbuf[:0], d.Text, d.Mask, func(off int) bool { return mm.headings[off] }, wrapped))
	structure(d, paras, meta.title, false)
	setDateline(d)

	// Front matter ignores cover the whole document.
	for _, r := range meta.ignore {
		d.Ignores = append(d.Ignores, compare.Ignore{Rule: r.rule, Span: compare.Span{Start: 0, End: len(data)}, At: r.at, Block: true})
	}
	ign, ierrs := directivesToIgnores(withPos(path, data, mm.comments), len(data), nextParaFunc(paras))
	d.Ignores = append(d.Ignores, ign...)
	errs = append(errs, ierrs...)
	finish(d, wrapped)
	return d, errs
}

// withPos names each comment's file:line:col for messages.
func withPos(path string, text []byte, cs []comment) []comment {
	for i := range cs {
		line, col := lineCol(text, cs[i].at.Start)
		cs[i].pos = fmt.Sprintf("%s:%d:%d", path, line, col)
	}
	return cs
}

// lineCol is a one-off 1-based line and code-point column.
func lineCol(text []byte, off int) (int, int) {
	off = min(max(off, 0), len(text))
	line := bytes.Count(text[:off], []byte("\n")) + 1
	start := bytes.LastIndexByte(text[:off], '\n') + 1
	return line, len([]rune(string(text[start:off]))) + 1
}

func nextParaFunc(paras []para) func(off int) compare.Span {
	return func(off int) compare.Span {
		for _, p := range paras {
			if p.span.Start >= off {
				return p.span
			}
		}
		return compare.Span{Start: off, End: off}
	}
}

// fmBlock is the front matter: the byte range of its content and of the
// whole block including the fences.
type fmBlock struct {
	contentStart, contentEnd, end int
	toml                          bool
}

// frontMatter finds a "---" (YAML) or "+++" (TOML) block at the top.
func frontMatter(data []byte) fmBlock {
	start := 0
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		start = 3
	}
	first, rest, ok := bytes.Cut(data[start:], []byte("\n"))
	fence := string(bytes.TrimRight(first, " \t\r"))
	if !ok || fence != "---" && fence != "+++" {
		return fmBlock{}
	}
	cs := start + len(first) + 1
	off := cs
	for len(rest) > 0 {
		line, after, found := bytes.Cut(rest, []byte("\n"))
		l := string(bytes.TrimRight(line, " \t\r"))
		if l == fence || fence == "---" && l == "..." {
			end := off + len(line)
			if found {
				end++
			}
			return fmBlock{contentStart: cs, contentEnd: off, end: end, toml: fence == "+++"}
		}
		off += len(line) + 1
		rest = after
		if !found {
			break
		}
	}
	return fmBlock{} // unterminated: not front matter
}

type fmIgnore struct {
	rule string
	at   compare.Span
}

type mdMeta struct {
	title, outlet, url, story string
	published                 *time.Time
	publishedFrom             string
	ignore                    []fmIgnore
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// decodeFrontMatter reads the keys crosscheck knows; errors name
// file:line:col in the Markdown file.
func decodeFrontMatter(path string, data []byte, fm fmBlock) (mdMeta, []compare.DocError) {
	var meta mdMeta
	content := data[fm.contentStart:fm.contentEnd]
	lineBase := bytes.Count(data[:fm.contentStart], []byte("\n")) // lines before the content
	if fm.toml {
		return decodeTOMLFrontMatter(path, data, fm, lineBase)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(content, &root); err != nil {
		msg := yamlLine.ReplaceAllStringFunc(err.Error(), func(s string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(s, "line "))
			return "line " + strconv.Itoa(n+lineBase)
		})
		return meta, []compare.DocError{errf(path, "front matter: %s", msg)}
	}
	if len(root.Content) == 0 {
		return meta, nil
	}
	m := root.Content[0]
	pos := func(n *yaml.Node) string { return fmt.Sprintf("%s:%d:%d", path, n.Line+lineBase, n.Column) }
	if m.Kind != yaml.MappingNode {
		return meta, []compare.DocError{errf(pos(m), "front matter is not a mapping of keys to values")}
	}
	var errs []compare.DocError
	dates := map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := strings.ToLower(k.Value)
		str := func() string {
			if v.Kind != yaml.ScalarNode {
				errs = append(errs, warnf(pos(v), "front matter key %q: want a single value", k.Value))
				return ""
			}
			return strings.TrimSpace(v.Value)
		}
		switch key {
		case "title":
			meta.title = str()
		case "date", "publishdate", "published", "pubdate", "date_published", "datepublished":
			dates[key] = v
		case "outlet", "source", "site", "publisher", "site_name":
			if s := str(); meta.outlet == "" || key == "outlet" {
				meta.outlet = s
			}
		case "url", "link", "canonical", "canonical_url":
			if s := str(); meta.url == "" || key == "url" {
				meta.url = s
			}
		case "story":
			meta.story = str()
		case "crosscheck":
			ign, e := crosscheckKey(v, pos, func(n *yaml.Node) compare.Span { return nodeSpan(data, fm.contentStart, n) })
			meta.ignore = append(meta.ignore, ign...)
			errs = append(errs, e...)
		}
	}
	// Hugo's publishDate is the publication date; "date" is the fallback.
	for _, key := range []string{"publishdate", "published", "datepublished", "date_published", "pubdate", "date"} {
		v := dates[key]
		if v == nil {
			continue
		}
		t, ok := parseDate(v.Value)
		if !ok || v.Kind != yaml.ScalarNode {
			errs = append(errs, errf(pos(v), "bad date %q in front matter key %q (want YYYY-MM-DD or RFC 3339)", v.Value, origKey(m, v)))
			continue
		}
		if meta.published == nil {
			meta.published, meta.publishedFrom = &t, "front-matter:"+origKey(m, v)
		}
	}
	return meta, errs
}

// origKey returns the key of a value node as written.
func origKey(m, v *yaml.Node) string {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i+1] == v {
			return m.Content[i].Value
		}
	}
	return ""
}

// nodeSpan is the byte span of a scalar node in the file.
func nodeSpan(data []byte, contentStart int, n *yaml.Node) compare.Span {
	off := contentStart
	for l := 1; l < n.Line && off < len(data); l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
	}
	start := min(off+n.Column-1, len(data))
	return compare.Span{Start: start, End: min(start+len(n.Value), len(data))}
}

// crosscheckKey reads `crosscheck: {ignore: [RULE, …]}` (a list or a
// comma-separated string).
func crosscheckKey(v *yaml.Node, pos func(*yaml.Node) string, span func(*yaml.Node) compare.Span) ([]fmIgnore, []compare.DocError) {
	if v.Kind != yaml.MappingNode {
		return nil, []compare.DocError{warnf(pos(v), "front matter key crosscheck: want a mapping such as {ignore: [rule-name]}")}
	}
	var out []fmIgnore
	var errs []compare.DocError
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Value != "ignore" {
			errs = append(errs, warnf(pos(k), "front matter key crosscheck.%s is unknown (want ignore)", k.Value))
			continue
		}
		items := []*yaml.Node{val}
		if val.Kind == yaml.SequenceNode {
			items = val.Content
		}
		for _, it := range items {
			if it.Kind != yaml.ScalarNode {
				errs = append(errs, warnf(pos(it), "crosscheck.ignore: want rule names"))
				continue
			}
			for _, r := range splitRules([]string{it.Value}) {
				if !ruleName.MatchString(r) {
					errs = append(errs, warnf(pos(it), "crosscheck.ignore: bad rule name %q", r))
					continue
				}
				out = append(out, fmIgnore{rule: r, at: span(it)})
			}
		}
	}
	return out, errs
}

// tomlLine matches the simple `key = "value"` lines of TOML front matter.
var tomlLine = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([0-9][0-9T:.+\-Z ]*))\s*$`)

// decodeTOMLFrontMatter reads title, dates, outlet and url from Hugo's TOML
// front matter; other keys and tables are skipped.
func decodeTOMLFrontMatter(path string, data []byte, fm fmBlock, lineBase int) (mdMeta, []compare.DocError) {
	var meta mdMeta
	var errs []compare.DocError
	lines := strings.Split(string(data[fm.contentStart:fm.contentEnd]), "\n")
	var dateKey, dateVal, datePos string
	for i, l := range lines {
		m := tomlLine.FindStringSubmatch(strings.TrimRight(l, "\r"))
		if m == nil {
			continue
		}
		val := m[2] + m[3] + m[4]
		if m[2] != "" {
			if u, err := strconv.Unquote(`"` + m[2] + `"`); err == nil {
				val = u
			}
		}
		val = strings.TrimSpace(val)
		switch key := strings.ToLower(m[1]); key {
		case "title":
			meta.title = val
		case "outlet", "source", "site", "publisher":
			meta.outlet = val
		case "url", "link", "canonical":
			meta.url = val
		case "story":
			meta.story = val
		case "date", "publishdate", "published":
			if dateKey == "" || key != "date" {
				col := strings.Index(l, val) + 1
				dateKey, dateVal, datePos = m[1], val, fmt.Sprintf("%s:%d:%d", path, lineBase+i+1, max(col, 1))
			}
		}
	}
	if dateKey != "" {
		if t, ok := parseDate(dateVal); ok {
			meta.published, meta.publishedFrom = &t, "front-matter:"+dateKey
		} else {
			errs = append(errs, errf(datePos, "bad date %q in front matter key %q (want YYYY-MM-DD or RFC 3339)", dateVal, dateKey))
		}
	}
	return meta, errs
}
