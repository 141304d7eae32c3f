package check

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

func TestBaselineRoundTrip(t *testing.T) {
	d := &compare.Document{ID: "a", Path: "a.md", Text: []byte("The talks began on Friday.\n")}
	mk := func(rule, text string, off int) compare.Finding {
		f := compare.Finding{Rule: rule, Type: compare.Contradiction, Kind: compare.KindWeekday, Subject: "talks", Message: "m " + rule,
			Claims: []compare.Claim{{Doc: d, Span: compare.Span{Start: off, End: off + len(text)}, Text: text, Value: text, Kind: compare.KindWeekday, Subject: "talks", Attr: "weekday"}}}
		f.Fingerprint = Fingerprint(f)
		return f
	}
	old := []compare.Finding{mk("weekday-mismatch", "Friday", 19), mk("date-mismatch", "Friday", 19)}
	old = append(old, compare.Finding{Rule: "x", Type: Notice, Fingerprint: "n"}, compare.Finding{Rule: "y", Fingerprint: "s", Suppressed: "inline"})
	var buf bytes.Buffer
	if err := NewBaseline(old).Write(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBaseline("base.json", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Findings) != 2 {
		t.Fatalf("baseline holds %d findings, want 2 (no notices, no suppressed)", len(b.Findings))
	}
	// The same finding at another offset (text inserted above) is still
	// the baselined one; a different value is new.
	now := []compare.Finding{mk("weekday-mismatch", "Friday", 119), mk("weekday-mismatch", "Saturday", 19)}
	out := b.Step()(now)
	if out[0].Suppressed != "baseline" || out[1].Suppressed != "" {
		t.Errorf("after step: %q, %q", out[0].Suppressed, out[1].Suppressed)
	}
}

func TestReadBaselineErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"not json", "baseline b.json: invalid character"},
		{`{"version": 2, "findings": []}`, "version 2, want 1"},
		{`{"version": 1, "findings": [{"rule": "x"}]}`, "finding 1 has no fingerprint"},
		{`{"version": 1, "extra": true}`, "unknown field"},
	}
	for _, tt := range tests {
		_, err := ReadBaseline("b.json", strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadBaseline(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestParseUnifiedDiff(t *testing.T) {
	diff := `diff --git a/b.md b/b.md
index 1..2 100644
--- a/b.md
+++ b/b.md
@@ -3 +3 @@ title
-old
+new
@@ -7,0 +8,2 @@
+added
+added
@@ -10,2 +11,0 @@
-gone
-gone
diff --git a/old.md b/old.md
--- a/old.md
+++ /dev/null
@@ -1 +0,0 @@
-x
diff --git "a/sp ace.md" "b/sp ace.md"
--- "a/sp ace.md"
+++ "b/sp ace.md"
@@ -1 +1 @@
-a
+b
`
	got, err := ParseUnifiedDiff(strings.NewReader(diff), "/repo")
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for l := range 20 {
		if got.Changed("/repo/b.md", l) {
			lines = append(lines, l)
		}
	}
	if fmt.Sprint(lines) != "[3 8 9 11 12]" {
		t.Errorf("changed lines of b.md = %v, want [3 8 9 11 12]", lines)
	}
	if !got.Changed("/repo/sp ace.md", 1) || got.Changed("/repo/old.md", 1) {
		t.Errorf("quoted or deleted files wrong: %v", got)
	}
	if _, err := ParseUnifiedDiff(strings.NewReader("+++ b/x\n@@ -1 +z @@\n"), "/r"); err == nil {
		t.Error("bad hunk header accepted")
	}
}

func TestOnlyChanged(t *testing.T) {
	a := &compare.Document{ID: "a", Path: "a.md", Text: []byte("one\ntwo Friday\n")}
	b := &compare.Document{ID: "b", Path: "b.md", Text: []byte("Saturday\n")}
	f := compare.Finding{Rule: "r", Claims: []compare.Claim{{Doc: a, Span: compare.Span{Start: 8, End: 14}}, {Doc: b, Span: compare.Span{Start: 0, End: 8}}}}
	abs := func(p string) string { return "/r/" + p }
	tests := []struct {
		changed ChangedLines
		want    bool // suppressed
	}{
		{ChangedLines{"/r/a.md": {2: true}}, false},
		{ChangedLines{"/r/b.md": {1: true}}, false}, // the other side counts
		{ChangedLines{"/r/a.md": {1: true}}, true},
		{ChangedLines{"/r/b.md": nil}, false}, // a new file
		{ChangedLines{}, true},
	}
	for i, tt := range tests {
		out := OnlyChanged(tt.changed, "HEAD", abs)([]compare.Finding{f})
		if got := out[0].Suppressed != ""; got != tt.want {
			t.Errorf("case %d: suppressed = %q, want %v", i, out[0].Suppressed, tt.want)
		}
	}
}

func FuzzParseUnifiedDiff(f *testing.F) {
	f.Add("+++ b/a.md\n@@ -1,2 +1,3 @@\n")
	f.Add("+++ \"b/a b\"\n@@ -0,0 +1 @@\n+++ /dev/null\n@@ -1 +0,0 @@\n")
	f.Add("@@ -1 +1 @@\n")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseUnifiedDiff(strings.NewReader(s), "/r")
		if err == nil && got == nil {
			t.Fatal("nil map without error")
		}
	})
}

func FuzzReadBaseline(f *testing.F) {
	f.Add(`{"version": 1, "findings": [{"fingerprint": "ab", "rule": "r", "message": "m"}]}`)
	f.Add(`{"version": 1}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ReadBaseline("b", strings.NewReader(s))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := NewBaseline(nil).Write(&buf); err != nil || b.Version != 1 {
			t.Fatalf("accepted baseline with version %d", b.Version)
		}
	})
}
