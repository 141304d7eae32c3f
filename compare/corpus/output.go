package corpus

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/reports"
)

// storyHead is one line of stories.jsonl without its findings: a story
// and its articles, and the findings follow it on the line, each the
// finding object of the JSON report contract. AppendStoryJSONL writes
// this shape by hand; the tests encode it with encoding/json as the
// reference it must match byte for byte.
type storyHead struct {
	Story     string     `json:"story"`
	Explicit  bool       `json:"explicit"`
	Documents []storyDoc `json:"documents"`
}

type storyDoc struct {
	ID            string  `json:"id"`
	Path          string  `json:"path"`
	Title         string  `json:"title"`
	Outlet        *string `json:"outlet"`
	Published     *string `json:"published"`
	ReferenceTime string  `json:"reference_time"`
	ReferenceFrom string  `json:"reference_from"`
	Claims        int     `json:"claims"`
}

// WriteStoryJSONL writes one story as one JSON line.
func WriteStoryJSONL(w io.Writer, r *StoryResult) error {
	line, err := AppendStoryJSONL(nil, r)
	if err != nil {
		return err
	}
	_, err = w.Write(line)
	return err
}

// AppendStoryJSONL appends WriteStoryJSONL's line to dst: {"story",
// "explicit", "documents", "findings"}, each finding as the jsonl report
// writes it. It is written by hand, without encoding/json's reflection
// (most of the cost of a corpus's output), and never fails: the error is
// for callers written when it could.
func AppendStoryJSONL(dst []byte, r *StoryResult) ([]byte, error) {
	dst = append(dst, `{"story":`...)
	dst = reports.AppendJSONString(dst, r.Story.ID)
	dst = append(dst, `,"explicit":`...)
	dst = strconv.AppendBool(dst, r.Story.Explicit)
	dst = append(dst, `,"documents":[`...)
	for i, d := range r.Report.Documents {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendStoryDoc(dst, d, r.Claims[d.ID])
	}
	dst = append(dst, `],"findings":[`...)
	sep := false
	for _, f := range r.Report.Findings {
		if !reports.ContractType(f.Type) {
			continue // as the jsonl report
		}
		if sep {
			dst = append(dst, ',')
		}
		dst, sep = reports.AppendFindingJSON(dst, f), true
	}
	return append(dst, "]}\n"...), nil
}

// appendStoryDoc appends a document as storyDocs and encoding/json write
// it (a storyDoc).
func appendStoryDoc(dst []byte, d *compare.Document, claims int) []byte {
	dst = append(dst, `{"id":`...)
	dst = reports.AppendJSONString(dst, d.ID)
	dst = append(dst, `,"path":`...)
	dst = reports.AppendJSONString(dst, d.Path)
	dst = append(dst, `,"title":`...)
	dst = reports.AppendJSONString(dst, d.Title)
	dst = append(dst, `,"outlet":`...)
	if d.Outlet == "" {
		dst = append(dst, "null"...)
	} else {
		dst = reports.AppendJSONString(dst, d.Outlet)
	}
	// A formatted day is digits and '-' only: nothing to escape. A zero
	// Published time is still a day here (storyDocs formats any non-nil).
	dst = append(dst, `,"published":`...)
	if d.Published == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(d.Published.AppendFormat(append(dst, '"'), time.DateOnly), '"')
	}
	dst = append(dst, `,"reference_time":"`...)
	dst = append(d.Reference.AppendFormat(dst, time.DateOnly), '"')
	dst = append(dst, `,"reference_from":`...)
	dst = reports.AppendJSONString(dst, d.ReferenceFrom)
	dst = append(dst, `,"claims":`...)
	dst = strconv.AppendInt(dst, int64(claims), 10)
	return append(dst, '}')
}

// storyDocs are the articles of a story line, as the storyDoc values the
// tests encode with encoding/json.
func storyDocs(r *StoryResult) []storyDoc {
	out := make([]storyDoc, 0, len(r.Report.Documents))
	for _, d := range r.Report.Documents {
		sd := storyDoc{ID: d.ID, Path: d.Path, Title: d.Title, Outlet: strOrNil(d.Outlet),
			ReferenceTime: d.Reference.Format(time.DateOnly), ReferenceFrom: d.ReferenceFrom, Claims: r.Claims[d.ID]}
		if d.Published != nil {
			sd.Published = strOrNil(d.Published.Format(time.DateOnly))
		}
		out = append(out, sd)
	}
	return out
}

func strOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// FindingsCSVHeader is the header of findings.csv.
var FindingsCSVHeader = []string{"story", "id", "rule", "type", "kind", "severity", "subject", "message", "documents", "outlets"}

// AppendFindingsCSV appends WriteFindingsCSV's rows to dst, byte for byte
// what encoding/csv writes, without its writer and a []string per row.
// It never fails: the error is for callers written when it could.
func AppendFindingsCSV(dst []byte, r *StoryResult) ([]byte, error) {
	var docs, outlets []string // distinct, in claim order; reused per finding
	var joined []byte
	for _, f := range r.Report.Findings {
		docs, outlets = findingDocs(f, docs[:0], outlets[:0])
		dst = appendCSVField(dst, r.Story.ID)
		for _, s := range []string{f.ID, f.Rule, string(f.Type), string(f.Kind), f.Severity.String(), f.Subject, f.Message} {
			dst = appendCSVField(append(dst, ','), s)
		}
		joined = appendJoined(joined[:0], docs)
		dst = appendCSVField(append(dst, ','), joined)
		joined = appendJoined(joined[:0], outlets)
		dst = append(appendCSVField(append(dst, ','), joined), '\n')
	}
	return dst, nil
}

// findingDocs appends the distinct document IDs and outlets of a
// finding's claims, in claim order. A finding has few claims: a linear
// search beats the two maps it took.
func findingDocs(f compare.Finding, docs, outlets []string) ([]string, []string) {
	for _, c := range f.Claims {
		if c.Doc == nil {
			continue
		}
		if !slices.Contains(docs, c.Doc.ID) {
			docs = append(docs, c.Doc.ID)
		}
		o := c.Doc.Outlet
		if o == "" {
			o = UnknownOutlet
		}
		if !slices.Contains(outlets, o) {
			outlets = append(outlets, o)
		}
	}
	return docs, outlets
}

// appendJoined appends strings.Join(parts, ";").
func appendJoined(dst []byte, parts []string) []byte {
	for i, p := range parts {
		if i > 0 {
			dst = append(dst, ';')
		}
		dst = append(dst, p...)
	}
	return dst
}

// appendCSVField appends a field as encoding/csv's Writer (comma ',', no
// CRLF) writes it: quoted when it holds a comma, quote, CR or LF, starts
// with a space, or is `\.`; quotes doubled inside.
func appendCSVField[S string | []byte](dst []byte, field S) []byte {
	if !csvNeedsQuotes(field) {
		return append(dst, field...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(field); i++ {
		if field[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, field[i])
	}
	return append(dst, '"')
}

// csvNeedsQuotes is encoding/csv's Writer.fieldNeedsQuotes for comma ','.
func csvNeedsQuotes[S string | []byte](field S) bool {
	if len(field) == 0 {
		return false
	}
	if string(field) == `\.` {
		return true
	}
	for i := 0; i < len(field); i++ {
		if c := field[i]; c == '\n' || c == '\r' || c == '"' || c == ',' {
			return true
		}
	}
	r1, _ := utf8.DecodeRune([]byte(field[:min(len(field), utf8.UTFMax)]))
	return unicode.IsSpace(r1)
}

// WriteFindingsCSV writes one row per finding of a story (no header) with
// encoding/csv: the reference AppendFindingsCSV matches.
func WriteFindingsCSV(w *csv.Writer, r *StoryResult) error {
	for _, f := range r.Report.Findings {
		var docs, outlets []string
		seenD, seenO := map[string]bool{}, map[string]bool{}
		for _, c := range f.Claims {
			if c.Doc == nil {
				continue
			}
			if !seenD[c.Doc.ID] {
				seenD[c.Doc.ID] = true
				docs = append(docs, c.Doc.ID)
			}
			o := c.Doc.Outlet
			if o == "" {
				o = UnknownOutlet
			}
			if !seenO[o] {
				seenO[o] = true
				outlets = append(outlets, o)
			}
		}
		if err := w.Write([]string{r.Story.ID, f.ID, f.Rule, string(f.Type), string(f.Kind), f.Severity.String(),
			f.Subject, f.Message, strings.Join(docs, ";"), strings.Join(outlets, ";")}); err != nil {
			return fmt.Errorf("findings csv: %w", err)
		}
	}
	return nil
}

// WriteSummaryJSON writes the summary as one JSON document.
func WriteSummaryJSON(w io.Writer, s *Summary) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	out := struct {
		*Summary
		Errors int `json:"errors"`
	}{s, len(s.Errors)}
	if out.Outlets == nil {
		out.Outlets = []OutletStats{}
	}
	if out.Rules == nil {
		out.Rules = []RuleStats{}
	}
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("summary json: %w", err)
	}
	return nil
}

// WriteSummaryCSV writes the per-outlet table, then a blank line and the
// per-rule table.
func WriteSummaryCSV(w io.Writer, s *Summary) error {
	cw := csv.NewWriter(w)
	rows := [][]string{{"outlet", "articles", "claims", "contradictions", "anachronisms", "contradictions_per_1000_claims", "anachronisms_per_1000_claims"}}
	for _, o := range s.Outlets {
		rows = append(rows, []string{o.Outlet, strconv.Itoa(o.Articles), strconv.Itoa(o.Claims), strconv.Itoa(o.Contradictions),
			strconv.Itoa(o.Anachronisms), fmt.Sprintf("%.2f", o.ContradictionsPer1000), fmt.Sprintf("%.2f", o.AnachronismsPer1000)})
	}
	rows = append(rows, nil, []string{"rule", "type", "findings", "stories"})
	for _, r := range s.Rules {
		rows = append(rows, []string{r.Rule, string(r.Type), strconv.Itoa(r.Findings), strconv.Itoa(r.Stories)})
	}
	for _, row := range rows {
		if row == nil {
			cw.Flush()
			if _, err := io.WriteString(w, "\n"); err != nil {
				return fmt.Errorf("summary csv: %w", err)
			}
			continue
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("summary csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("summary csv: %w", err)
	}
	return nil
}

// WriteSummaryMarkdown writes the summary as Markdown tables.
func WriteSummaryMarkdown(w io.Writer, s *Summary) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Corpus summary\n\n")
	fmt.Fprintf(&b, "%d articles (%.1f MB) in %d stories (%d with several articles) · %d claims · %d contradictions · %d anachronisms · %d agreements · %d load errors\n\n",
		s.Articles, float64(s.Bytes)/1e6, s.Stories, s.MultiStories, s.Claims, s.Contradictions, s.Anachronisms, s.Agreements, len(s.Errors))
	b.WriteString("## By outlet\n\n| outlet | articles | claims | contradictions | anachronisms | contradictions / 1k claims | anachronisms / 1k claims |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, o := range s.Outlets {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %.2f | %.2f |\n", mdCell(o.Outlet), o.Articles, o.Claims, o.Contradictions, o.Anachronisms, o.ContradictionsPer1000, o.AnachronismsPer1000)
	}
	b.WriteString("\n## By rule\n\n| rule | type | findings | stories |\n|---|---|---:|---:|\n")
	for _, r := range s.Rules {
		fmt.Fprintf(&b, "| %s | %s | %d | %d |\n", r.Rule, r.Type, r.Findings, r.Stories)
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("summary markdown: %w", err)
	}
	return nil
}

func mdCell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

// chartBar is one outlet's bars in the HTML chart.
type chartBar struct {
	Outlet       string
	Y            int
	ContraW      float64
	AnachW       float64
	Contra, Anac string
}

var summaryHTML = template.Must(template.New("summary").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>crosscheck corpus summary</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem;vertical-align:middle}
</style></head><body>
<h1>Corpus summary</h1>
<p>{{.S.Articles}} articles ({{printf "%.1f" .MB}} MB) in {{.S.Stories}} stories ({{.S.MultiStories}} with several articles) ·
{{.S.Claims}} claims · {{.S.Contradictions}} contradictions · {{.S.Anachronisms}} anachronisms · {{.S.Agreements}} agreements · {{.Errors}} load errors</p>
<h2>Contradictions and anachronisms per 1,000 claims, by outlet</h2>
<p class="legend"><span style="background:#c0392b"></span>contradictions<span style="background:#2980b9"></span>anachronisms</p>
<svg role="img" aria-label="rates by outlet" width="{{.Width}}" height="{{.Height}}" xmlns="http://www.w3.org/2000/svg" font-size="12">
{{range .Bars}}<text x="{{$.LabelW}}" y="{{.Y}}" dy="14" text-anchor="end" dx="-6">{{.Outlet}}</text>
<rect x="{{$.LabelW}}" y="{{.Y}}" width="{{printf "%.1f" .ContraW}}" height="9" fill="#c0392b"><title>{{.Outlet}}: {{.Contra}} contradictions per 1,000 claims</title></rect>
<rect x="{{$.LabelW}}" y="{{.Y}}" transform="translate(0,10)" width="{{printf "%.1f" .AnachW}}" height="9" fill="#2980b9"><title>{{.Outlet}}: {{.Anac}} anachronisms per 1,000 claims</title></rect>
<text x="{{$.LabelW}}" dx="{{printf "%.1f" .ContraW}}" y="{{.Y}}" dy="8" dominant-baseline="middle"> {{.Contra}}</text>
<text x="{{$.LabelW}}" dx="{{printf "%.1f" .AnachW}}" y="{{.Y}}" dy="18" dominant-baseline="middle"> {{.Anac}}</text>
{{end}}</svg>
<h2>By outlet</h2>
<table><tr><th>outlet</th><th>articles</th><th>claims</th><th>contradictions</th><th>anachronisms</th><th>contradictions / 1k claims</th><th>anachronisms / 1k claims</th></tr>
{{range .S.Outlets}}<tr><td>{{.Outlet}}</td><td class="n">{{.Articles}}</td><td class="n">{{.Claims}}</td><td class="n">{{.Contradictions}}</td><td class="n">{{.Anachronisms}}</td><td class="n">{{printf "%.2f" .ContradictionsPer1000}}</td><td class="n">{{printf "%.2f" .AnachronismsPer1000}}</td></tr>
{{end}}</table>
<h2>By rule</h2>
<table><tr><th>rule</th><th>type</th><th>findings</th><th>stories</th></tr>
{{range .S.Rules}}<tr><td>{{.Rule}}</td><td>{{.Type}}</td><td class="n">{{.Findings}}</td><td class="n">{{.Stories}}</td></tr>
{{end}}</table>
</body></html>
`))

// WriteSummaryHTML writes the summary as a self-contained HTML page with
// an SVG bar chart of the per-outlet rates.
func WriteSummaryHTML(w io.Writer, s *Summary) error {
	const labelW, barMax, rowH = 220, 480, 30
	maxRate := 0.0
	for _, o := range s.Outlets {
		maxRate = max(maxRate, o.ContradictionsPer1000, o.AnachronismsPer1000)
	}
	scale := 0.0
	if maxRate > 0 {
		scale = barMax / maxRate
	}
	var bars []chartBar
	for i, o := range s.Outlets {
		bars = append(bars, chartBar{
			Outlet: o.Outlet, Y: 4 + i*rowH,
			ContraW: o.ContradictionsPer1000 * scale, AnachW: o.AnachronismsPer1000 * scale,
			Contra: fmt.Sprintf("%.2f", o.ContradictionsPer1000), Anac: fmt.Sprintf("%.2f", o.AnachronismsPer1000),
		})
	}
	data := map[string]any{
		"S": s, "MB": float64(s.Bytes) / 1e6, "Errors": len(s.Errors), "Bars": bars,
		"LabelW": labelW, "Width": labelW + barMax + 60, "Height": 8 + len(bars)*rowH,
	}
	if err := summaryHTML.Execute(w, data); err != nil {
		return fmt.Errorf("summary html: %w", err)
	}
	return nil
}
