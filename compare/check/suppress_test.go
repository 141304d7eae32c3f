package check

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

func date(s string) *time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return &t
}

func TestSuppression(t *testing.T) {
	text := "<!-- d1 -->\nFirst paragraph Friday.\n\n<!-- d2 -->\nSecond paragraph Saturday.\n"
	first := strings.Index(text, "Friday")
	second := strings.Index(text, "Saturday")
	para1 := compare.Span{Start: 12, End: 35}
	para2 := compare.Span{Start: 49, End: len(text)}
	at1, at2 := compare.Span{Start: 0, End: 11}, compare.Span{Start: 37, End: 48}
	finding := func(d *compare.Document, rule string) compare.Finding {
		return compare.Finding{Rule: rule, Type: compare.Contradiction, Kind: compare.KindWeekday, Severity: compare.Error,
			Claims: []compare.Claim{{Doc: d, Span: compare.Span{Start: first, End: first + 6}, Value: "Friday"},
				{Doc: d, Span: compare.Span{Start: second, End: second + 8}, Value: "Saturday"}}}
	}
	now := *date("2025-06-01")
	tests := []struct {
		name        string
		ignores     []compare.Ignore
		rule        string
		ran         []string
		wantSupp    bool
		wantNotices []string
		wantWarn    int
	}{
		{"next paragraph", []compare.Ignore{{Rule: "weekday-mismatch", Span: para1, At: at1}}, "weekday-mismatch", nil, true, nil, 0},
		{"either side counts", []compare.Ignore{{Rule: "weekday-mismatch", Span: para2, At: at2}}, "weekday-mismatch", nil, true, nil, 0},
		{"all", []compare.Ignore{{Rule: "all", Span: para1, At: at1}}, "weekday-mismatch", nil, true, nil, 0},
		{"by type", []compare.Ignore{{Rule: "contradiction", Span: para1, At: at1}}, "weekday-mismatch", nil, true, nil, 0},
		{"other rule: unused", []compare.Ignore{{Rule: "date-mismatch", Span: para1, At: at1}}, "weekday-mismatch", nil, false, []string{RuleUnusedSuppression}, 0},
		{"other rule that did not run", []compare.Ignore{{Rule: "date-mismatch", Span: para1, At: at1}}, "weekday-mismatch", []string{"weekday-mismatch"}, false, nil, 0},
		{"until today still holds", []compare.Ignore{{Rule: "weekday-mismatch", Span: para1, At: at1, Until: date("2025-06-01")}}, "weekday-mismatch", nil, true, nil, 0},
		{"expired", []compare.Ignore{{Rule: "weekday-mismatch", Span: para1, At: at1, Until: date("2025-05-31")}}, "weekday-mismatch", nil, false, []string{RuleExpiredSuppression}, 1},
		{"outside the region", []compare.Ignore{{Rule: "weekday-mismatch", Span: compare.Span{Start: 36, End: 37}, At: at2}}, "weekday-mismatch", nil, false, []string{RuleUnusedSuppression}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &compare.Document{ID: "a", Path: "a.md", Text: []byte(text), Ignores: tt.ignores}
			var warns []string
			s := Suppression{Docs: []*compare.Document{d}, Now: now, Ran: tt.ran, Warn: func(l string) { warns = append(warns, l) }}
			out := s.Step()([]compare.Finding{finding(d, tt.rule)})
			if got := out[0].Suppressed != ""; got != tt.wantSupp {
				t.Errorf("suppressed = %q, want %v", out[0].Suppressed, tt.wantSupp)
			}
			var notices []string
			for _, f := range out[1:] {
				if f.Type != Notice || f.Severity != compare.Info || f.Fingerprint == "" {
					t.Errorf("bad notice %+v", f)
				}
				notices = append(notices, f.Rule)
			}
			if strings.Join(notices, ",") != strings.Join(tt.wantNotices, ",") {
				t.Errorf("notices = %v, want %v", notices, tt.wantNotices)
			}
			if len(warns) != tt.wantWarn {
				t.Errorf("warnings = %q, want %d", warns, tt.wantWarn)
			}
			if tt.wantWarn > 0 && !strings.HasPrefix(warns[0], "a.md:1:1: warning: suppression expired on 2025-05-31") {
				t.Errorf("warning = %q", warns[0])
			}
			kept := Drop(false)(out)
			for _, f := range kept {
				if f.Suppressed != "" {
					t.Errorf("Drop kept a suppressed finding")
				}
			}
			if n := len(Drop(true)(append([]compare.Finding(nil), out...))); n != len(out) {
				t.Errorf("Drop(true) removed findings")
			}
		})
	}
}
