package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// Reviewdog Diagnostic Format (rdjsonl: one Diagnostic per line).
type rdDiagnostic struct {
	Message          string      `json:"message"`
	Location         rdLocation  `json:"location"`
	Severity         string      `json:"severity"`
	Source           rdSource    `json:"source"`
	Code             rdCode      `json:"code"`
	RelatedLocations []rdRelated `json:"related_locations,omitempty"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPos `json:"start"`
	End   rdPos `json:"end"`
}

// rdPos is 1-based; reviewdog counts columns in UTF-8 bytes.
type rdPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type rdCode struct {
	Value string `json:"value"`
}

type rdRelated struct {
	Message  string     `json:"message"`
	Location rdLocation `json:"location"`
}

// RDJSONL prints one reviewdog diagnostic per finding (agreements and
// suppressed findings need no review and are left out), the primary claim
// as its location and the other claims as related_locations.
func RDJSONL(w io.Writer, r *compare.Report, opt Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, f := range r.Findings {
		if f.Type == compare.Agreement || f.Suppressed != "" || len(f.Claims) == 0 {
			continue
		}
		d := rdDiagnostic{
			Message:  sarifMessage(f),
			Location: rdLocationFor(f.Claims[0], opt),
			Severity: strings.ToUpper(f.Severity.String()),
			Source:   rdSource{Name: "crosscheck", URL: projectURI},
			Code:     rdCode{Value: f.Rule},
		}
		for _, c := range f.Claims[1:] {
			d.RelatedLocations = append(d.RelatedLocations, rdRelated{
				Message:  fmt.Sprintf("%s: “%s”", docID(c), oneLine(c.Text)),
				Location: rdLocationFor(c, opt),
			})
		}
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("rdjsonl report: %w", err)
		}
	}
	return nil
}

// rdLocationFor converts a claim's span. Byte columns are known when the
// document's text is the file; through a Source mapping only code-point
// columns are, and those are used instead.
func rdLocationFor(c compare.Claim, opt Options) rdLocation {
	l := locate(c)
	sc, ec := l.Column, l.EndCol
	if l.ByteCol > 0 {
		sc, ec = l.ByteCol, l.EndByteC
	}
	return rdLocation{
		Path:  relPath(l.Path, opt.BaseDir),
		Range: rdRange{Start: rdPos{Line: l.Line, Column: sc}, End: rdPos{Line: l.EndLine, Column: ec}},
	}
}
