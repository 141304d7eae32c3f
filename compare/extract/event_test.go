package extract

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// TestMainEventFromLead checks that the main event is what the headline
// and the lede report: an event noun deep in the body names something
// else, and must not make every later mention of its family the article's
// main event.
func TestMainEventFromLead(t *testing.T) {
	filler := "Officials gave no further details.\n\nThe government declined to comment.\n\n" +
		"Analysts said the mood was calm.\n\nMarkets were closed for the holiday.\n\n"
	tests := []struct {
		name, text, noun string
	}{
		{"headline", "US and Iran hold talks in Muscat\n\nThe two sides met on Saturday.", "talks"},
		{"lede", "Castro speaks out\n\nPresident Fidel Castro told a conference of economists on Friday that the boy should return.", "conference"},
		{"predicate verb", "Abe shot dead in Nara\n\nFormer prime minister Shinzo Abe died on Friday after he was shot.", "death"},
		{"only deep in the body", "Castro speaks out\n\nPresident Fidel Castro said on Friday that the boy should return.\n\n" + filler +
			"Cuba condemned Wednesday's meeting between the boy and his grandmothers.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := quoteEnv(t, tt.text)
			if env.Event.Noun != tt.noun {
				t.Errorf("main event noun = %q, want %q", env.Event.Noun, tt.noun)
			}
		})
	}
}

// TestOrdinalClaims checks which ordinals count the main event: words and
// figures, after a copula or in an apposition; never an ordinal of time
// inside the event.
func TestOrdinalClaims(t *testing.T) {
	const head = "G20 leaders hold summit in New Delhi\n\nLeaders of the Group of 20 met in New Delhi on Saturday for a two-day summit.\n\n"
	tests := []struct {
		name, body string
		want       []string // attr=value of each ordinal claim
	}{
		{"figure after copula", "The summit was the 18th meeting of G20 leaders.", []string{"round=18"}},
		{"figure before noun", "It was the 18th G20 summit.", []string{"round=18"}},
		{"figure in apposition", "The summit, the 17th meeting of G20 leaders, was held at the Bharat Mandapam.", []string{"round=17"}},
		{"st nd rd", "The summit was the 21st meeting of G20 leaders.", []string{"round=21"}},
		{"word beyond twelve", "The summit was the eighteenth meeting of the group.", []string{"round=18"}},
		{"wrong suffix is no ordinal", "The summit was the 18st meeting of G20 leaders.", nil},
		{"day of the summit", "Saturday was the first day of the summit.", nil},
		{"day of a two-day summit", "They adopted a declaration on Saturday, the first day of a two-day summit.", nil},
		{"day of the month", "Leaders will gather again on the 10th.", nil},
		{"anniversary", "The summit marks the 25th anniversary of the group.", nil},
		{"figure ordinal of another event", "A 19th summit is planned for Brazil.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := quoteEnv(t, head+tt.body)
			var got []string
			for _, c := range appendOrdinal(env, nil) {
				got = append(got, c.Attr+"="+c.Value)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ordinal claims = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestClosingDay checks that the day an event ends takes its own slot, and
// that the present of a scheduling verb looks ahead.
func TestClosingDay(t *testing.T) {
	const head = "G20 summit opens in New Delhi\n\nLeaders of the Group of 20 gathered in New Delhi for a two-day summit.\n\n"
	tests := []struct {
		name, body string
		want       []string // attr=value of each weekday and date claim
	}{
		{"ends on", "The summit ends on Sunday.", []string{"date/end=2025-04-13", "weekday/end=Sunday"}},
		{"will end", "The summit will end on Sunday.", []string{"date/end=2025-04-13", "weekday/end=Sunday"}},
		{"wraps up", "The summit wraps up on Sunday.", []string{"date/end=2025-04-13", "weekday/end=Sunday"}},
		{"ended", "The summit ended on Thursday.", []string{"date/end=2025-04-10", "weekday/end=Thursday"}},
		{"runs until", "The summit runs until Sunday.", []string{"date/end=2025-04-13", "weekday/end=Sunday"}},
		{"final day apposition", "The summit closed on Friday, the final day of talks.", []string{"date/end=2025-04-11", "weekday/end=Friday"}},
		{"ends ahead of an event under way", "The summit, which opened on Thursday, is scheduled to end on Sunday.",
			[]string{"date/end=2025-04-13", "date=2025-04-10", "weekday/end=Sunday", "weekday=Thursday"}},
		{"began", "The summit began on Friday.", []string{"date=2025-04-11", "weekday=Friday"}},
		{"first day apposition", "Leaders adopted a declaration on Friday, the first day of a two-day summit.", []string{"date=2025-04-11", "weekday=Friday"}},
		{"second day is no date of the event", "Leaders adopted a declaration on Sunday, the second day of the summit.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := quoteEnv(t, head+tt.body)
			var got []string
			for _, c := range appendTemporal(env, nil) {
				if c.Segment == compare.SegBody {
					got = append(got, c.Attr+"="+c.Value)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("claims = %q, want %q", got, tt.want)
			}
		})
	}
}
