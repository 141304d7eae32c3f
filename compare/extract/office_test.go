package extract

import "testing"

// TestDeathContext: an office named for someone in the sentence of their
// death, funeral or killing speaks of the time they held it (basis
// "earlier"), when the kb says they died in it; any other mention keeps
// the time of the article's event. The reference time is 12 April 2025,
// after Raisi's and Amir-Abdollahian's deaths in May 2024.
func TestDeathContext(t *testing.T) {
	const head = "Iran and US hold talks in Oman\n\nThe lede paragraph stands here.\n\n"
	tests := []struct {
		name, body string
		person     string // kb person of the claim checked
		earlier    bool
	}{
		{"object of killed", "The crash that killed President Ebrahim Raisi is still under investigation.", "ebrahim-raisi", true},
		{"funeral of", "Thousands attended the funeral of President Ebrahim Raisi in Tehran.", "ebrahim-raisi", true},
		{"possessive funeral", "Foreign Minister Hossein Amir-Abdollahian's funeral was held in Tehran.", "hossein-amir-abdollahian", true},
		{"deaths of a list", "The deaths of President Ebrahim Raisi and Foreign Minister Hossein Amir-Abdollahian shocked Iran.", "hossein-amir-abdollahian", true},
		{"subject list were killed", "President Ebrahim Raisi, Foreign Minister Hossein Amir-Abdollahian and six others were killed in the crash.", "hossein-amir-abdollahian", true},
		{"age then died", "Foreign Minister Hossein Amir-Abdollahian, 60, died in the crash.", "hossein-amir-abdollahian", true},
		{"among those killed", "Foreign Minister Hossein Amir-Abdollahian was also among those killed.", "hossein-amir-abdollahian", true},
		{"shot dead", "President Ebrahim Raisi was shot dead.", "ebrahim-raisi", true},

		{"speaks of other deaths", "Iranian Foreign Minister Hossein Amir-Abdollahian said ten people were killed in the strike.", "hossein-amir-abdollahian", false},
		{"condemns a killing", "Foreign Minister Hossein Amir-Abdollahian condemned the killing of protesters.", "hossein-amir-abdollahian", false},
		{"the living", "The crash that killed Foreign Minister Mohammad Javad Zarif shocked Iran.", "mohammad-javad-zarif", false},
		{"another's funeral", "Foreign Minister Hossein Amir-Abdollahian attended the funeral of a general.", "hossein-amir-abdollahian", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := quoteEnv(t, head+tt.body)
			found := false
			for _, c := range appendOffice(env, nil) {
				if c.Value != "person/"+tt.person {
					continue
				}
				found = true
				if got := c.When.Basis == "earlier"; got != tt.earlier {
					t.Errorf("%q: basis %q, want earlier=%v", c.Text, c.When.Basis, tt.earlier)
				}
				if tt.earlier && c.Valid != nil {
					t.Errorf("%q: validity %v for a claim of an earlier time", c.Text, *c.Valid)
				}
			}
			if !found {
				t.Fatalf("no office claim for %s", tt.person)
			}
		})
	}
}
