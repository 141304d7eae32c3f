package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/source"
)

func renderQty(c compare.Claim) string {
	subject := c.Subject
	if IsMainEvent(subject) {
		subject = MainEvent // its family is the event extractor's business
	}
	s := fmt.Sprintf("%s/%s %s %q", subject, c.Attr, c.Value, c.Text)
	if c.Speaker != "" {
		s += " by " + c.Speaker
	}
	return s
}

func TestQuantity(t *testing.T) {
	const head = "Iran and US hold talks in Oman\n\nThe talks between Iran and the United States were held in Muscat.\n\n"
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"around six hours", head + "The talks lasted around six hours.", []string{`event/duration [5.1,6.9] hour approx "around six hours"`}},
		{"more than seven hours", head + "The talks lasted more than seven hours.", []string{`event/duration [7,inf] hour above "more than seven hours"`}},
		{"over four hours", head + "The meeting went on for over four hours.", []string{`event/duration [4,inf] hour above "over four hours"`}},
		{"two-and-a-half-hour", head + "The two-and-a-half-hour session ended at noon.", []string{`event/duration [2.25,2.75] hour "two-and-a-half-hour"`}},
		{"2-1/2 hours", head + "The talks lasted more than 2-1/2 hours.", []string{`event/duration [2.5,inf] hour above "more than 2-1/2 hours"`}},
		{"two and a half hours", head + "The talks lasted about two and a half hours.", []string{`event/duration [2.125,2.875] hour approx "about two and a half hours"`}},
		{"range", head + "The talks lasted four to five hours.", []string{`event/duration [4,5] hour "four to five hours"`}},
		{"minutes", head + "The talks lasted 90 minutes.", []string{`event/duration [1.49167,1.50833] hour "90 minutes"`}},
		{"another round", head + "The first round lasted about two hours.", []string{`round-1/duration [1.7,2.3] hour approx "about two hours"`}},
		{"death delay", head + "He died about three hours after he was shot.", []string{`death/duration [2.55,3.45] hour approx "about three hours"`}},
		{"casualties", head + "At least 12 people were killed in the blast.", []string{`killed/count [12,inf] killed atleast "At least 12 people"`}},
		{"count noun", head + "The alliance has 31 allies.", []string{`ally/count [31,31] ally "31 allies"`}},
		{"votes of", head + "The bill passed with 247 of 288 votes.", []string{`vote/count [247,247] vote "247 of 288 votes"`}},
		{"percent enrichment", head + "Iran enriches uranium to 60% purity.", []string{`uranium-enrichment/percent [59.5,60.5] % "60%"`}},
		{"percent word", head + "Turnout was 71.8 percent.", []string{`turnout/percent [71.75,71.85] % "71.8 percent"`}},
		{"money", head + "The deal unfroze $6 billion in Iranian assets.", []string{`asset/money [5.75e+09,6.25e+09] USD "$6 billion"`}},
		{"speaker", head + "Iran said 100 people were killed.", []string{`killed/count [100,100] killed "100 people" by Iran`}},
		{"round count", head + "The virus has killed more than 200,000 Americans.", []string{`killed/count [200000,inf] killed above "more than 200,000"`}},
		{"death delay after a clock time", head + "He was pronounced dead at 5:03 p.m., about five and a half hours later.", []string{`death/duration [4.675,6.325] hour approx "about five and a half hours"`}},
		{"all on board", head + "The helicopter crashed in fog, killing all nine people on board.", []string{`killed/count [9,9] killed all "all nine people"`}},
		{"vote split", head + "Leave won the referendum by 51.9 percent to 48.1 percent.", []string{`vote-share/percent [51.85,51.95] % "51.9 percent to 48.1 percent"`}},
		{"generic event noun", "Trump and Biden clash in first debate\n\nThe debate was held in Cleveland on Tuesday, a 90-minute encounter.", []string{`event/duration [1.49167,1.50833] hour "90-minute"`}},

		{"spoken compound", head + "The talks lasted twenty four hours.", []string{`event/duration [23.5,24.5] hour "twenty four hours"`}},
		{"cents are money", head + "Acme will pay 4 cents a share.", []string{`money/money [0.0375,0.0425] USD "4 cents"`}},
		{"francs are money", head + "The loss came to 4.7 billion francs.", []string{`money/money [4.65e+09,4.75e+09] franc "4.7 billion francs"`}},
		{"plural after es", head + "The fund bought 70 businesses.", []string{`business/count [70,70] business "70 businesses"`}},
		{"count with adjective", head + "Police arrested two key suspects.", []string{`suspect/count [2,2] suspect "two key suspects"`}},
		{"owner of a count", head + "Labour won 412 seats.", []string{`seat@labour/count [412,412] seat "412 seats"`}},
		{"owner and total", head + "Labour won 412 of the 650 seats.", []string{`seat@labour/count [412,412] seat "412 of the 650 seats"`}},
		{"owner in a relative clause", head + "The Liberal Democrats, who took 72 seats, gained.", []string{`seat@liberal democrats/count [72,72] seat "72 seats"`}},
		{"possessive owner", head + "The Conservative Party's 121 seats were its fewest.", []string{`seat@conservative/count [121,121] seat "121 seats"`}},
		{"owner total of", head + "Labour won a total of 412 seats.", []string{`seat@labour/count [412,412] seat "412 seats"`}},
		{"no owner for a toll", head + "Israel killed 30 people.", []string{`killed/count [30,30] killed "30 people"`}},
		{"no owner without a name", head + "The party won 412 seats.", []string{`seat/count [412,412] seat "412 seats"`}},

		// Not quantities.
		{"a model number", head + "The 80486 chip runs faster.", nil},
		{"a verb after the figure", head + "Of the 19 reporters, 19 has said so.", []string{`reporter/count [19,19] reporter "19 reporters"`}},
		{"no thing counted", head + "At least 20 more arrived, and 10 others waited.", nil},
		{"a change is not a split", head + "Support for the deal rose from 40 percent to 45 percent before the vote.", nil},
		{"a shift by hours", head + "Trump brought forward his news conference by two hours.", nil},
		{"hours late", head + "The talks began three hours late.", nil},
		{"days after a death", head + "Japan votes two days after the killing of Abe.", nil},
		{"a part of a toll", head + "Officials said 198 people were killed, including three children.", []string{`killed/count [198,198] killed "198 people" by Officials`}},
		{"dates and years", head + "On April 12, 2025, and 12 April the talks of 2015 resumed at 10:30.", nil},
		{"a remainder", head + "The president, the minister and six others were killed.", nil},
		{"abbreviated month", head + "The bombings on Aug. 7 killed 257 people.", []string{`killed/count [257,257] killed "257 people"`}},
		{"ages", head + "The 42-year-old suspect was arrested.", nil},
		{"expected", head + "Officials had expected four to five hours of talks.", nil},
		{"percent without a measure", head + "Scotland voted 62 percent to remain.", nil},
		{"one", head + "One official said the mood was good.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := quoteEnv(t, tt.text)
			var got []string
			for _, c := range runQuantity(env) {
				got = append(got, renderQty(c))
				if c.Text != env.Doc.Slice(c.Span) || c.Low > c.High {
					t.Errorf("bad claim %+v", c)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("quantities:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func FuzzQuantity(f *testing.F) {
	for _, s := range []string{
		"The talks lasted around six hours; 247 of 288 votes; $6 billion; 60% enriched uranium.",
		"two-and-a-half-hour 2-1/2 4-5 1/0 between 9 and 3 a-b-c 1,000,000,000,000,000,000,000 ",
		"more than 2-1/2 hours, at least 12 killed, nearly",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := &compare.Document{ID: "f", Text: []byte(s)}
		doc.Sentences = source.Sentences(doc.Text, nil)
		env := &Env{Doc: doc, Tokens: Tokenize(doc.Text, nil)}
		for _, c := range runQuantity(env) {
			if c.Span.Start < 0 || c.Span.End > len(s) || c.Span.Start >= c.Span.End {
				t.Fatalf("bad span %v", c.Span)
			}
			if c.Low > c.High || c.Low != c.Low || c.High != c.High {
				t.Fatalf("bad interval %+v", c)
			}
		}
	})
}
