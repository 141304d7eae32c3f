package reports

import (
	"fmt"
	"html"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// HTML prints one self-contained page (inline CSS, SVG and a few lines of
// script; no external resource, and a Content-Security-Policy that forbids
// loading any): a timeline of each document's era, the kb terms of office
// and deaths involved and each document's reference time; the articles
// side by side with every claim of a finding highlighted and linked to
// it; and the findings with their evidence and quote diffs.
func HTML(w io.Writer, r *compare.Report, opt Options) error {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="crosscheck`)
	if opt.ToolVersion != "" {
		b.WriteString(" " + esc(opt.ToolVersion))
	}
	b.WriteString(`">
<title>crosscheck report</title>
<style>` + htmlCSS + `</style>
</head>
<body>
<header>
<h1>crosscheck report</h1>
<p class="summary">` + esc(summaryLine(r)))
	if r.AsOf != nil {
		b.WriteString(" · as of " + esc(date(r.AsOf)))
	}
	b.WriteString("</p>\n</header>\n")

	b.WriteString("<section id=\"timeline\">\n<h2>Timeline</h2>\n")
	b.WriteString(timelineSVG(r))
	b.WriteString("</section>\n")

	b.WriteString(fmt.Sprintf("<section id=\"articles\" style=\"--docs:%d\">\n", max(len(r.Documents), 1)))
	marks := marksByDoc(r)
	for _, d := range r.Documents {
		writeArticle(&b, r, d, marks[d.ID], opt)
	}
	b.WriteString("</section>\n")

	b.WriteString("<section id=\"findings\">\n<h2>Findings</h2>\n")
	for _, typ := range typeOrder() {
		var n int
		for _, f := range r.Findings {
			if f.Type == typ {
				n++
			}
		}
		if n == 0 {
			continue
		}
		fmt.Fprintf(&b, "<h3>%s (%d)</h3>\n", esc(strings.ToUpper(string(typ[:1]))+string(typ[1:])+"s"), n)
		for _, f := range r.Findings {
			if f.Type == typ {
				writeFinding(&b, f, opt)
			}
		}
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(&b, "<h3>Errors (%d)</h3>\n<ul class=\"errors\">\n", len(r.Errors))
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "<li><code>%s</code>: %s</li>\n", esc(relPath(e.Path, opt.BaseDir)), esc(e.Message))
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</section>\n<script>" + htmlJS + "</script>\n</body>\n</html>\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return nil
}

func esc(s string) string { return html.EscapeString(s) }

// mark is one claim of one finding in a document.
type mark struct {
	span    compare.Span
	finding string
	typ     compare.Type
	anchor  string // id of the claim, linked from the finding list
	off     bool   // suppressed
}

func marksByDoc(r *compare.Report) map[string][]mark {
	out := map[string][]mark{}
	for _, f := range r.Findings {
		for i, c := range f.Claims {
			if c.Doc == nil || c.Span.Start < 0 || c.Span.End > len(c.Doc.Text) || c.Span.Start >= c.Span.End {
				continue
			}
			out[c.Doc.ID] = append(out[c.Doc.ID], mark{span: c.Span, finding: f.ID, typ: f.Type, anchor: claimAnchor(f, i), off: f.Suppressed != ""})
		}
	}
	return out
}

func claimAnchor(f compare.Finding, i int) string { return fmt.Sprintf("%s-c%d", f.ID, i) }

// typeRank orders finding types for colouring a span several findings
// share: a problem shows over an agreement.
func typeRank(t compare.Type) int {
	switch t {
	case compare.Contradiction:
		return 3
	case compare.Anachronism:
		return 2
	case compare.Agreement:
		return 1
	}
	return 0
}

func writeArticle(b *strings.Builder, r *compare.Report, d *compare.Document, ms []mark, opt Options) {
	fmt.Fprintf(b, "<article class=\"doc\" id=\"doc-%s\">\n<h2><span class=\"docid\">%s</span> %s</h2>\n", esc(d.ID), esc(d.ID), esc(d.Title))
	var meta []string
	meta = append(meta, "<code>"+esc(relPath(d.Path, opt.BaseDir))+"</code>")
	if d.Outlet != "" {
		meta = append(meta, esc(d.Outlet))
	}
	if d.Published != nil {
		meta = append(meta, "published "+esc(date(d.Published)))
	}
	if !d.Reference.IsZero() {
		ref := "reference " + esc(date(&d.Reference))
		if d.ReferenceFrom != "" {
			ref += " (" + esc(d.ReferenceFrom) + ")"
		}
		meta = append(meta, ref)
	}
	if e := eraText(r, d.ID); e != "" {
		meta = append(meta, "era "+esc(e))
	}
	if d.URL != "" {
		// Shown as text, not linked: the report loads and links nothing outside itself.
		meta = append(meta, "<span class=\"url\">"+esc(d.URL)+"</span>")
	}
	b.WriteString("<p class=\"meta\">" + strings.Join(meta, " · ") + "</p>\n<div class=\"text\">")
	writeMarkedText(b, d, ms)
	b.WriteString("</div>\n</article>\n")
}

// writeMarkedText writes the document's prose with each claim in a
// <mark>. Claims may overlap or nest, so the text is cut at every claim
// boundary and each piece is marked with all the findings covering it.
// Masked bytes (front matter, markup) are left out, keeping line breaks.
func writeMarkedText(b *strings.Builder, d *compare.Document, ms []mark) {
	text := d.Text
	cuts := map[int]bool{0: true, len(text): true}
	for _, m := range ms {
		cuts[m.span.Start], cuts[m.span.End] = true, true
	}
	for _, s := range d.Mask {
		cuts[min(max(s.Start, 0), len(text))], cuts[min(max(s.End, 0), len(text))] = true, true
	}
	points := make([]int, 0, len(cuts))
	for p := range cuts {
		points = append(points, p)
	}
	sort.Ints(points)
	anchors := map[int][]string{}
	for _, m := range ms {
		anchors[m.span.Start] = append(anchors[m.span.Start], m.anchor)
	}
	started := false // prose written yet
	for i := 0; i+1 < len(points); i++ {
		s, e := points[i], points[i+1]
		for _, a := range anchors[s] {
			fmt.Fprintf(b, "<span class=\"anchor\" id=\"%s\"></span>", esc(a))
		}
		if d.Masked(s) {
			// Keep a line break in place of masked lines, but none
			// before the first prose (front matter).
			if started && strings.Contains(string(text[s:e]), "\n") {
				b.WriteString("\n")
			}
			continue
		}
		piece := string(text[s:e])
		if !started {
			if piece = strings.TrimLeft(piece, " \t\r\n"); piece == "" {
				continue
			}
			started = true
		}
		var ids []string
		var typ compare.Type
		off := true
		seen := map[string]bool{}
		for _, m := range ms {
			if m.span.Start <= s && e <= m.span.End {
				if !seen[m.finding] {
					seen[m.finding] = true
					ids = append(ids, m.finding)
				}
				if typeRank(m.typ) > typeRank(typ) {
					typ = m.typ
				}
				off = off && m.off
			}
		}
		if len(ids) == 0 {
			b.WriteString(strings.ReplaceAll(esc(piece), "\n", "\n<span class=\"para\"></span>"))
			continue
		}
		sort.Slice(ids, func(i, j int) bool { return findingLess(ids[i], ids[j]) })
		class := string(typ)
		if off {
			class += " suppressed"
		}
		fmt.Fprintf(b, "<mark class=\"%s\" data-finding=\"%s\" title=\"%s\"><a href=\"#%s\">%s</a></mark>",
			esc(class), esc(strings.Join(ids, " ")), esc(strings.Join(ids, ", ")), esc(ids[0]), esc(piece))
	}
}

// findingLess orders finding IDs F2 before F10; other IDs as strings.
func findingLess(a, b string) bool {
	var na, nb int
	_, ea := fmt.Sscanf(a, "F%d", &na)
	_, eb := fmt.Sscanf(b, "F%d", &nb)
	if ea == nil && eb == nil && na != nb {
		return na < nb
	}
	return a < b
}

func writeFinding(b *strings.Builder, f compare.Finding, opt Options) {
	class := "finding " + string(f.Type)
	if f.Suppressed != "" {
		class += " suppressed"
	}
	fmt.Fprintf(b, "<div class=\"%s\" id=\"%s\" data-finding=\"%s\">\n", esc(class), esc(f.ID), esc(f.ID))
	fmt.Fprintf(b, "<h4><span class=\"fid\">%s</span> <span class=\"sev %s\">%s</span> <code>%s</code></h4>\n",
		esc(f.ID), esc(f.Severity.String()), esc(f.Severity.String()), esc(f.Rule))
	fmt.Fprintf(b, "<p class=\"msg\">%s</p>\n", esc(f.Message))
	if f.Suppressed != "" {
		fmt.Fprintf(b, "<p class=\"why\">suppressed: %s</p>\n", esc(f.Suppressed))
	}
	b.WriteString("<ul class=\"claims\">\n")
	for i, c := range f.Claims {
		l := locate(c)
		fmt.Fprintf(b, "<li><a href=\"#%s\"><code>%s:%d:%d</code></a> “%s”</li>\n",
			esc(claimAnchor(f, i)), esc(relPath(l.Path, opt.BaseDir)), l.Line, l.Column, esc(oneLine(c.Text)))
	}
	b.WriteString("</ul>\n")
	if len(f.Evidence) > 0 {
		b.WriteString("<ul class=\"evidence\">\n")
		for _, e := range f.Evidence {
			src := ""
			if e.Source != "" {
				src = " <span class=\"src\">(" + esc(e.Source) + ")</span>"
			}
			fmt.Fprintf(b, "<li>kb: %s%s</li>\n", esc(e.Text), src)
		}
		b.WriteString("</ul>\n")
	}
	if f.Diff != nil {
		b.WriteString("<p class=\"diff\">")
		if len(f.Diff.Ops) == 0 {
			b.WriteString(esc(f.Diff.Unified))
		}
		for _, op := range f.Diff.Ops {
			switch op.Op {
			case "delete":
				b.WriteString("<del>" + esc(op.Text) + "</del>")
			case "insert":
				b.WriteString("<ins>" + esc(op.Text) + "</ins>")
			default:
				b.WriteString(esc(op.Text))
			}
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("</div>\n")
}

// A timeline row: a bar from From to To (nil: open, drawn to the edge),
// markers at Points, a label on the left.
type tlRow struct {
	label, class, title string
	from, to            *time.Time
	empty               bool
	points              []tlPoint
}

type tlPoint struct {
	at          time.Time
	class, text string
}

// timelineRows are the documents' eras (with their reference times) and
// the kb facts of every finding: terms of office, deduplicated, and
// deaths, drawn on the person's term row when there is one.
func timelineRows(r *compare.Report) []tlRow {
	var rows []tlRow
	for _, d := range r.Documents {
		row := tlRow{label: d.ID + " " + d.Title, class: "era"}
		e, ok := r.Eras[d.ID]
		if ok {
			row.from, row.to, row.empty = e.From, e.To, e.Empty
			row.title = "era of " + d.ID + ": " + eraText(r, d.ID)
		} else {
			row.class = "era unknown"
			row.title = "era of " + d.ID + ": unknown"
		}
		if !d.Reference.IsZero() {
			row.points = append(row.points, tlPoint{at: d.Reference, class: "ref", text: "reference time of " + d.ID + ": " + date(&d.Reference)})
		}
		rows = append(rows, row)
	}
	termIndex := map[string]int{}
	var deaths []compare.Evidence
	for _, f := range r.Findings {
		for _, e := range f.Evidence {
			switch {
			case e.From != nil || e.To != nil:
				key := e.Person + "\x00" + e.Office + "\x00" + date(e.From) + "\x00" + date(e.To)
				if _, dup := termIndex[key]; dup {
					continue
				}
				termIndex[key] = len(rows)
				label := e.Person
				if e.Office != "" {
					label += " — " + e.Office
				}
				title := e.Text
				if title == "" {
					title = label
				}
				rows = append(rows, tlRow{label: label, class: "term", title: title, from: e.From, to: e.To})
			case e.Died != nil:
				deaths = append(deaths, e)
			}
		}
	}
	seenDeath := map[string]bool{}
	for _, e := range deaths {
		key := e.Person + "\x00" + date(e.Died)
		if seenDeath[key] {
			continue
		}
		seenDeath[key] = true
		p := tlPoint{at: *e.Died, class: "death", text: e.Person + " died " + date(e.Died)}
		placed := false
		for i := len(r.Documents); i < len(rows); i++ {
			if strings.HasPrefix(rows[i].label, e.Person+" — ") || rows[i].label == e.Person {
				rows[i].points = append(rows[i].points, p)
				placed = true
			}
		}
		if !placed {
			rows = append(rows, tlRow{label: e.Person, class: "life", title: p.text, points: []tlPoint{p}})
		}
	}
	return rows
}

// timelineSVG draws the rows on one time axis with year (or month) ticks
// and the --as-of date.
func timelineSVG(r *compare.Report) string {
	rows := timelineRows(r)
	var lo, hi time.Time
	see := func(t *time.Time) {
		if t == nil || t.IsZero() {
			return
		}
		if lo.IsZero() || t.Before(lo) {
			lo = *t
		}
		if hi.IsZero() || t.After(hi) {
			hi = *t
		}
	}
	for _, row := range rows {
		see(row.from)
		see(row.to)
		for _, p := range row.points {
			see(&p.at)
		}
	}
	see(r.AsOf)
	if lo.IsZero() {
		return "<p class=\"none\">No dated era, reference time or kb fact to draw.</p>\n"
	}
	// Pad by a tenth of the span (at least two months) so that open bars
	// visibly run past the last date.
	pad := max(hi.Sub(lo)/10, 61*24*time.Hour)
	lo, hi = lo.Add(-pad), hi.Add(pad)
	const (
		width, labelW, rowH, top, right = 1100.0, 340.0, 26.0, 30.0, 20.0
	)
	plotW := width - labelW - right
	height := top + float64(len(rows))*rowH + 10
	x := func(t time.Time) float64 {
		return labelW + plotW*float64(t.Sub(lo))/float64(hi.Sub(lo))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<svg class=\"timeline\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"timeline of eras and kb terms\">\n",
		width, height, width, height)
	// Ticks: years, or months when the span is short.
	years := hi.Year() - lo.Year()
	step := 1
	if years > 12 {
		step = (years + 11) / 12
	}
	if years >= 2 {
		for y := lo.Year() + 1; y <= hi.Year(); y++ {
			if (y-lo.Year()-1)%step != 0 {
				continue
			}
			t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			fmt.Fprintf(&b, "<line class=\"tick\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\"/><text class=\"tick\" x=\"%.1f\" y=\"%.0f\">%d</text>\n",
				x(t), top-8, x(t), height, x(t), top-12, y)
		}
	} else {
		for t := time.Date(lo.Year(), lo.Month()+1, 1, 0, 0, 0, 0, time.UTC); t.Before(hi); t = t.AddDate(0, 1, 0) {
			fmt.Fprintf(&b, "<line class=\"tick\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\"/><text class=\"tick\" x=\"%.1f\" y=\"%.0f\">%s</text>\n",
				x(t), top-8, x(t), height, x(t), top-12, t.Format("2006-01"))
		}
	}
	for i, row := range rows {
		y := top + float64(i)*rowH
		fmt.Fprintf(&b, "<g class=\"row %s\">\n<text class=\"label\" x=\"%.0f\" y=\"%.1f\">%s</text>\n", esc(row.class), labelW-10, y+rowH*0.65, esc(truncate(row.label, 44)))
		if row.class != "life" && !strings.Contains(row.class, "unknown") {
			x1, x2 := labelW, labelW+plotW
			if row.from != nil {
				x1 = x(*row.from)
			}
			if row.to != nil {
				x2 = x(*row.to)
			}
			if x2 < x1 { // an empty era: its bounds cross; draw the gap between them
				x1, x2 = x2, x1
			}
			cls := "bar"
			if row.from == nil {
				cls += " open-start"
			}
			if row.to == nil {
				cls += " open-end"
			}
			if row.empty {
				cls += " empty"
			}
			fmt.Fprintf(&b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\"><title>%s</title></rect>\n",
				cls, x1, y+5, max(x2-x1, 2), rowH-10, esc(row.title))
		}
		for _, p := range row.points {
			px := x(p.at)
			switch p.class {
			case "death":
				fmt.Fprintf(&b, "<text class=\"death\" x=\"%.1f\" y=\"%.1f\">†<title>%s</title></text>\n", px, y+rowH*0.72, esc(p.text))
			default:
				fmt.Fprintf(&b, "<path class=\"%s\" d=\"M%.1f %.1f l6 8 l-6 8 l-6 -8 z\"><title>%s</title></path>\n", esc(p.class), px, y+rowH/2-8, esc(p.text))
			}
		}
		b.WriteString("</g>\n")
	}
	if r.AsOf != nil {
		ax := x(*r.AsOf)
		fmt.Fprintf(&b, "<line class=\"asof\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\"><title>as of %s</title></line>\n", ax, top-4, ax, height, esc(date(r.AsOf)))
	}
	b.WriteString("</svg>\n<p class=\"legend\"><span class=\"k era\"></span> era of an article (when all its time-bounded claims can be true) <span class=\"k term\"></span> kb term of office <span class=\"k ref\">◆</span> reference time <span class=\"k death\">†</span> death <span class=\"k asof\"></span> as of</p>\n")
	return b.String()
}

const htmlCSS = `
:root{--contra:#ffd6d6;--contra-b:#d33;--anach:#ffe3b3;--anach-b:#d98200;--agree:#d6f5dc;--agree-b:#2a9d4b}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;padding:0 24px 48px;color:#1d1f23;background:#fafafa}
header{display:flex;align-items:baseline;gap:24px;flex-wrap:wrap;border-bottom:1px solid #ddd}
h1{font-size:22px;margin:16px 0}
.summary{font-weight:600;margin:0}
h2{font-size:18px;margin:20px 0 8px}
#timeline svg{max-width:100%;height:auto;background:#fff;border:1px solid #e3e3e3;border-radius:6px}
svg text{font:12px system-ui,sans-serif;fill:#333}
svg .row.era text.label{font-family:ui-monospace,monospace;font-size:11px}
svg text.label{text-anchor:end}
svg text.tick{text-anchor:middle;fill:#777}
svg line.tick{stroke:#eee}
svg .row.era rect.bar{fill:#6b8fd6}
svg .row.term rect.bar{fill:#b9a0dc}
svg rect.open-end{fill-opacity:.55}
svg rect.open-start{fill-opacity:.55}
svg rect.open-start.open-end{fill:none;stroke:#6b8fd6;stroke-dasharray:4 3}
svg rect.empty{fill:#d33 !important}
svg path.ref{fill:#1d1f23}
svg text.death{font-size:16px;font-weight:700;fill:#b00;text-anchor:middle}
svg line.asof{stroke:#d33;stroke-width:1.5;stroke-dasharray:4 3}
.legend{font-size:12px;color:#555}
.legend .k{display:inline-block;min-width:14px;height:10px;margin-left:10px;vertical-align:middle}
.legend .k.era{background:#6b8fd6}.legend .k.term{background:#b9a0dc}.legend .k.asof{border-left:2px dashed #d33}
.legend .k.death{color:#b00;font-weight:700}
#articles{display:grid;grid-template-columns:repeat(var(--docs),minmax(300px,1fr));gap:16px;overflow-x:auto}
article.doc{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:12px 16px;min-width:0}
article h2{font-size:16px;margin:4px 0}
.docid{font:12px ui-monospace,monospace;background:#eef;border-radius:3px;padding:1px 5px;vertical-align:middle}
.meta{font-size:12px;color:#666;margin:0 0 8px;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Noto Serif",serif;font-size:15px}
.text .para{display:block;height:.4em}
mark{border-radius:2px;padding:0 1px;border-bottom:2px solid}
mark a{color:inherit;text-decoration:none}
mark.contradiction{background:var(--contra);border-color:var(--contra-b)}
mark.anachronism{background:var(--anach);border-color:var(--anach-b)}
mark.agreement{background:var(--agree);border-color:var(--agree-b)}
mark.suppressed{background:#eee;border-color:#aaa;border-bottom-style:dashed}
mark.active,.finding.active{outline:2px solid #1d1f23}
#findings h3{font-size:16px;margin:18px 0 6px}
.finding{background:#fff;border:1px solid #e3e3e3;border-left:5px solid #999;border-radius:4px;padding:6px 12px;margin:6px 0}
.finding.contradiction{border-left-color:var(--contra-b)}
.finding.anachronism{border-left-color:var(--anach-b)}
.finding.agreement{border-left-color:var(--agree-b)}
.finding.suppressed{opacity:.6}
.finding h4{margin:2px 0;font-size:14px}
.finding .msg{margin:2px 0}
.finding ul{margin:2px 0;padding-left:20px;font-size:13px}
.fid{font-weight:700}
.sev{font-size:11px;text-transform:uppercase;border-radius:3px;padding:1px 5px;color:#fff;background:#888}
.sev.error{background:#c62828}.sev.warning{background:#d98200}.sev.info{background:#2a7bbd}
.evidence{color:#444}
.src{color:#888}
.diff{font-family:Georgia,serif;margin:4px 0}
del{background:#ffd6d6;color:#900}
ins{background:#d6f5dc;color:#060;text-decoration:none}
.why{font-size:12px;color:#666;margin:0}
.errors{color:#900}
.url{color:#666}
`

// htmlJS links the highlights: pointing at a claim or a finding outlines
// every claim of the same finding, in every article.
const htmlJS = `
(function(){
  function mark(ids,on){ids.forEach(function(id){document.querySelectorAll('[data-finding~="'+id+'"]').forEach(function(e){e.classList.toggle('active',on);});});}
  document.querySelectorAll('[data-finding]').forEach(function(el){
    var ids=el.getAttribute('data-finding').split(' ');
    el.addEventListener('mouseenter',function(){mark(ids,true);});
    el.addEventListener('mouseleave',function(){mark(ids,false);});
  });
})();
`
