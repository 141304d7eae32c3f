package config

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// Enabled reports whether the config leaves a rule on (rules are on
// unless a setting turns them off).
func (c *Config) Enabled(rule string) bool {
	s, ok := c.Rules[rule]
	return !ok || s.Enabled == nil || *s.Enabled
}

// Severities returns the severity overrides of the rules section.
func (c *Config) Severities() map[string]compare.Severity {
	out := map[string]compare.Severity{}
	for name, s := range c.Rules {
		if s.Severity != compare.SeverityNone {
			out[name] = s.Severity
		}
	}
	return out
}

// OverrideStep applies the per-path overrides: a finding takes the
// severity set for its primary claim's file, and is suppressed when the
// rule is off for the files of all its claims. rel maps a document path
// to the slash-separated path the globs match (relative to Config.Dir).
func (c *Config) OverrideStep(rel func(docPath string) string) func([]compare.Finding) []compare.Finding {
	return func(fs []compare.Finding) []compare.Finding {
		if len(c.Overrides) == 0 {
			return fs
		}
		for i := range fs {
			f := &fs[i]
			if len(f.Claims) == 0 || f.Claims[0].Doc == nil {
				continue
			}
			if s, ok := c.settingFor(rel(f.Claims[0].Doc.Path), f.Rule); ok && s.Severity != compare.SeverityNone {
				f.Severity = s.Severity
			}
			off, why := true, ""
			for _, cl := range f.Claims {
				if cl.Doc == nil {
					off = false
					break
				}
				s, ok := c.settingFor(rel(cl.Doc.Path), f.Rule)
				if !ok || s.Enabled == nil || *s.Enabled {
					off = false
					break
				}
				why = "config: " + f.Rule + " off for these files (" + s.At.String() + ")"
			}
			if off && f.Suppressed == "" {
				f.Suppressed = why
			}
		}
		return fs
	}
}

// settingFor merges the overrides matching a path; later ones win, key by
// key.
func (c *Config) settingFor(p, rule string) (RuleSetting, bool) {
	var out RuleSetting
	found := false
	for _, o := range c.Overrides {
		s, ok := o.Rules[rule]
		if !ok || !matchAny(o.Paths, p) {
			continue
		}
		found = true
		if s.Enabled != nil {
			out.Enabled = s.Enabled
			out.At = s.At
		}
		if s.Severity != compare.SeverityNone {
			out.Severity = s.Severity
		}
	}
	return out, found
}

// RelPath makes a document path relative to the config's directory, in
// slash form, for glob matching; a path outside it stays as given.
func (c *Config) RelPath(docPath string) string {
	docPath, _, _ = strings.Cut(docPath, "#") // JSONL records: path#line
	if c.Dir == "" {
		return filepath.ToSlash(docPath)
	}
	absDoc, err1 := filepath.Abs(docPath)
	absDir, err2 := filepath.Abs(c.Dir)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(docPath)
	}
	r, err := filepath.Rel(absDir, absDoc)
	if err != nil || strings.HasPrefix(r, "..") {
		return filepath.ToSlash(docPath)
	}
	return filepath.ToSlash(r)
}

func checkGlob(g string) error {
	for _, part := range strings.Split(g, "/") {
		if part == "**" {
			continue
		}
		if _, err := path.Match(part, ""); err != nil {
			return fmt.Errorf("bad glob %q: %w", g, err)
		}
	}
	return nil
}

func matchAny(globs []string, p string) bool {
	for _, g := range globs {
		if Match(g, p) {
			return true
		}
	}
	return false
}

// Match matches a slash-separated path against a glob in which "**"
// stands for any number of directories and the other parts follow
// path.Match. A glob without a slash matches the base name anywhere, as
// in .gitignore.
func Match(glob, p string) bool {
	if !strings.Contains(glob, "/") {
		ok, _ := path.Match(glob, path.Base(p))
		return ok
	}
	return matchParts(strings.Split(glob, "/"), strings.Split(p, "/"))
}

func matchParts(g, p []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(p); i++ {
				if matchParts(g[1:], p[i:]) {
					return true
				}
			}
			return false
		}
		if len(p) == 0 {
			return false
		}
		if ok, _ := path.Match(g[0], p[0]); !ok {
			return false
		}
		g, p = g[1:], p[1:]
	}
	return len(p) == 0
}

// ToleranceStep suppresses the date and quantity contradictions whose
// values agree within the configured tolerances.
func (c *Config) ToleranceStep() func([]compare.Finding) []compare.Finding {
	return func(fs []compare.Finding) []compare.Finding {
		for i := range fs {
			f := &fs[i]
			if f.Type != compare.Contradiction || f.Suppressed != "" {
				continue
			}
			switch {
			case f.Kind == compare.KindDate && c.Tolerance.Date > compare.GranDay:
				if datesAgree(f.Claims, c.Tolerance.Date) {
					f.Suppressed = fmt.Sprintf("tolerance: dates agree to the %s (%s)", granName(c.Tolerance.Date), c.Tolerance.DateAt)
				}
			case f.Kind == compare.KindQuantity && c.Tolerance.Number > 0:
				if numbersAgree(f.Claims, c.Tolerance.Number) {
					f.Suppressed = fmt.Sprintf("tolerance: figures within %g%% (%s)", c.Tolerance.Number*100, c.Tolerance.NumberAt)
				}
			}
		}
		return fs
	}
}

func granName(g compare.Granularity) string {
	for n, v := range granularities {
		if v == g {
			return n
		}
	}
	return "day"
}

// datesAgree reports whether every claim's date falls in one period of
// granularity g. Values it cannot read make it false: no suppression on
// a guess.
func datesAgree(cs []compare.Claim, g compare.Granularity) bool {
	key := ""
	for i, c := range cs {
		k, ok := dateKey(c.Value, g)
		if !ok {
			return false
		}
		if i > 0 && k != key {
			return false
		}
		key = k
	}
	return len(cs) > 1
}

func dateKey(v string, g compare.Granularity) (string, bool) {
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return "", false
	}
	switch g {
	case compare.GranWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w), true
	case compare.GranMonth:
		return t.Format("2006-01"), true
	case compare.GranYear:
		return t.Format("2006"), true
	}
	return v, true
}

func numbersAgree(cs []compare.Claim, tol float64) bool {
	var vals []float64
	for _, c := range cs {
		switch {
		case c.Low != 0 || c.High != 0:
			vals = append(vals, c.Low, c.High)
		default:
			f, ok := parseNumber(c.Value)
			if !ok {
				return false
			}
			vals = append(vals, f)
		}
	}
	if len(vals) < 2 {
		return false
	}
	lo, hi := vals[0], vals[0]
	for _, v := range vals {
		lo, hi = min(lo, v), max(hi, v)
	}
	return WithinTolerance(lo, hi, tol)
}
