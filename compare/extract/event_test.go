package extract

import "testing"

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
