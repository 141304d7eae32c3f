package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

func known(name string) bool {
	switch name {
	case "weekday-mismatch", "date-mismatch", "agreement":
		return true
	}
	return false
}

// writeFiles writes name → content under a temporary directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown top key", "rule:\n  x: off\n", "c.yaml:1:1: config: unknown key \"rule\""},
		{"unknown rule", "rules:\n  nope: off\n", "c.yaml:2:3: rules: unknown rule \"nope\""},
		{"bad setting", "rules:\n  agreement: sometimes\n", "c.yaml:2:14: rules.agreement: \"sometimes\""},
		{"bad enabled", "rules:\n  agreement: {enabled: maybe}\n", "c.yaml:2:24: enabled: want true or false"},
		{"alias", "a: &x 1\nrules: *x\n", "c.yaml:2:8: YAML aliases"},
		{"merge key", "rules:\n  <<: {agreement: off}\n", "c.yaml:2:3: merge keys"},
		{"not a mapping", "- a\n- b\n", "c.yaml:1:1: a config file must be a mapping"},
		{"syntax", "rules: [\n", "c.yaml:"},
		{"tolerance range", "tolerances:\n  number: 1.5\n", "c.yaml:2:11: tolerances.number 1.5"},
		{"granularity", "tolerances:\n  date: fortnight\n", "c.yaml:2:9: tolerances.date \"fortnight\""},
		{"fail_on", "fail_on: always\n", "c.yaml:1:10: fail_on \"always\""},
		{"override without paths", "overrides:\n  - rules: {agreement: off}\n", "c.yaml:2:5: overrides[]: paths is required"},
		{"bad glob", "overrides:\n  - paths: ['[']\n    rules: {agreement: off}\n", "c.yaml:2:13: paths: bad glob"},
		{"pattern builtin name", "patterns:\n  - {name: agreement, regex: '(?P<value>x)', kind: date, subject: s, attr: a}\n", "c.yaml:2:12: patterns: name \"agreement\" is a built-in rule"},
		{"pattern kind", "patterns:\n  - {name: p, regex: '(?P<value>x)', kind: mood, subject: s, attr: a}\n", "patterns[].kind \"mood\""},
		{"pattern empty match", "patterns:\n  - {name: p, regex: '(?P<value>x*)', kind: date, subject: s, attr: a}\n", "matches the empty string"},
		{"pattern template", "patterns:\n  - {name: p, regex: '(?P<value>x)', kind: date, subject: $who, attr: a}\n", "c.yaml:2:59: patterns[].subject: $who"},
		{"pattern tolerance mode", "patterns:\n  - {name: p, regex: '(?P<value>x)', kind: date, subject: s, attr: a, tolerance: 0.1}\n", "tolerance applies to compare: interval only"},
		{"pattern twice", "patterns:\n  - {name: p, regex: '(?P<value>x)', kind: date, subject: s, attr: a}\n  - {name: p, regex: '(?P<value>y)', kind: date, subject: s, attr: a}\n", "c.yaml:3:12: patterns: name \"p\" is used twice"},
		{"duplicate key", "rules:\n  agreement: off\n  agreement: on\n", "c.yaml:3:3: duplicate key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"c.yaml": tt.yaml})
			t.Chdir(dir)
			_, err := Load("c.yaml", Options{KnownRule: known})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLoadExtends(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"base/base.yaml":   "fail_on: warning\nrules:\n  agreement: off\n  weekday-mismatch: info\nkb:\n  files: [facts.yaml]\n",
		"base/facts.yaml":  "",
		".crosscheck.yaml": "extends: base/base.yaml\nrules:\n  weekday-mismatch: {severity: warning}\ntolerances: {date: month, number: 0.05}\n",
	})
	t.Chdir(dir)
	c, err := Load(".crosscheck.yaml", Options{KnownRule: known})
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != "warning" || c.FailOnAt.String() != "base/base.yaml:1:10" {
		t.Errorf("FailOn = %q at %s", c.FailOn, c.FailOnAt)
	}
	if c.Enabled("agreement") || !c.Enabled("weekday-mismatch") || !c.Enabled("date-mismatch") {
		t.Errorf("Enabled wrong: %+v", c.Rules)
	}
	if got := c.Severities()["weekday-mismatch"]; got != compare.Warning {
		t.Errorf("severity = %v, want warning (the child's, key by key)", got)
	}
	if c.Tolerance.Date != compare.GranMonth || c.Tolerance.Number != 0.05 {
		t.Errorf("tolerances = %+v", c.Tolerance)
	}
	if len(c.KBFiles) != 1 || c.KBFiles[0] != filepath.Join("base", "facts.yaml") {
		t.Errorf("KBFiles = %q, want base/facts.yaml (relative to the file naming it)", c.KBFiles)
	}
	if strings.Join(c.Files, ",") != "base/base.yaml,.crosscheck.yaml" {
		t.Errorf("Files = %q", c.Files)
	}
}

func TestFind(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"repo/.git/HEAD":             "",
		"repo/a/b/x.md":              "",
		"repo/.crosscheck.yaml":      "",
		"outside/.crosscheck.yaml":   "",
		"outside/repo2/.git/HEAD":    "",
		"outside/repo2/sub/file.txt": "",
	})
	got, err := Find(filepath.Join(dir, "repo", "a", "b"))
	if err != nil || got != filepath.Join(dir, "repo", ".crosscheck.yaml") {
		t.Errorf("Find = %q, %v", got, err)
	}
	// The search stops at the repository root: a config above it is not used.
	got, err = Find(filepath.Join(dir, "outside", "repo2", "sub"))
	if err != nil || got != "" {
		t.Errorf("Find beyond the repo root = %q, %v; want none", got, err)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		glob, path string
		want       bool
	}{
		{"drafts/**", "drafts/a.md", true},
		{"drafts/**", "drafts/x/y/a.md", true},
		{"drafts/**", "other/a.md", false},
		{"**/*.html", "a/b/c.html", true},
		{"**/*.html", "c.html", true},
		{"*.html", "deep/dir/c.html", true},
		{"docs/*.md", "docs/sub/a.md", false},
		{"docs/*.md", "docs/a.md", true},
		{"a/**/b.md", "a/b.md", true},
	}
	for _, tt := range tests {
		if got := Match(tt.glob, tt.path); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.glob, tt.path, got, tt.want)
		}
	}
}

func TestPatternCompare(t *testing.T) {
	tests := []struct {
		mode      string
		tol       float64
		a, b      string
		wantAgree bool
	}{
		{CompareEqual, 0, "Muscat", "muscat", true},
		{CompareEqual, 0, "Muscat", "Doha", false},
		{CompareInterval, 0.1, "1,200", "1250", true},
		{CompareInterval, 0.1, "1,200", "2000", false},
		{CompareInterval, 0, "12", "12.0", true},
		{CompareSet, 0, "Oman, Qatar and Egypt", "Egypt, Oman & Qatar", true},
		{CompareSet, 0, "Oman, Qatar", "Oman", false},
	}
	for _, tt := range tests {
		p := &Pattern{Compare: tt.mode, Tolerance: tt.tol}
		if got := p.agree(tt.a, tt.b); got != tt.wantAgree {
			t.Errorf("%s(%q, %q) agree = %v, want %v", tt.mode, tt.a, tt.b, got, tt.wantAgree)
		}
	}
}

func TestToleranceStep(t *testing.T) {
	doc := &compare.Document{ID: "a", Text: []byte("x")}
	claim := func(v string) compare.Claim { return compare.Claim{Kind: compare.KindDate, Doc: doc, Value: v} }
	fs := []compare.Finding{
		{Rule: "date-mismatch", Type: compare.Contradiction, Kind: compare.KindDate, Claims: []compare.Claim{claim("2025-04-11"), claim("2025-04-12")}},
		{Rule: "date-mismatch", Type: compare.Contradiction, Kind: compare.KindDate, Claims: []compare.Claim{claim("2025-04-30"), claim("2025-05-01")}},
		{Rule: "date-mismatch", Type: compare.Contradiction, Kind: compare.KindDate, Claims: []compare.Claim{claim("2025-04"), claim("2025-04-12")}},
	}
	c := Default()
	c.Tolerance.Date = compare.GranMonth
	out := c.ToleranceStep()(fs)
	if out[0].Suppressed == "" || out[1].Suppressed != "" || out[2].Suppressed != "" {
		t.Errorf("suppressed = %q, %q, %q; want only the first", out[0].Suppressed, out[1].Suppressed, out[2].Suppressed)
	}
}

func TestInlineKBKeepsPositions(t *testing.T) {
	dir := writeFiles(t, map[string]string{"c.yaml": "rules:\n  agreement: off\nkb:\n  facts:\n    people:\n      - {id: x, name: X, source: s}\n  files: []\n"})
	t.Chdir(dir)
	c, err := Load("c.yaml", Options{KnownRule: known})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.KBInline) != 1 {
		t.Fatalf("KBInline = %d entries", len(c.KBInline))
	}
	lines := strings.Split(string(c.KBInline[0].Data), "\n")
	if lines[4] != "    people:" || lines[5] != "      - {id: x, name: X, source: s}" || strings.TrimSpace(lines[6]) != "" || strings.TrimSpace(lines[1]) != "" {
		t.Errorf("inline kb lines = %q", lines)
	}
}

func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"rules:\n  agreement: off\n",
		"extends: [a.yaml]\nfail_on: warning\n",
		"overrides:\n  - paths: [a/**]\n    rules: {agreement: info}\n",
		"patterns:\n  - {name: p, regex: '(?P<value>\\d+)', kind: quantity, subject: s, attr: a, compare: interval, tolerance: 0.1}\n",
		"a: &x [*x]\n",
		"tolerances: {date: month, number: 0.1}\nkb:\n  facts:\n    people: []\n",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, s string) {
		p := filepath.Join(dir, "c.yaml")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(p, Options{KnownRule: known})
		if err != nil {
			if !strings.Contains(err.Error(), "c.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		var b strings.Builder
		if err := c.Print(&b); err != nil {
			t.Fatal(err)
		}
	})
}
