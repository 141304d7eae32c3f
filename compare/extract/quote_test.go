package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/kb"
	"github.com/crosscheck/crosscheck/compare/source"
)

// quoteEnv loads text as a .txt article (so it gets sections and
// sentences as the CLI would) and builds its Env with the embedded kb.
func quoteEnv(t testing.TB, text string) *Env {
	t.Helper()
	docs, errs := source.Parse("a.txt", []byte(text), source.Options{})
	if len(docs) != 1 {
		t.Fatalf("parse: %v", errs)
	}
	d := docs[0]
	d.Reference = time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)
	k, err := kb.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return NewEnv(d, k, NewGazetteer(k), Options{})
}

// render is a quote claim as "segment|subject|speaker|value".
func render(c compare.Claim) string {
	return fmt.Sprintf("%s|%s|%s|%s", c.Segment, c.Subject, c.Speaker, c.Value)
}

func TestQuote(t *testing.T) {
	const head = "Iran and US hold talks in Oman\n\nThe lede paragraph stands here.\n\n"
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"said X after", head + `Lede here. "We are ready for a fair agreement," said Abbas Araghchi.`,
			[]string{"body|person/abbas-araghchi|Abbas Araghchi|we are ready for a fair agreement"}},
		{"X said after, curly", head + `“We are ready for a fair agreement,” Araghchi said on Sunday.`,
			[]string{"body|person/abbas-araghchi|Araghchi|we are ready for a fair agreement"}},
		{"X said before with colon", head + `Araghchi told reporters: "The talks were constructive and calm."`,
			[]string{"body|person/abbas-araghchi|Araghchi|the talks were constructive and calm"}},
		{"according to", head + `According to Ali Vaez, "this is a fruitful beginning for both."`,
			[]string{"body|name:vaez|Ali Vaez|this is a fruitful beginning for both"}},
		{"according to a statement by", head + `According to a statement by Ali Vaez, "this is a fruitful beginning for both."`,
			[]string{"body|name:vaez|Ali Vaez|this is a fruitful beginning for both"}},
		{"wrote on X", head + `Trump wrote on X: "Iran must not have a nuclear weapon."`,
			[]string{"body|person/donald-trump|Trump|iran must not have a nuclear weapon"}},
		{"told Y after", head + `"Iran is serious about these talks," Baghaei told state television.`,
			[]string{"body|name:baqai|Baghaei|iran is serious about these talks"}},
		{"anonymous with parenthetical", head + `A senior Iranian diplomat, speaking on condition of anonymity, stated, "Neither side wants talks for the sake of talks—we are looking for real solutions."`,
			[]string{"body|anon:senior iranian diplomat|A senior Iranian diplomat|neither side wants talks for the sake of talks - we are looking for real solutions"}},
		{"appositive name", head + `"We will not negotiate under pressure," said Iran's foreign minister, Abbas Araghchi.`,
			[]string{"body|person/abbas-araghchi|Iran's foreign minister, Abbas Araghchi|we will not negotiate under pressure"}},
		{"pronoun follows speaker", head + `"We are ready to talk," Araghchi said. "But we will not accept threats," he added.`,
			[]string{"body|person/abbas-araghchi|Araghchi|we are ready to talk", "body|person/abbas-araghchi|Araghchi|but we will not accept threats"}},
		{"no attribution", head + `The mood was summed up in one line: "Nobody is leaving the table yet."`,
			[]string{"body|unknown||nobody is leaving the table yet"}},
		{"nested quotes stay in the outer", head + `"He told me ‘no deal without sanctions relief’ twice," the envoy said.`,
			[]string{"body|anon:envoy|the envoy|he told me 'no deal without sanctions relief' twice"}},
		{"unbalanced headline", "Neither side wants unproductive discussions’: Iran and the US agree to talks\n\nBody text here.",
			[]string{"headline|unknown||neither side wants unproductive discussions"}},
		{"straight single quotes in headline", "Araghchi: 'We are ready for a fair deal'\n\nBody text here.",
			[]string{"headline|person/abbas-araghchi|Araghchi|we are ready for a fair deal"}},
		{"multi-paragraph quote", head + "\"We came here in good faith and we expect the same.\n\n\"Nothing else will do,\" Araghchi said.",
			[]string{"body|unknown||we came here in good faith and we expect the same", "body|person/abbas-araghchi|Araghchi|nothing else will do"}},
		{"called the object", head + `Netanyahu called the agreement "a bad mistake of historic proportions".`,
			[]string{"body|person/benjamin-netanyahu|Netanyahu|a bad mistake of historic proportions"}},
		{"described as", head + `Liz Truss, who took office on Tuesday, described the Queen as "the rock on which modern Britain was built".`,
			[]string{"body|person/liz-truss|Liz Truss|the rock on which modern britain was built"}},
		{"who called it", head + `The deal was announced in Vienna by Foreign Minister Zarif, who called it "a new chapter of hope".`,
			[]string{"body|person/mohammad-javad-zarif|Foreign Minister Zarif|a new chapter of hope"}},
		{"headline dash, words addressed to someone", "Biden to Trump - \"Will you shut up, man?\"\n\nBody text here.",
			[]string{"headline|person/joe-biden|Biden|will you shut up, man"}},

		// What is not a speaker quote.
		{"a label right after called", head + `Rebels seized a town the locals called "the land of the free and the brave" in March.`, nil},
		{"passive verb of saying", head + `The plan was announced on Monday as "a bridge to a better deal".`,
			[]string{"body|unknown||a bridge to a better deal"}},
		{"body dash is not a speaker", head + `Araghchi was blunt - "nothing is agreed until everything is agreed".`,
			[]string{"body|unknown||nothing is agreed until everything is agreed"}},
		{"scare quote one word", head + `Officials described the atmosphere as “good,” while a lawmaker called Trump a “liar”.`, nil},
		{"two words with a speaker", head + `Farazmand said the killing was "an act of brutality" and "utterly unforgivable".`,
			[]string{"body|name:farazmand|Farazmand|an act of brutality", "body|name:farazmand|Farazmand|utterly unforgivable"}},
		{"pronoun resolved to a person named before", head + `Trump spoke aboard Air Force One. “Nothing matters until you get it done,” he said.`,
			[]string{"body|person/donald-trump|Trump|nothing matters until you get it done"}},
		{"two-word phrase", head + `Washington stressed its commitment to "serious diplomacy" on Friday.`, nil},
		{"so-called", head + `The so-called "maximum pressure campaign against Tehran" resumed.`, nil},
		{"title of a book", head + `He wrote the book "The Twilight of the Ayatollahs" in 2010.`, nil},
		{"title case label", head + `Tehran leads the "Axis of Resistance" in the region.`, nil},
		{"apostrophes are not quotes", head + `Tehran’s envoy and the sides’ negotiators met; they didn't agree, the ’90s style talks.`, nil},
		{"plural possessive mid headline", "The negotiators’ demands grow: Iran and US talk\n\nBody.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := quoteEnv(t, tt.text)
			var got []string
			for _, c := range runQuote(env) {
				got = append(got, render(c))
				if c.Kind != compare.KindQuote || c.Attr != "quote" {
					t.Errorf("claim kind/attr = %s/%s", c.Kind, c.Attr)
				}
				if c.Text != env.Doc.Slice(c.Span) {
					t.Errorf("claim text %q is not its span", c.Text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("quotes:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestNormalizeQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{`“Neither side wants talks—we are ready.”`, `neither side wants talks - we are ready`},
		{"\"Neither  side\nwants talks – we are ready\"", `neither side wants talks - we are ready`},
		{`We don’t want it…`, `we don't want it…`},
		{`...`, ``},
	}
	for _, tt := range tests {
		if got := NormalizeQuote(tt.in); got != tt.want {
			t.Errorf("NormalizeQuote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzQuote(f *testing.F) {
	for _, s := range []string{
		"Neither side wants unproductive discussions’: Iran and the US agree\n\n\"We are ready,\" said Araghchi.",
		`“He said ‘no’ twice,” the envoy said. 'x' "`,
		"\"\n\"“”‘’'''\"",
		`A senior diplomat, speaking on, said, "a b c" according to`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := &compare.Document{ID: "f", Text: []byte(s)}
		doc.Sentences = source.Sentences(doc.Text, nil)
		env := &Env{Doc: doc, Tokens: Tokenize(doc.Text, nil)}
		for _, c := range runQuote(env) {
			if c.Span.Start < 0 || c.Span.End > len(s) || c.Span.Start >= c.Span.End {
				t.Fatalf("bad span %v", c.Span)
			}
			if c.Subject == "" || c.Value == "" && strings.TrimSpace(c.Text) == "" {
				t.Fatalf("empty claim %+v", c)
			}
		}
	})
}

// TestSpeakerKeyDescription: a speaker the kb does not name is keyed by
// its words, lower-case, without a leading determiner or punctuation,
// "'s" (straight or curly) joined to the word before it.
func TestSpeakerKeyDescription(t *testing.T) {
	for _, c := range []struct{ phrase, want string }{
		{"a senior aide's driver", "anon:senior aide's driver"},
		{"the senior aide’s driver", "anon:senior aide's driver"},
		{"an o’brien-style aide", "anon:o'brien-style aide"},
		{"'s aide", "anon:aide"},
		{"the", "unknown"},
	} {
		env := quoteEnv(t, "Talks\n\n"+c.phrase+"\n")
		var a, b int
		for i, tok := range env.Tokens {
			if tok.Span.Start >= len("Talks\n\n") {
				a, b = i, len(env.Tokens)
				break
			}
		}
		if got := env.speakerKey(a, b); got != c.want {
			t.Errorf("speakerKey(%q) = %q, want %q", c.phrase, got, c.want)
		}
	}
}
