// Package config reads .crosscheck.yaml: which rules run and how severe
// they are, per-path overrides, tolerances, extra knowledge-base facts and
// user claim patterns. A file may extend others; mappings merge key by
// key, so a repository can share a base and adjust a few keys. Every
// error names file:line:column.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck/crosscheck/compare"
)

// FileName is the config file crosscheck looks for.
const FileName = ".crosscheck.yaml"

// maxExtends bounds the chain of extends.
const maxExtends = 16

// Origin is where a value came from: file:line:column, or a default.
type Origin struct {
	File         string
	Line, Column int
}

func (o Origin) String() string {
	if o.File == "" {
		return "default"
	}
	if o.Line == 0 {
		return o.File
	}
	return fmt.Sprintf("%s:%d:%d", o.File, o.Line, o.Column)
}

// Config is the effective configuration.
type Config struct {
	// Files are the files read, the extended ones first; empty when no
	// config file was found.
	Files []string
	// Dir is the directory of the config file that was found (or named);
	// override globs are relative to it.
	Dir string
	// FailOn is the default of --fail-on; empty when not set.
	FailOn   string
	FailOnAt Origin
	// Rules are the per-rule settings by rule name.
	Rules map[string]RuleSetting
	// Overrides apply to findings in the files their globs match; later
	// ones win.
	Overrides []Override
	Tolerance Tolerances
	// KBFiles are extra knowledge-base files (absolute or relative to the
	// working directory); KBInline are kb entries written in the config.
	KBFiles  []string
	KBInline []Inline
	Patterns []*Pattern

	tree *node
}

// RuleSetting turns a rule on or off and sets its severity.
type RuleSetting struct {
	Enabled  *bool
	Severity compare.Severity // SeverityNone: the rule's default
	At       Origin
}

// Override is a set of rule settings for the files its globs match.
type Override struct {
	Paths []string
	Rules map[string]RuleSetting
	At    Origin
}

// Tolerances loosen comparisons.
type Tolerances struct {
	// Date is the granularity at which dates must agree: GranDay (the
	// default) compares as written; GranMonth accepts 11 and 12 April.
	Date   compare.Granularity
	DateAt Origin
	// Number is the relative difference quantities may have (0.05 = 5%).
	Number   float64
	NumberAt Origin
}

// Inline is a kb file written inside a config file: Data keeps the
// config's line and column numbers so the kb loader's errors point at it.
type Inline struct {
	Name string
	Data []byte
}

// Options tell Load what names are valid.
type Options struct {
	// KnownRule reports whether a rule name exists; nil accepts any.
	KnownRule func(name string) bool
}

// Find looks for FileName from dir up to the repository root (the first
// directory holding .git) or the filesystem root. It returns "" when
// there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("finding %s: %w", FileName, err)
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("finding %s: %w", FileName, err)
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Default is the configuration when there is no file.
func Default() *Config {
	return &Config{Rules: map[string]RuleSetting{}, Tolerance: Tolerances{Date: compare.GranDay}}
}

// Load reads the config file at path and the files it extends. path is
// shown in errors as given.
func Load(path string, opt Options) (*Config, error) {
	tree, files, err := loadTree(path, nil)
	if err != nil {
		return nil, err
	}
	c := Default()
	c.Files = files
	c.Dir = filepath.Dir(path)
	c.tree = tree
	if err := c.decode(tree, opt); err != nil {
		return nil, err
	}
	return c, nil
}

// chainError is a problem of the extends chain itself (a cycle, too
// deep), whose message names the chain.
type chainError struct{ error }

func (e chainError) Unwrap() error { return e.error }

// loadTree reads a file and merges it over the files it extends.
func loadTree(path string, chain []string) (*node, []string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, fmt.Errorf("config %s: %w", path, err)
	}
	for _, c := range chain {
		if c == abs {
			return nil, nil, chainError{fmt.Errorf("config %s: extends itself (through %s)", path, strings.Join(chain, " → "))}
		}
	}
	if len(chain) >= maxExtends {
		return nil, nil, chainError{fmt.Errorf("config %s: more than %d levels of extends", path, maxExtends)}
	}
	data, err := readLimited(path)
	if err != nil {
		return nil, nil, err
	}
	own, err := parseYAML(path, data)
	if err != nil {
		return nil, nil, err
	}
	var base *node
	var files []string
	if ext, ok := own.kids["extends"]; ok {
		names, err := ext.strings("extends")
		if err != nil {
			return nil, nil, err
		}
		for _, name := range names {
			p := name
			if !filepath.IsAbs(p) {
				p = filepath.Join(filepath.Dir(path), p)
			}
			if st, err := os.Stat(p); err != nil {
				return nil, nil, ext.err("extends: %v", err)
			} else if st.IsDir() {
				return nil, nil, ext.err("extends: %s is a directory, not a config file", name)
			}
			t, fs, err := loadTree(p, append(chain, abs))
			if err != nil {
				if errors.As(err, new(chainError)) {
					return nil, nil, err // it names the chain already
				}
				// Name the file that extends as well as the one at fault.
				at := ext.origin()
				return nil, nil, fmt.Errorf("%s:%d:%d: extends %s: %w", at.File, at.Line, at.Column, name, err)
			}
			base = merge(base, t)
			files = append(files, fs...)
		}
	}
	resolvePaths(own, path)
	return merge(base, own), append(files, path), nil
}

func readLimited(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	defer fh.Close()
	// One byte over the cap, so that parseYAML sees a file that is too large.
	data, err := io.ReadAll(io.LimitReader(fh, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return data, nil
}

// resolvePaths rewrites the kb file names of a file relative to that
// file, so that a base config in another directory names its own files.
func resolvePaths(n *node, path string) {
	kbn, ok := n.kids["kb"]
	if !ok || kbn.kids == nil {
		return
	}
	files, ok := kbn.kids["files"]
	if !ok || files.y == nil {
		return
	}
	resolve := func(y *yaml.Node) {
		if y.Kind == yaml.ScalarNode && y.Value != "" && !filepath.IsAbs(y.Value) {
			y.Value = filepath.Join(filepath.Dir(path), y.Value)
		}
	}
	if files.y.Kind == yaml.ScalarNode {
		resolve(files.y)
	}
	if files.y.Kind == yaml.SequenceNode {
		for _, c := range files.y.Content {
			resolve(c)
		}
	}
}

// ruleSetting reads `off`, `on`, `error`/`warning`/`info`, or
// {enabled: bool, severity: s}.
func ruleSetting(n *node, name string) (RuleSetting, error) {
	rs := RuleSetting{At: n.origin()}
	on, off := true, false
	if n.kids != nil {
		if err := n.mapping("rules."+name, "enabled", "severity"); err != nil {
			return rs, err
		}
		if e, ok := n.kids["enabled"]; ok {
			b, err := e.boolean("enabled")
			if err != nil {
				return rs, err
			}
			rs.Enabled = &b
		}
		if s, ok := n.kids["severity"]; ok {
			v, err := s.str("severity")
			if err != nil {
				return rs, err
			}
			sev, ok := compare.ParseSeverity(v)
			if !ok || sev == compare.SeverityNone {
				return rs, s.err("severity %q: want error, warning or info", v)
			}
			rs.Severity = sev
		}
		return rs, nil
	}
	v, err := n.str("rules." + name)
	if err != nil {
		return rs, err
	}
	switch v {
	case "on", "true", "enabled":
		rs.Enabled = &on
	case "off", "false", "disabled":
		rs.Enabled = &off
	default:
		sev, ok := compare.ParseSeverity(v)
		if !ok || sev == compare.SeverityNone {
			return rs, n.err("rules.%s: %q: want on, off, error, warning, info or {enabled: …, severity: …}", name, v)
		}
		rs.Severity = sev
	}
	return rs, nil
}

func ruleSettings(n *node, what string, known func(string) bool) (map[string]RuleSetting, error) {
	if n.kids == nil {
		return nil, n.err("%s: want a mapping of rule names to settings", what)
	}
	out := map[string]RuleSetting{}
	for _, k := range n.keys {
		if !known(k) {
			return nil, errAt(n.kidFile(k), n.at[k], "%s: unknown rule %q (see `crosscheck rules`)", what, k)
		}
		rs, err := ruleSetting(n.kids[k], k)
		if err != nil {
			return nil, err
		}
		out[k] = rs
	}
	return out, nil
}

var granularities = map[string]compare.Granularity{
	"day": compare.GranDay, "week": compare.GranWeek, "month": compare.GranMonth, "year": compare.GranYear,
}

func (c *Config) decode(t *node, opt Options) error {
	if err := t.mapping("config", "extends", "fail_on", "rules", "overrides", "tolerances", "kb", "patterns"); err != nil {
		return err
	}
	// Patterns first: their names are rule names the other keys may use.
	userRules := map[string]bool{}
	if n, ok := t.kids["patterns"]; ok {
		ps, err := decodePatterns(n, opt.KnownRule)
		if err != nil {
			return err
		}
		c.Patterns = ps
		for _, p := range ps {
			userRules[p.Name] = true
		}
	}
	known := func(name string) bool {
		return userRules[name] || opt.KnownRule == nil || opt.KnownRule(name)
	}
	if n, ok := t.kids["fail_on"]; ok {
		v, err := n.str("fail_on")
		if err != nil {
			return err
		}
		if _, ok := compare.ParseSeverity(v); !ok {
			return n.err("fail_on %q: want error, warning, info or none", v)
		}
		c.FailOn, c.FailOnAt = v, n.origin()
	}
	if n, ok := t.kids["rules"]; ok {
		rs, err := ruleSettings(n, "rules", known)
		if err != nil {
			return err
		}
		c.Rules = rs
	}
	if n, ok := t.kids["overrides"]; ok {
		if n.y.Kind != yaml.SequenceNode {
			return n.err("overrides: want a list of {paths: […], rules: {…}}")
		}
		for _, it := range n.items() {
			if err := it.mapping("overrides[]", "paths", "rules"); err != nil {
				return err
			}
			o := Override{At: it.origin()}
			pn, ok := it.kids["paths"]
			if !ok {
				return it.err("overrides[]: paths is required")
			}
			paths, err := pn.strings("paths")
			if err != nil {
				return err
			}
			for i, p := range paths {
				if err := checkGlob(p); err != nil {
					at := pn
					if pn.y.Kind == yaml.SequenceNode {
						at = pn.items()[i]
					}
					return at.err("paths: %v", err)
				}
			}
			o.Paths = paths
			rn, ok := it.kids["rules"]
			if !ok {
				return it.err("overrides[]: rules is required")
			}
			if o.Rules, err = ruleSettings(rn, "overrides[].rules", known); err != nil {
				return err
			}
			c.Overrides = append(c.Overrides, o)
		}
	}
	if n, ok := t.kids["tolerances"]; ok {
		if err := n.mapping("tolerances", "date", "number"); err != nil {
			return err
		}
		if d, ok := n.kids["date"]; ok {
			v, err := d.str("tolerances.date")
			if err != nil {
				return err
			}
			g, ok := granularities[v]
			if !ok {
				return d.err("tolerances.date %q: want day, week, month or year", v)
			}
			c.Tolerance.Date, c.Tolerance.DateAt = g, d.origin()
		}
		if d, ok := n.kids["number"]; ok {
			f, err := d.number("tolerances.number")
			if err != nil {
				return err
			}
			if f < 0 || f >= 1 {
				return d.err("tolerances.number %v: want a fraction from 0 to below 1, e.g. 0.05 for 5%%", f)
			}
			c.Tolerance.Number, c.Tolerance.NumberAt = f, d.origin()
		}
	}
	if n, ok := t.kids["kb"]; ok {
		if err := n.mapping("kb", "files", "facts"); err != nil {
			return err
		}
		if f, ok := n.kids["files"]; ok {
			files, err := f.strings("kb.files")
			if err != nil {
				return err
			}
			c.KBFiles = files
		}
		if f, ok := n.kids["facts"]; ok {
			in, err := inlineKB(f)
			if err != nil {
				return err
			}
			c.KBInline = append(c.KBInline, in)
		}
	}
	return nil
}

// inlineKB cuts the facts mapping out of its file with every other byte
// blanked, so the kb loader reads it as a file of its own whose lines and
// columns are the config file's.
func inlineKB(n *node) (Inline, error) {
	if n.y.Kind != yaml.MappingNode {
		return Inline{}, n.err("kb.facts: want a mapping in the kb file format (people:, offices:, terms:, …)")
	}
	data, err := os.ReadFile(n.file)
	if err != nil {
		return Inline{}, fmt.Errorf("config %s: %w", n.file, err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	first, last := n.y.Line, lastLine(n.y)
	// The block ends before the next line that is indented no deeper
	// than the facts key itself.
	end := len(lines)
	for i := last; i < len(lines); i++ {
		l := lines[i]
		trimmed := strings.TrimLeft(l, " ")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if len(l)-len(trimmed) < n.y.Column-1 {
			end = i
			break
		}
	}
	var b strings.Builder
	for i, l := range lines {
		switch {
		case i+1 < first || i >= end:
			if strings.HasSuffix(l, "\n") {
				b.WriteString("\n")
			}
		case i+1 == first:
			col := n.y.Column - 1
			if col > len(l) {
				col = len(l)
			}
			b.WriteString(strings.Repeat(" ", col) + l[col:])
		default:
			b.WriteString(l)
		}
	}
	return Inline{Name: n.file, Data: []byte(b.String())}, nil
}

func lastLine(y *yaml.Node) int {
	l := y.Line
	for _, c := range y.Content {
		l = max(l, lastLine(c))
	}
	return l
}
