package align

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/extract"
)

func TestSplitSeries(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	// report is one document's main-event round ("" for none), dates and
	// publication date.
	type report struct {
		rounds    []string
		dates     []string
		published string
	}
	tests := []struct {
		name    string
		reports []report
		want    []string // the subject of each report's first claim
	}{
		{"successive rounds on successive days", []report{
			{[]string{"2"}, []string{"2023-07-05"}, "2023-07-05"},
			{[]string{"3"}, []string{"2023-07-07"}, "2023-07-07"},
		}, []string{"event:match@round-2", "event:match@round-3"}},
		{"a report without a round stays the main event", []report{
			{[]string{"2"}, []string{"2023-07-05"}, "2023-07-05"},
			{[]string{"3"}, []string{"2023-07-07"}, "2023-07-07"},
			{nil, []string{"2023-07-10"}, "2023-07-10"},
		}, []string{"event:match@round-2", "event:match@round-3", "event:match"}},
		{"two reports of one round", []report{
			{[]string{"1"}, []string{"2025-04-12"}, "2025-04-12"},
			{[]string{"1"}, []string{"2025-04-12"}, "2025-04-13"},
			{[]string{"2"}, []string{"2025-04-19"}, "2025-04-19"},
		}, []string{"event:match@round-1", "event:match@round-1", "event:match@round-2"}},

		{"published together", []report{
			{[]string{"1"}, []string{"2025-04-11"}, "2025-04-12"},
			{[]string{"2"}, []string{"2025-04-12"}, "2025-04-12"},
		}, []string{"event:match", "event:match"}},
		{"a later round on an earlier day", []report{
			{[]string{"2"}, []string{"2025-04-11"}, "2025-04-11"},
			{[]string{"1"}, []string{"2025-04-12"}, "2025-04-12"},
		}, []string{"event:match", "event:match"}},
		{"same day", []report{
			{[]string{"1"}, []string{"2025-04-12"}, "2025-04-12"},
			{[]string{"2"}, []string{"2025-04-12"}, "2025-04-13"},
		}, []string{"event:match", "event:match"}},
		{"a report naming two rounds", []report{
			{[]string{"1", "2"}, []string{"2025-04-12"}, "2025-04-12"},
			{[]string{"3"}, []string{"2025-04-19"}, "2025-04-19"},
		}, []string{"event:match", "event:match"}},
		{"a round without a date", []report{
			{[]string{"1"}, nil, "2025-04-12"},
			{[]string{"2"}, []string{"2025-04-19"}, "2025-04-19"},
		}, []string{"event:match", "event:match"}},
		{"one round", []report{
			{[]string{"1"}, []string{"2025-04-12"}, "2025-04-12"},
			{[]string{"1"}, []string{"2025-04-19"}, "2025-04-19"},
		}, []string{"event:match", "event:match"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var claims []compare.Claim
			var firsts []int
			for i, r := range tt.reports {
				d := &compare.Document{ID: string(rune('a' + i)), Reference: day(r.published)}
				firsts = append(firsts, len(claims))
				claims = append(claims, compare.Claim{Kind: compare.KindLocation, Doc: d, Subject: "event:match", Attr: "venue", Value: "GB/london"})
				for _, n := range r.rounds {
					claims = append(claims, compare.Claim{Kind: compare.KindOrdinal, Doc: d, Subject: "event:match", Attr: "round", Value: n})
				}
				for _, v := range r.dates {
					claims = append(claims, compare.Claim{Kind: compare.KindDate, Doc: d, Subject: "event:match", Attr: "date", Value: v})
				}
				claims = append(claims, compare.Claim{Kind: compare.KindDate, Doc: d, Subject: "funeral", Attr: "date", Value: "2020-01-01"})
				claims = append(claims, compare.Claim{Kind: compare.KindQuantity, Doc: d, Subject: "hostage", Attr: "count", Value: "[17,17] hostage"})
			}
			SplitSeries(claims)
			var got []string
			for _, i := range firsts {
				got = append(got, claims[i].Subject)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("subjects = %q, want %q", got, tt.want)
			}
			for i, c := range claims {
				if c.Attr == "date" && c.Value == "2020-01-01" && c.Subject != "funeral" {
					t.Errorf("a sub-event was re-keyed: %q", c.Subject)
				}
				if c.Kind == compare.KindQuantity {
					// A report's figures go with its round.
					doc := c.Doc.ID[0] - 'a'
					_, round, _ := strings.Cut(claims[firsts[doc]].Subject, "@")
					want := "hostage"
					if round != "" {
						want += "@" + round
					}
					if c.Subject != want {
						t.Errorf("claim %d: figure subject %q, want %q", i, c.Subject, want)
					}
				}
			}
		})
	}
}

// TestIsMainEventAgrees: align's copy of extract.IsMainEvent says the same.
func TestIsMainEventAgrees(t *testing.T) {
	for _, s := range []string{"event", "event:talks", "event:match@round-2", "eventful", "round-1", "funeral", ""} {
		if isMainEvent(s) != extract.IsMainEvent(s) {
			t.Errorf("isMainEvent(%q) = %v, extract.IsMainEvent says %v", s, isMainEvent(s), extract.IsMainEvent(s))
		}
	}
}
