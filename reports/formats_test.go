package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

func TestJUnitParsesBack(t *testing.T) {
	r := testReport(t)
	var got junitSuites
	if err := xml.Unmarshal(render(t, "junit", Options{}), &got); err != nil {
		t.Fatalf("junit output does not parse: %v", err)
	}
	suites := map[string]junitSuite{}
	for _, s := range got.Suites {
		suites[s.Name] = s
		if s.Tests != len(s.Cases) {
			t.Errorf("suite %s: tests=%d but %d cases", s.Name, s.Tests, len(s.Cases))
		}
	}
	for _, rl := range r.Rules {
		if _, ok := suites[rl.Name]; !ok {
			t.Errorf("no test suite for rule %s", rl.Name)
		}
	}
	failures := 0
	for _, f := range r.Findings {
		s := suites[f.Rule]
		var tc *junitCase
		for i := range s.Cases {
			if strings.HasPrefix(s.Cases[i].Name, f.ID+":") {
				tc = &s.Cases[i]
			}
		}
		if tc == nil {
			t.Errorf("%s: no test case in suite %s", f.ID, f.Rule)
			continue
		}
		wantFail := f.Type != compare.Agreement && f.Suppressed == ""
		if (tc.Failure != nil) != wantFail {
			t.Errorf("%s: failure=%v, want %v", f.ID, tc.Failure != nil, wantFail)
		}
		if wantFail {
			failures++
			if !strings.Contains(tc.Failure.Text, oneLine(f.Claims[0].Text)) {
				t.Errorf("%s: failure text %q lacks the claim", f.ID, tc.Failure.Text)
			}
		}
	}
	if got.Failures != failures || got.Errors != len(r.Errors) {
		t.Errorf("testsuites failures=%d errors=%d, want %d and %d", got.Failures, got.Errors, failures, len(r.Errors))
	}
}

// manyFindings is a report with n error findings and n warnings, for the
// annotation budget.
func manyFindings(t *testing.T, n int) *compare.Report {
	r := testReport(t)
	base := r.Findings[0]
	r.Findings = nil
	for i := range 2 * n {
		f := base
		f.ID = fmt.Sprintf("F%d", i+1)
		f.Severity = compare.Warning
		if i%2 == 1 {
			f.Severity = compare.Error
		}
		f.Message = fmt.Sprintf("finding %d, 50%% sure: a,b\nc", i+1)
		r.Findings = append(r.Findings, f)
	}
	return r
}

func TestGitHubBudget(t *testing.T) {
	annot := regexp.MustCompile(`^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$`)
	for _, tc := range []struct {
		name          string
		r             *compare.Report
		annots, rest  int
		firstSeverity string
	}{
		{"shared input", testReport(t), 5, 0, "error"},
		{"over budget", manyFindings(t, 12), annotationBudget, 1, "error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := GitHub(&buf, tc.r, Options{}); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			var n, rest int
			lastSev := 4
			rank := map[string]int{"error": 3, "warning": 2, "notice": 1}
			for _, l := range lines {
				m := annot.FindStringSubmatch(l)
				if m == nil {
					if !strings.HasPrefix(l, "crosscheck: ") || !strings.Contains(l, "not annotated") {
						t.Errorf("line is neither an annotation nor the count of the rest: %q", l)
					}
					rest++
					continue
				}
				n++
				if rank[m[1]] > lastSev {
					t.Errorf("annotation %q is more severe than the one before", l)
				}
				lastSev = rank[m[1]]
				if strings.ContainsAny(m[3], "\n\r") {
					t.Errorf("unescaped line break in %q", l)
				}
			}
			if n != tc.annots || rest != tc.rest {
				t.Errorf("%d annotations and %d count lines, want %d and %d:\n%s", n, rest, tc.annots, tc.rest, buf.String())
			}
			if !strings.HasPrefix(lines[0], "::"+tc.firstSeverity+" ") {
				t.Errorf("first annotation %q, want %s", lines[0], tc.firstSeverity)
			}
		})
	}
	var buf bytes.Buffer
	if err := GitHub(&buf, manyFindings(t, 12), Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "50%25 sure: a,b c") || !strings.Contains(buf.String(), "15 more problems not annotated") {
		t.Errorf("escaping or count wrong:\n%s", buf.String())
	}
}

func TestCSVRows(t *testing.T) {
	r := testReport(t)
	rows, err := csv.NewReader(bytes.NewReader(render(t, "csv", Options{}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := 1
	for _, f := range r.Findings {
		want += len(f.Claims)
	}
	if len(rows) != want {
		t.Errorf("%d rows, want a header and one per claim (%d)", len(rows), want)
	}
	if cell("=HYPERLINK(1)") != "'=HYPERLINK(1)" || cell("a\nb") != "a b" {
		t.Error("cell does not defuse formulas or fold lines")
	}
}

func TestRDJSONL(t *testing.T) {
	r := testReport(t)
	lines := strings.Split(strings.TrimSuffix(string(render(t, "rdjsonl", Options{})), "\n"), "\n")
	var want []compare.Finding
	for _, f := range r.Findings {
		if f.Type != compare.Agreement && f.Suppressed == "" {
			want = append(want, f)
		}
	}
	if len(lines) != len(want) {
		t.Fatalf("%d diagnostics, want %d", len(lines), len(want))
	}
	for i, l := range lines {
		var d rdDiagnostic
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if d.Code.Value != want[i].Rule || len(d.RelatedLocations) != len(want[i].Claims)-1 {
			t.Errorf("line %d: code %q with %d related locations, want %q with %d", i+1, d.Code.Value, len(d.RelatedLocations), want[i].Rule, len(want[i].Claims)-1)
		}
	}
	// “Iran’s ” before the claim: 7 code points, 9 bytes.
	var d rdDiagnostic
	if err := json.Unmarshal([]byte(lines[1]), &d); err != nil {
		t.Fatal(err)
	}
	if d.Location.Range.Start.Column != 10 {
		t.Errorf("byte column %d, want 10", d.Location.Range.Start.Column)
	}
}

func TestTableWidth(t *testing.T) {
	for _, width := range []int{60, 80, 100, 140} {
		out := render(t, "table", Options{Width: width})
		for _, l := range strings.Split(string(out), "\n") {
			if n := len([]rune(l)); n > width {
				t.Errorf("width %d: line of %d columns: %q", width, n, l)
			}
		}
	}
	ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")
	plain, colored := render(t, "table", Options{}), render(t, "table", Options{Color: true})
	if bytes.Contains(plain, []byte("\x1b[")) {
		t.Error("escape codes without Color")
	}
	if !bytes.Contains(colored, []byte("\x1b[")) {
		t.Error("no escape codes with Color")
	}
	if got := ansi.ReplaceAllString(string(colored), ""); strings.Count(got, "\n") != strings.Count(string(plain), "\n") {
		t.Error("colour changes the layout")
	}
	if !strings.HasSuffix(string(plain), "\n3 documents · 3 contradictions · 1 anachronism · 2 agreements · 1 error\n") {
		t.Errorf("no summary line at the end")
	}
}

func TestMarkdownEscapes(t *testing.T) {
	if got := mdCell("a|b *c* <x>\nd"); got != `a\|b \*c\* &lt;x&gt; d` {
		t.Errorf("mdCell = %q", got)
	}
	out := string(render(t, "markdown", Options{}))
	if !strings.Contains(out, "~~talks for the sake of talks.~~**unproductive discussions**") {
		t.Error("quote diff not rendered")
	}
}

func TestMarkdownBudget(t *testing.T) {
	r := manyFindings(t, 400)
	var buf bytes.Buffer
	if err := Markdown(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 65536 {
		t.Errorf("markdown of %d findings is %d bytes, over GitHub's comment limit", len(r.Findings), buf.Len())
	}
	if !strings.Contains(buf.String(), "more findings not shown") {
		t.Error("no note of the findings left out")
	}
}
