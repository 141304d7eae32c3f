package corpus

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/source"
)

// TestFeaturesOfEnvTitle: featuresOfEnv takes the title's tokens from
// the text where the text holds it on a line of its own, and from the
// title alone otherwise; either way the features are FeaturesOf's. The
// cases put the title where a token or a gazetteer match could run
// across its edges.
func TestFeaturesOfEnvTitle(t *testing.T) {
	k, gaz := mustKB(t)
	body := "\n\nIranian Foreign Minister Abbas Araghchi met Omani officials in Muscat on Saturday, the ministry said.\n\n" +
		"Araghchi told reporters in Tehran that the talks with the United States would continue.\n"
	cases := []struct {
		name, title, text string
		inText            bool // titleSpan finds the title in the text
	}{
		{"own line", "Araghchi meets Oman's Busaidi in Muscat", "Araghchi meets Oman's Busaidi in Muscat" + body, true},
		{"crlf", "Araghchi meets Busaidi in Muscat", "Araghchi meets Busaidi in Muscat\r\n\r\nIranian officials met in Muscat on Saturday, the ministry said.\r\n", true},
		{"ends in a possessive", "Talks resume in Iran's", "Talks resume in Iran's" + body, true},
		{"runs on", "Araghchi meets Busaidi in Muscat", "Araghchi meets Busaidi in Muscat Oman talks" + body, false},
		{"name runs on", "Talks with Foreign Minister Abbas", "Talks with Foreign Minister Abbas Araghchi" + body, false},
		{"after a dot", "S. envoy Witkoff meets Araghchi", "U.\nS. envoy Witkoff meets Araghchi" + body, false},
		{"not in the text", "Oman hosts a new round of talks", "Muscat talks" + body, false},
		{"indented", "Araghchi meets Busaidi in Muscat", "  Araghchi meets Busaidi in Muscat" + body, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec, err := json.Marshal(map[string]string{"id": "a", "title": c.title, "text": c.text, "published": "2025-04-12"})
			if err != nil {
				t.Fatal(err)
			}
			docs, errs := source.Load([]string{"-"}, source.Options{Stdin: bytes.NewReader(rec), StdinFormat: "jsonl"})
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("load: %v", errs)
			}
			d := docs[0]
			check.SetReferences(docs, nil, time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC))
			sp := titleSpan(d)
			if got := sp.End > sp.Start; got != c.inText {
				t.Errorf("title %q found in the text: %v, want %v (sections %v)", d.Title, got, c.inText, d.Sections)
			}
			if c.inText && string(d.Text[sp.Start:sp.End]) != d.Title {
				t.Errorf("title span %v holds %q, want %q", sp, d.Text[sp.Start:sp.End], d.Title)
			}
			want := FeaturesOf(d, gaz)
			got := featuresOfEnv(extract.NewEnv(d, k, gaz, extract.Options{}))
			if !sameFeatures(got, want) {
				t.Errorf("features from the Env %+v, want %+v", got, want)
			}
		})
	}
}

// TestTitleSpanUsed: generated articles repeat their title as the
// headline, which featuresOfEnv then does not tokenize again.
func TestTitleSpanUsed(t *testing.T) {
	k, _ := mustKB(t)
	var buf bytes.Buffer
	if _, err := Generate(&buf, k, GenOptions{Articles: 50, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	docs, errs := source.Load([]string{"-"}, source.Options{Stdin: &buf, StdinFormat: "jsonl"})
	if len(errs) > 0 || len(docs) == 0 {
		t.Fatalf("load: %v", errs)
	}
	found := 0
	for _, d := range docs {
		if sp := titleSpan(d); sp.End > sp.Start {
			if !strings.EqualFold(string(d.Text[sp.Start:sp.End]), d.Title) {
				t.Errorf("%s: title span holds %q, want %q", d.ID, d.Text[sp.Start:sp.End], d.Title)
			}
			found++
		}
	}
	if found < len(docs)/2 {
		t.Errorf("title found in the text of %d of %d articles, want most", found, len(docs))
	}
}

func sameFeatures(a, b Features) bool {
	return slices.Equal(a.Words, b.Words) && slices.Equal(a.Names, b.Names) && slices.Equal(a.Probe, b.Probe) &&
		a.Day == b.Day && a.Story == b.Story
}
