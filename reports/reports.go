// Package reports renders a compare.Report for its consumers: a terminal
// (table), scripts (json, jsonl, csv), CI systems (sarif, junit, github,
// rdjsonl), pull requests (markdown) and editors (html). A printer is one
// function; Get looks one up by name. Printers never decide the exit code:
// that policy lives with the report's caller.
package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

// Options configure a printer.
type Options struct {
	// Color turns on ANSI colour in the table format; the caller decides
	// (NO_COLOR, --no-color, a terminal or not).
	Color bool
	// Width is the terminal width for the table format; 0 means 100.
	Width int
	// ToolVersion is crosscheck's version, for SARIF and JUnit.
	ToolVersion string
	// BaseDir makes paths relative in the SARIF, github and rdjsonl
	// formats, which CI systems resolve against the repository root.
	BaseDir string
}

// Printer writes a report in one format.
type Printer func(w io.Writer, r *compare.Report, opt Options) error

// printers maps each format name to its printer. A function rather than a
// package variable so that no caller can change the set.
func printers() map[string]Printer {
	return map[string]Printer{
		"csv":      CSV,
		"github":   GitHub,
		"html":     HTML,
		"json":     JSON,
		"jsonl":    JSONL,
		"junit":    JUnit,
		"markdown": Markdown,
		"rdjsonl":  RDJSONL,
		"sarif":    SARIF,
		"table":    Table,
	}
}

// Names lists the format names, sorted.
func Names() []string {
	p := printers()
	names := make([]string, 0, len(p))
	for n := range p {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Get returns the printer for a format name.
func Get(name string) (Printer, error) {
	if p, ok := printers()[name]; ok {
		return p, nil
	}
	return nil, fmt.Errorf("unknown format %q (valid: %s)", name, strings.Join(Names(), ", "))
}

// loc is where a claim stands in its original file.
type loc struct {
	Path              string
	Line, Column      int // 1-based; Column counts code points
	EndLine, EndCol   int // the position just after the claim's last character
	ByteCol, EndByteC int // 1-based byte columns (reviewdog counts bytes); 0 when unknown
}

// locate converts a claim's span into file positions. Document.Source,
// when set, maps offsets in an extracted text (an HTML body, a JSON
// record) back to the file; otherwise Text is the file itself.
func locate(c compare.Claim) loc {
	d := c.Doc
	if d == nil {
		return loc{}
	}
	if d.Source != nil {
		p, l, col := d.Source(c.Span.Start)
		_, el, ecol := d.Source(c.Span.End)
		return loc{Path: p, Line: l, Column: col, EndLine: el, EndCol: ecol}
	}
	s, e := d.Position(c.Span.Start), d.Position(c.Span.End)
	return loc{
		Path: d.Path, Line: s.Line, Column: s.Column, EndLine: e.Line, EndCol: e.Column,
		ByteCol: byteColumn(d.Text, c.Span.Start), EndByteC: byteColumn(d.Text, c.Span.End),
	}
}

// byteColumn is the 1-based byte column of off in text.
func byteColumn(text []byte, off int) int {
	off = min(max(off, 0), len(text))
	start := off
	for start > 0 && text[start-1] != '\n' {
		start--
	}
	return off - start + 1
}

// relPath makes p relative to base (with forward slashes) when both are
// given and p lies under base; otherwise p is returned with forward slashes.
func relPath(p, base string) string {
	if base != "" && p != "" {
		ap, err1 := filepath.Abs(p)
		ab, err2 := filepath.Abs(base)
		if err1 == nil && err2 == nil {
			if r, err := filepath.Rel(ab, ap); err == nil && !strings.HasPrefix(r, "..") {
				p = r
			}
		}
	}
	return filepath.ToSlash(p)
}

// date formats a day; nil and zero times are "".
func date(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// countTypes counts the reported findings of each type; suppressed ones
// (kept with --show-suppressed) do not count.
func countTypes(r *compare.Report) (agree, contra, anach int) {
	for _, f := range r.Findings {
		if f.Suppressed != "" {
			continue
		}
		switch f.Type {
		case compare.Agreement:
			agree++
		case compare.Contradiction:
			contra++
		case compare.Anachronism:
			anach++
		}
	}
	return agree, contra, anach
}

// fingerprint is the finding's own fingerprint, or one derived from the
// rule and the normalised claims (never from positions) when the pipeline
// left it empty.
func fingerprint(f compare.Finding) string {
	if f.Fingerprint != "" {
		return f.Fingerprint
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s", f.Rule, f.Kind, f.Subject)
	for _, c := range f.Claims {
		id := ""
		if c.Doc != nil {
			id = c.Doc.ID
		}
		fmt.Fprintf(h, "\x00%s\x00%s\x00%s", id, c.Value, strings.Join(strings.Fields(c.Text), " "))
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// docID is the claim's document ID, or "?" for a claim without one.
func docID(c compare.Claim) string {
	if c.Doc == nil {
		return "?"
	}
	return c.Doc.ID
}

// oneLine folds runs of whitespace (newlines included) into one space, so
// that a claim's text never breaks a line-oriented format.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// typeOrder is the order findings are grouped in: problems first.
func typeOrder() []compare.Type {
	return []compare.Type{compare.Contradiction, compare.Anachronism, compare.Agreement}
}

// plural returns "1 contradiction" or "2 contradictions".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// summaryLine is "3 documents · 6 contradictions · 4 anachronisms · 3 agreements · 0 errors".
func summaryLine(r *compare.Report) string {
	a, c, n := countTypes(r)
	return strings.Join([]string{
		plural(len(r.Documents), "document"), plural(c, "contradiction"),
		plural(n, "anachronism"), plural(a, "agreement"), plural(len(r.Errors), "error"),
	}, " · ")
}

// truncate shortens s to at most n code points, with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
