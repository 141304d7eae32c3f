package check

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// baselineVersion is the version of the baseline file format.
const baselineVersion = 1

// maxBaselineBytes bounds what ReadBaseline accepts.
const maxBaselineBytes = 64 << 20

// Baseline is a set of accepted findings, keyed by fingerprint: the rule
// and the normalised claims, never line numbers, so that it survives
// edits that move a finding.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`

	index map[string]bool
}

// BaselineEntry is one accepted finding; Rule and Message are for people
// reading the file, only Fingerprint is matched.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Message     string `json:"message"`
}

// NewBaseline records the reported (unsuppressed) findings, notices
// excepted, sorted by fingerprint so that the file diffs well.
func NewBaseline(fs []compare.Finding) *Baseline {
	b := &Baseline{Version: baselineVersion, Findings: []BaselineEntry{}}
	seen := map[string]bool{}
	for _, f := range fs {
		if f.Suppressed != "" || f.Type == Notice || seen[f.Fingerprint] {
			continue
		}
		seen[f.Fingerprint] = true
		b.Findings = append(b.Findings, BaselineEntry{Fingerprint: f.Fingerprint, Rule: f.Rule, Message: f.Message})
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		if b.Findings[i].Fingerprint != b.Findings[j].Fingerprint {
			return b.Findings[i].Fingerprint < b.Findings[j].Fingerprint
		}
		return b.Findings[i].Rule < b.Findings[j].Rule
	})
	return b
}

// Write writes the baseline as indented JSON.
func (b *Baseline) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	return nil
}

// ReadBaseline parses a baseline file; name is used in errors.
func ReadBaseline(name string, r io.Reader) (*Baseline, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBaselineBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading baseline %s: %w", name, err)
	}
	if len(data) > maxBaselineBytes {
		return nil, fmt.Errorf("baseline %s: larger than %d bytes", name, maxBaselineBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b Baseline
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s: %w", name, err)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("baseline %s: version %d, want %d (rewrite it with --write-baseline)", name, b.Version, baselineVersion)
	}
	b.index = map[string]bool{}
	for i, e := range b.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline %s: finding %d has no fingerprint", name, i+1)
		}
		b.index[e.Fingerprint] = true
	}
	return &b, nil
}

// Step marks the findings the baseline holds as suppressed.
func (b *Baseline) Step() func([]compare.Finding) []compare.Finding {
	return func(fs []compare.Finding) []compare.Finding {
		for i := range fs {
			if fs[i].Suppressed == "" && b.index[fs[i].Fingerprint] {
				fs[i].Suppressed = "baseline"
			}
		}
		return fs
	}
}

// ChangedLines maps a cleaned absolute file path to the set of its lines
// added or changed (1-based, in the new version). A file mapped to nil is
// wholly new: every line counts as changed.
type ChangedLines map[string]map[int]bool

// Changed reports whether line of file is changed.
func (c ChangedLines) Changed(file string, line int) bool {
	lines, ok := c[file]
	if !ok {
		return false
	}
	return lines == nil || lines[line]
}

// ParseUnifiedDiff reads `git diff --unified=0` output. Paths in the diff
// are relative to root (the repository's top level). Deleted lines are
// not in the new file; a pure deletion marks the line after it as
// changed, so that a claim next to removed text counts.
func ParseUnifiedDiff(r io.Reader, root string) (ChangedLines, error) {
	out := ChangedLines{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	var cur string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				cur = ""
				continue
			}
			name = strings.TrimPrefix(unquoteGitPath(name), "b/")
			cur = filepath.Clean(filepath.Join(root, filepath.FromSlash(name)))
			if _, ok := out[cur]; !ok {
				out[cur] = map[int]bool{}
			}
		case strings.HasPrefix(line, "@@ ") && cur != "":
			start, n, err := newRange(line)
			if err != nil {
				return nil, err
			}
			if n == 0 {
				out[cur][max(start, 1)] = true
				out[cur][start+1] = true
				continue
			}
			for l := start; l < start+n; l++ {
				out[cur][l] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading git diff: %w", err)
	}
	return out, nil
}

// newRange parses the "+start,count" part of a hunk header.
func newRange(hunk string) (start, n int, err error) {
	fields := strings.Fields(hunk)
	for _, f := range fields[1:] {
		if !strings.HasPrefix(f, "+") {
			continue
		}
		a, b, hasCount := strings.Cut(f[1:], ",")
		start, err = strconv.Atoi(a)
		if err != nil || start < 0 {
			return 0, 0, fmt.Errorf("bad hunk header %q", hunk)
		}
		n = 1
		if hasCount {
			n, err = strconv.Atoi(b)
			if err != nil || n < 0 {
				return 0, 0, fmt.Errorf("bad hunk header %q", hunk)
			}
		}
		return start, n, nil
	}
	return 0, 0, fmt.Errorf("bad hunk header %q", hunk)
}

// unquoteGitPath undoes git's C-style quoting of unusual file names.
func unquoteGitPath(s string) string {
	if len(s) >= 2 && s[0] == '"' {
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
	}
	return s
}

// OnlyChanged marks as suppressed the findings none of whose claims
// stands on a changed line; either side of a cross-file finding counts.
// abs turns a document path into the key ChangedLines uses.
func OnlyChanged(changed ChangedLines, rev string, abs func(path string) string) func([]compare.Finding) []compare.Finding {
	return func(fs []compare.Finding) []compare.Finding {
		for i := range fs {
			if fs[i].Suppressed != "" {
				continue
			}
			hit := false
			for _, c := range fs[i].Claims {
				if c.Doc == nil {
					continue
				}
				p, line, _ := position(c.Doc, c.Span.Start)
				_, endLine, _ := position(c.Doc, max(c.Span.Start, c.Span.End-1))
				for l := line; l <= endLine && !hit; l++ {
					hit = changed.Changed(abs(p), l)
				}
				if hit {
					break
				}
			}
			if !hit {
				fs[i].Suppressed = "unchanged since " + rev
			}
		}
		return fs
	}
}
