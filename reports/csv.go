package reports

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// CSV prints one row per claim of each finding, the primary claim first
// (role "primary", then "related"), for spreadsheets and data frames.
func CSV(w io.Writer, r *compare.Report, _ Options) error {
	cw := csv.NewWriter(w)
	header := []string{
		"finding", "rule", "type", "kind", "severity", "subject", "message", "role",
		"doc", "path", "line", "column", "start", "end", "text", "value", "evidence", "fingerprint", "suppressed",
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("csv report: %w", err)
	}
	for _, f := range r.Findings {
		ev := make([]string, len(f.Evidence))
		for i, e := range f.Evidence {
			ev[i] = oneLine(e.Text)
		}
		for i, c := range f.Claims {
			role := "related"
			if i == 0 {
				role = "primary"
			}
			l := locate(c)
			row := []string{
				f.ID, f.Rule, string(f.Type), string(f.Kind), f.Severity.String(), f.Subject, cell(f.Message), role,
				docID(c), l.Path, strconv.Itoa(l.Line), strconv.Itoa(l.Column), strconv.Itoa(c.Span.Start), strconv.Itoa(c.Span.End),
				cell(c.Text), cell(c.Value), cell(strings.Join(ev, " | ")), fingerprint(f), cell(f.Suppressed),
			}
			if err := cw.Write(row); err != nil {
				return fmt.Errorf("csv report: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("csv report: %w", err)
	}
	return nil
}

// cell keeps article text from being read as a spreadsheet formula: text
// starting with = + - @ gets a leading apostrophe (OWASP's advice for CSV
// injection); line breaks are folded to spaces.
func cell(s string) string {
	s = oneLine(s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
