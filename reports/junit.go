package reports

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties *junitPropsList `xml:"properties,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitPropsList struct {
	Props []junitProp `xml:"property"`
}

type junitProp struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
	SystemOut *junitText    `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",cdata"`
}

// junitText is element text as CDATA, so that line breaks stay readable.
type junitText struct {
	Text string `xml:",cdata"`
}

// JUnit prints JUnit XML: a test suite per rule that ran (a rule without
// findings is one passing case), a failing case per contradiction or
// anachronism, a passing case per agreement, a skipped case per
// suppressed finding, and a "documents" suite with an error case per
// document that failed to load.
func JUnit(w io.Writer, r *compare.Report, opt Options) error {
	out := junitSuites{Name: "crosscheck"}
	var order []string
	byRule := map[string]*junitSuite{}
	suite := func(name string) *junitSuite {
		if s, ok := byRule[name]; ok {
			return s
		}
		s := &junitSuite{Name: xmlText(name)}
		byRule[name] = s
		order = append(order, name)
		return s
	}
	for _, rl := range r.Rules {
		if rl != nil {
			suite(rl.Name)
		}
	}
	for _, f := range r.Findings {
		s := suite(f.Rule)
		tc := junitCase{Name: xmlText(f.ID + ": " + oneLine(f.Message)), Classname: xmlText("crosscheck." + f.Rule)}
		if len(f.Claims) > 0 {
			l := locate(f.Claims[0])
			tc.File, tc.Line = xmlText(relPath(l.Path, opt.BaseDir)), l.Line
		}
		detail := xmlText(junitDetail(f, opt))
		switch {
		case f.Suppressed != "":
			tc.Skipped = &junitProblem{Message: xmlText("suppressed: " + oneLine(f.Suppressed))}
			s.Skipped++
		case f.Type == compare.Agreement:
			tc.SystemOut = &junitText{Text: detail}
		default:
			tc.Failure = &junitProblem{Message: xmlText(oneLine(f.Message)), Type: xmlText(string(f.Type) + "/" + f.Severity.String()), Text: detail}
			s.Failures++
		}
		s.Cases = append(s.Cases, tc)
	}
	for _, name := range order {
		s := byRule[name]
		if len(s.Cases) == 0 {
			s.Cases = []junitCase{{Name: "no findings", Classname: xmlText("crosscheck." + name)}}
		}
		s.Tests = len(s.Cases)
		out.Suites = append(out.Suites, *s)
	}
	docs := junitSuite{Name: "documents"}
	for _, d := range r.Documents {
		docs.Cases = append(docs.Cases, junitCase{Name: xmlText(d.ID), Classname: "crosscheck.documents", File: xmlText(relPath(d.Path, opt.BaseDir))})
	}
	for _, e := range r.Errors {
		p := xmlText(relPath(e.Path, opt.BaseDir))
		docs.Cases = append(docs.Cases, junitCase{Name: p, Classname: "crosscheck.documents", File: p,
			Error: &junitProblem{Message: xmlText(oneLine(e.Message)), Type: "load"}})
		docs.Errors++
	}
	docs.Tests = len(docs.Cases)
	if opt.ToolVersion != "" {
		docs.Properties = &junitPropsList{Props: []junitProp{{Name: "crosscheck.version", Value: xmlText(opt.ToolVersion)}}}
	}
	out.Suites = append(out.Suites, docs)
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("junit report: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("junit report: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("junit report: %w", err)
	}
	return nil
}

// xmlText drops what XML 1.0 cannot carry (invalid UTF-8, control
// characters but tab and line breaks); CDATA sections are not escaped,
// so this must happen before encoding.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError, r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// junitDetail lists a finding's claims, evidence and diff, one per line.
func junitDetail(f compare.Finding, opt Options) string {
	var lines []string
	for _, c := range f.Claims {
		l := locate(c)
		lines = append(lines, fmt.Sprintf("%s:%d:%d “%s”", relPath(l.Path, opt.BaseDir), l.Line, l.Column, oneLine(c.Text)))
	}
	for _, e := range f.Evidence {
		lines = append(lines, "kb: "+oneLine(e.Text))
	}
	if f.Diff != nil {
		lines = append(lines, "diff: "+oneLine(f.Diff.Unified))
	}
	return strings.Join(lines, "\n")
}
