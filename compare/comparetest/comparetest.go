// Package comparetest is the analysistest of crosscheck: it runs the whole
// pipeline over annotated txtar cases and matches findings against the
// `<!-- want … -->` and `<!-- nowant … -->` comments in the articles,
// strictly one to one. docs/TESTING.md describes the format.
package comparetest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/kb"
	"github.com/crosscheck/crosscheck/compare/source"
	"github.com/crosscheck/crosscheck/rules"
)

// Expectation is one want or nowant clause.
type Expectation struct {
	File string // the article's name in the archive
	Line int
	Want bool // false for a trap (nowant)
	Type compare.Type
	Kind compare.Kind // empty: any kind
	Rx   *regexp.Regexp
	Raw  string
}

func (e Expectation) String() string {
	verb := "want"
	if !e.Want {
		verb = "nowant"
	}
	k := string(e.Type)
	if e.Kind != "" {
		k += "/" + string(e.Kind)
	}
	return fmt.Sprintf("%s:%d: %s %s %q", e.File, e.Line, verb, k, e.Rx.String())
}

// Case is a parsed archive.
type Case struct {
	Path         string
	Comment      string
	Files        map[string][]byte // articles with comments blanked
	Flags        []string
	KB           []byte
	Expect       []Expectation
	StrictAgrees bool
}

var (
	commentRx = regexp.MustCompile(`(?s)<!--\s*((?:no)?want\b.*?)-->`)
	clauseRx  = regexp.MustCompile(`(nowant|want)\s+([a-z]+)(?:/([a-z]+))?\s+"((?:[^"\\]|\\.)*)"`)
)

// Parse reads a txtar case.
func Parse(path string, data []byte) (*Case, error) {
	ar := txtar.Parse(data)
	c := &Case{Path: path, Comment: string(ar.Comment), Files: map[string][]byte{}}
	c.StrictAgrees = strings.Contains(c.Comment, "agreements: strict")
	for _, f := range ar.Files {
		switch f.Name {
		case "flags":
			c.Flags = strings.Fields(string(f.Data))
			continue
		case "kb.yaml":
			c.KB = f.Data
			continue
		}
		text, exps, err := parseExpectations(f.Name, f.Data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		c.Files[f.Name] = text
		c.Expect = append(c.Expect, exps...)
	}
	if len(c.Files) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	return c, nil
}

// parseExpectations blanks want comments out with spaces (keeping offsets
// and lines) and returns the clauses they held.
func parseExpectations(name string, data []byte) ([]byte, []Expectation, error) {
	text := append([]byte(nil), data...)
	var exps []Expectation
	for _, m := range commentRx.FindAllSubmatchIndex(data, -1) {
		line := 1 + bytes.Count(data[:m[0]], []byte("\n"))
		body := string(data[m[2]:m[3]])
		clauses := clauseRx.FindAllStringSubmatch(body, -1)
		if len(clauses) == 0 {
			return nil, nil, fmt.Errorf("%s:%d: malformed expectation %q", name, line, body)
		}
		for _, cl := range clauses {
			pat, err := strconv.Unquote(`"` + cl[4] + `"`)
			if err != nil {
				pat = cl[4]
			}
			rx, err := regexp.Compile(pat)
			if err != nil {
				return nil, nil, fmt.Errorf("%s:%d: bad regexp %q: %w", name, line, pat, err)
			}
			typ := compare.Type(cl[2])
			if typ != compare.Agreement && typ != compare.Contradiction && typ != compare.Anachronism {
				return nil, nil, fmt.Errorf("%s:%d: unknown finding type %q", name, line, cl[2])
			}
			exps = append(exps, Expectation{File: name, Line: line, Want: cl[1] == "want", Type: typ, Kind: compare.Kind(cl[3]), Rx: rx, Raw: cl[0]})
		}
		for i := m[0]; i < m[1]; i++ {
			if text[i] != '\n' {
				text[i] = ' '
			}
		}
	}
	return text, exps, nil
}

// Result is the outcome of one case.
type Result struct {
	Case       *Case
	Report     *compare.Report
	Met        []Expectation     // wants with their finding
	Missed     []Expectation     // wants without
	TrapHits   []Expectation     // nowants a finding hit
	TrapsHeld  []Expectation     // nowants no finding hit
	Unexpected []compare.Finding // contradictions/anachronisms no want claimed
	FindingFor map[int]compare.Finding
}

// Runner runs cases against the embedded knowledge base, loaded once:
// parsing it is most of a small case's time, and the pipeline only reads
// it. A case with its own kb.yaml still gets a fresh copy.
type Runner struct {
	kb  *kb.KB
	gaz *extract.Gazetteer
}

// NewRunner loads the embedded knowledge base.
func NewRunner() (*Runner, error) {
	k, err := kb.Embedded()
	if err != nil {
		return nil, err
	}
	return &Runner{kb: k, gaz: extract.NewGazetteer(k)}, nil
}

// Execute runs a case through the whole pipeline with all rules.
func Execute(c *Case, dir string) (*Result, error) {
	r, err := NewRunner()
	if err != nil {
		return nil, err
	}
	return r.Execute(c, dir)
}

// Execute runs a case through the whole pipeline with all rules.
func (r *Runner) Execute(c *Case, dir string) (*Result, error) {
	var paths []string
	names := make([]string, 0, len(c.Files))
	for n := range c.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, c.Files[n], 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	k, gaz := r.kb, r.gaz
	if c.KB != nil {
		var err error
		if k, err = kb.Embedded(); err != nil {
			return nil, err
		}
		if err := k.Add("kb.yaml", c.KB); err != nil {
			return nil, err
		}
		gaz = extract.NewGazetteer(k)
	}
	var asOf *time.Time
	for i := 0; i < len(c.Flags); i++ {
		switch c.Flags[i] {
		case "--as-of":
			if i+1 >= len(c.Flags) {
				return nil, fmt.Errorf("flags: --as-of needs a date")
			}
			t, err := time.Parse("2006-01-02", c.Flags[i+1])
			if err != nil {
				return nil, fmt.Errorf("flags: %w", err)
			}
			asOf = &t
			i++
		default:
			return nil, fmt.Errorf("flags: unsupported flag %q", c.Flags[i])
		}
	}
	docs, errs := source.Load(paths, source.Options{})
	for _, e := range errs {
		if !source.IsWarning(e) {
			return nil, fmt.Errorf("loading: %s", e.Error())
		}
	}
	rep, err := check.Run(context.Background(), docs, check.Config{
		Rules:     rules.All(),
		KB:        k,
		Gazetteer: gaz,
		AsOf:      asOf,
		Now:       time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Workers:   1,
	})
	if err != nil {
		return nil, err
	}
	return Match(c, rep, dir), nil
}

// Match pairs findings with expectations, one to one.
func Match(c *Case, rep *compare.Report, dir string) *Result {
	res := &Result{Case: c, Report: rep, FindingFor: map[int]compare.Finding{}}
	used := make([]bool, len(rep.Findings))
	hits := func(e Expectation, f compare.Finding) bool {
		if f.Type != e.Type || (e.Kind != "" && f.Kind != e.Kind) {
			return false
		}
		for _, cl := range f.Claims {
			rel, err := filepath.Rel(dir, cl.Doc.Path)
			if err != nil || filepath.ToSlash(rel) != e.File {
				continue
			}
			if cl.Doc.Position(cl.Span.Start).Line == e.Line && e.Rx.MatchString(cl.Text) {
				return true
			}
		}
		return false
	}
	for i, e := range c.Expect {
		if !e.Want {
			continue
		}
		found := false
		for j, f := range rep.Findings {
			if !used[j] && hits(e, f) {
				used[j], found = true, true
				res.Met = append(res.Met, e)
				res.FindingFor[i] = f
				break
			}
		}
		if !found {
			res.Missed = append(res.Missed, e)
		}
	}
	for _, e := range c.Expect {
		if e.Want {
			continue
		}
		hit := false
		for _, f := range rep.Findings {
			if hits(e, f) {
				hit = true
				break
			}
		}
		if hit {
			res.TrapHits = append(res.TrapHits, e)
		} else {
			res.TrapsHeld = append(res.TrapsHeld, e)
		}
	}
	for j, f := range rep.Findings {
		if used[j] {
			continue
		}
		if f.Type == compare.Agreement && !c.StrictAgrees {
			continue
		}
		res.Unexpected = append(res.Unexpected, f)
	}
	return res
}

// Describe renders a finding with its claims' places, for failures.
func Describe(f compare.Finding) string {
	var parts []string
	for _, c := range f.Claims {
		pos := c.Doc.Position(c.Span.Start)
		parts = append(parts, fmt.Sprintf("%s:%d:%d %q", filepath.Base(c.Doc.Path), pos.Line, pos.Column, c.Text))
	}
	return fmt.Sprintf("%s %s/%s [%s]: %s — %s", f.Rule, f.Type, f.Kind, f.Severity, f.Message, strings.Join(parts, "; "))
}

// Run runs every case matching the glob as a subtest and fails on any
// missed want, trap hit or unexpected finding.
func Run(t *testing.T, pattern string) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no cases match %s", pattern)
	}
	r, err := NewRunner()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c, err := Parse(file, data)
			if err != nil {
				t.Fatal(err)
			}
			res, err := r.Execute(c, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range res.Missed {
				t.Errorf("%s: no finding", e)
			}
			for _, e := range res.TrapHits {
				t.Errorf("%s: trap was hit", e)
			}
			for _, f := range res.Unexpected {
				t.Errorf("unexpected finding: %s", Describe(f))
			}
		})
	}
}
