package reports

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/crosscheck/crosscheck/compare"
)

// The JSON contract, version 1 (docs/ARCHITECTURE.md, docs/report.schema.json).
// Users' scripts rely on it: change it only by adding fields, or by
// bumping jsonVersion.
const jsonVersion = 1

type jsonReport struct {
	Version   int            `json:"version"`
	AsOf      *string        `json:"as_of"`
	Documents []jsonDocument `json:"documents"`
	Findings  []jsonFinding  `json:"findings"`
	// Notices are what post-processing says about the run (a suppression
	// that expired or suppressed nothing). An added field: the findings
	// array keeps the contract's three types.
	Notices []jsonFinding `json:"notices"`
	Errors  []jsonError   `json:"errors"`
	Summary jsonSummary   `json:"summary"`
}

type jsonDocument struct {
	ID            string   `json:"id"`
	Path          string   `json:"path"`
	Title         string   `json:"title"`
	Outlet        *string  `json:"outlet"`
	URL           *string  `json:"url"`
	Published     *string  `json:"published"`
	ReferenceTime *string  `json:"reference_time"`
	ReferenceFrom string   `json:"reference_from"`
	Era           *jsonEra `json:"era"`
}

type jsonEra struct {
	From  *string `json:"from"`
	To    *string `json:"to"`
	Empty bool    `json:"empty"`
}

type jsonFinding struct {
	ID             string         `json:"id"`
	Rule           string         `json:"rule"`
	Type           compare.Type   `json:"type"`
	Kind           compare.Kind   `json:"kind"`
	Severity       string         `json:"severity"`
	Subject        string         `json:"subject"`
	Message        string         `json:"message"`
	Claims         []jsonClaim    `json:"claims"`
	Evidence       []string       `json:"evidence"`
	EvidenceDetail []jsonEvidence `json:"evidence_detail"`
	Diff           *compare.Diff  `json:"diff"`
	Fingerprint    string         `json:"fingerprint"`
	Suppressed     string         `json:"suppressed,omitempty"`
}

type jsonClaim struct {
	Doc     string `json:"doc"`
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Value   string `json:"value"`
	Segment string `json:"segment"`
	Speaker string `json:"speaker,omitempty"`
	Timex   string `json:"timex,omitempty"`
}

type jsonEvidence struct {
	Text   string  `json:"text"`
	Source string  `json:"source"`
	Person string  `json:"person"`
	Office string  `json:"office"`
	From   *string `json:"from"`
	To     *string `json:"to"`
	Died   *string `json:"died"`
}

type jsonError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Documents     int `json:"documents"`
	Agreement     int `json:"agreement"`
	Contradiction int `json:"contradiction"`
	Anachronism   int `json:"anachronism"`
	Errors        int `json:"errors"`
}

// JSON prints the report as one indented JSON document (contract version 1).
func JSON(w io.Writer, r *compare.Report, _ Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(toJSON(r)); err != nil {
		return fmt.Errorf("json report: %w", err)
	}
	return nil
}

// JSONL prints one finding per line, each the finding object of the JSON
// format, so that line-oriented tools (grep, jq -c, split) can stream it.
func JSONL(w io.Writer, r *compare.Report, _ Options) error {
	var line []byte
	for _, f := range r.Findings {
		if !ContractType(f.Type) {
			continue
		}
		line = append(AppendFindingJSON(line[:0], f), '\n')
		if _, err := w.Write(line); err != nil {
			return fmt.Errorf("jsonl report: %w", err)
		}
	}
	return nil
}

// strOrNull is nil for "", so that an unknown value is null, not "".
func strOrNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toJSON(r *compare.Report) jsonReport {
	out := jsonReport{
		Version:   jsonVersion,
		AsOf:      strOrNull(date(r.AsOf)),
		Documents: []jsonDocument{},
		Findings:  []jsonFinding{},
		Notices:   []jsonFinding{},
		Errors:    []jsonError{},
	}
	for _, d := range r.Documents {
		jd := jsonDocument{
			ID: d.ID, Path: d.Path, Title: d.Title,
			Outlet: strOrNull(d.Outlet), URL: strOrNull(d.URL),
			Published:     strOrNull(date(d.Published)),
			ReferenceTime: strOrNull(date(&d.Reference)),
			ReferenceFrom: d.ReferenceFrom,
		}
		if e, ok := r.Eras[d.ID]; ok {
			jd.Era = &jsonEra{From: strOrNull(date(e.From)), To: strOrNull(date(e.To)), Empty: e.Empty}
		}
		out.Documents = append(out.Documents, jd)
	}
	for _, f := range r.Findings {
		if ContractType(f.Type) {
			out.Findings = append(out.Findings, toJSONFinding(f))
		} else {
			out.Notices = append(out.Notices, toJSONFinding(f))
		}
	}
	for _, e := range r.Errors {
		out.Errors = append(out.Errors, jsonError{Path: e.Path, Message: e.Message})
	}
	a, c, n := countTypes(r)
	out.Summary = jsonSummary{Documents: len(r.Documents), Agreement: a, Contradiction: c, Anachronism: n, Errors: len(r.Errors)}
	return out
}

func toJSONFinding(f compare.Finding) jsonFinding {
	jf := jsonFinding{
		ID: f.ID, Rule: f.Rule, Type: f.Type, Kind: f.Kind, Severity: f.Severity.String(),
		Subject: f.Subject, Message: f.Message,
		Claims: []jsonClaim{}, Evidence: []string{}, EvidenceDetail: []jsonEvidence{},
		Fingerprint: fingerprint(f), Suppressed: f.Suppressed,
	}
	for _, c := range f.Claims {
		l := locate(c)
		jf.Claims = append(jf.Claims, jsonClaim{
			Doc: docID(c), Path: l.Path, Line: l.Line, Column: l.Column,
			Start: c.Span.Start, End: c.Span.End, Text: c.Text, Value: c.Value,
			Segment: string(segment(c)), Speaker: c.Speaker, Timex: c.Timex,
		})
	}
	for _, e := range f.Evidence {
		jf.Evidence = append(jf.Evidence, e.Text)
		jf.EvidenceDetail = append(jf.EvidenceDetail, jsonEvidence{
			Text: e.Text, Source: e.Source, Person: e.Person, Office: e.Office,
			From: strOrNull(date(e.From)), To: strOrNull(date(e.To)), Died: strOrNull(date(e.Died)),
		})
	}
	if f.Diff != nil {
		d := *f.Diff
		if d.Ops == nil {
			d.Ops = []compare.DiffOp{}
		}
		jf.Diff = &d
	}
	return jf
}

// segment is the claim's segment, looked up in its document when the
// extractor left it empty.
func segment(c compare.Claim) compare.Segment {
	if c.Segment != "" || c.Doc == nil {
		return c.Segment
	}
	return c.Doc.SegmentAt(c.Span.Start)
}

// ContractType reports whether a finding type is one of the JSON
// contract's (agreement, contradiction, anachronism): the findings the
// jsonl format prints.
func ContractType(t compare.Type) bool {
	return t == compare.Agreement || t == compare.Contradiction || t == compare.Anachronism
}
