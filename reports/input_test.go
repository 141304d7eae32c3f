package reports

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// day parses a YYYY-MM-DD date for the test input.
func day(s string) *time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err) // test input is constant
	}
	return &t
}

// claim builds a claim on the n-th occurrence (1-based) of text in d.
func claim(t testing.TB, d *compare.Document, kind compare.Kind, text, value string) compare.Claim {
	t.Helper()
	i := strings.Index(string(d.Text), text)
	if i < 0 {
		t.Fatalf("test input: %q not in %s", text, d.ID)
	}
	return compare.Claim{Kind: kind, Doc: d, Span: compare.Span{Start: i, End: i + len(text)}, Text: text, Value: value}
}

const (
	textA = `Nuclear talks resume in Muscat
Oman is hosting a new round of talks between Iran and the United States. The discussions, which began on Friday, are the first since 2018.
Iran’s Foreign Minister Hossein Amir-Abdollahian said the talks were a “good start.”
`
	textB = `---
title: Iran and U.S. hold talks in Oman
date: 2025-04-12
---
Iran and U.S. hold talks in Oman
The talks took place on Saturday in Muscat, officials said.
Foreign Minister Abbas Araghchi said: “Neither side wants talks for the sake of talks.” <script>&</script>
`
	// textC stands for the body extracted from an HTML page; Source maps
	// it back into the page, twelve lines down and indented by four.
	textC = `Historic talks in Oman | Gulf Daily
The meeting, held on Saturday in Muscat, came weeks after President Donald Trump wrote to Supreme Leader Ali Khamenei.
A senior diplomat said “neither side wants unproductive discussions” — a line later repeated in the 3rd round.
`
)

// testReport is the one shared input of every printer test: three small
// documents (one with a Source mapping), findings of each type, kb
// evidence with terms and a death, a quote diff, a suppressed finding,
// a rule without findings and a document that failed to load.
func testReport(t testing.TB) *compare.Report {
	t.Helper()
	a := &compare.Document{ID: "a", Path: "testdata/a.txt", Title: "Nuclear talks resume in Muscat", Text: []byte(textA),
		Reference: *day("2025-04-12"), ReferenceFrom: "as-of",
		Sections: []compare.Section{{Segment: compare.SegHeadline, Span: compare.Span{Start: 0, End: 31}}, {Segment: compare.SegLede, Span: compare.Span{Start: 31, End: 170}}}}
	b := &compare.Document{ID: "b", Path: "testdata/b.md", Title: "Iran and U.S. hold talks in Oman", Outlet: "Wire <Service> & Co", Text: []byte(textB),
		Published: day("2025-04-12"), PublishedFrom: "front-matter:date", Reference: *day("2025-04-12"), ReferenceFrom: "as-of",
		Mask: []compare.Span{{Start: 0, End: strings.Index(textB, "---\nIran") + 4}}}
	c := &compare.Document{ID: "c", Path: "testdata/c.html", Title: "Historic talks in Oman", Outlet: "Gulf Daily", URL: "https://gulf.example/talks",
		Text: []byte(textC), Reference: *day("2025-04-12"), ReferenceFrom: "as-of"}
	c.Source = func(off int) (string, int, int) {
		p := c.Position(off)
		return "testdata/c.html", p.Line + 12, p.Column + 4
	}

	seg := func(cl compare.Claim, s compare.Segment) compare.Claim { cl.Segment = s; return cl }
	friday := seg(claim(t, a, compare.KindWeekday, "began on Friday", "Friday"), compare.SegLede)
	friday.Timex, friday.TimexType = "2025-04-11", "DATE"
	satB := claim(t, b, compare.KindWeekday, "took place on Saturday", "Saturday")
	satB.Timex = "2025-04-12"
	satC := claim(t, c, compare.KindWeekday, "held on Saturday", "Saturday")
	abdollahian := claim(t, a, compare.KindOffice, "Foreign Minister Hossein Amir-Abdollahian", "person/hossein-amir-abdollahian")
	araghchi := claim(t, b, compare.KindOffice, "Foreign Minister Abbas Araghchi", "person/abbas-araghchi")
	quoteB := claim(t, b, compare.KindQuote, "Neither side wants talks for the sake of talks.", "neither side wants talks for the sake of talks")
	quoteB.Speaker = "person/abbas-araghchi"
	quoteC := claim(t, c, compare.KindQuote, "neither side wants unproductive discussions", "neither side wants unproductive discussions")
	muscat := func(d *compare.Document) compare.Claim {
		return claim(t, d, compare.KindLocation, "Muscat", "OM/muscat")
	}
	round := claim(t, c, compare.KindOrdinal, "the 3rd round", "3")
	firstSince := claim(t, a, compare.KindOrdinal, "the first since 2018", "1")

	termAA := compare.Evidence{Text: "Hossein Amir-Abdollahian: foreign minister of Iran 2021-08-25 – 2024-05-19 (died 2024-05-19)",
		Source: "kb/data/iran.yaml", Person: "Hossein Amir-Abdollahian", Office: "foreign minister of Iran", From: day("2021-08-25"), To: day("2024-05-19")}
	deathAA := compare.Evidence{Text: "Hossein Amir-Abdollahian died 2024-05-19", Source: "kb/data/iran.yaml",
		Person: "Hossein Amir-Abdollahian", Died: day("2024-05-19")}
	termAr := compare.Evidence{Text: "Abbas Araghchi: foreign minister of Iran 2024-08-21 –", Source: "kb/data/iran.yaml",
		Person: "Abbas Araghchi", Office: "foreign minister of Iran", From: day("2024-08-21")}

	rule := func(name, title string, typ compare.Type, kind compare.Kind, sev compare.Severity) *compare.Rule {
		return &compare.Rule{Name: name, Type: typ, Kind: kind, Severity: sev,
			Doc: title + "\n\nWhy it matters: sources that disagree on " + string(kind) + " cannot all be right.\n\n" +
				"Fires:\n\n    one source says X, another says Y\n\nDoes not fire:\n\n    both say X\n"}
	}
	rules := []*compare.Rule{
		rule("date-mismatch", "sources disagree on the date of an event", compare.Contradiction, compare.KindDate, compare.Error),
		rule("era-mismatch", "the eras of two articles do not overlap", compare.Contradiction, compare.KindEra, compare.Error),
		rule("office-agreement", "sources agree on an office holder", compare.Agreement, compare.KindOffice, compare.Info),
		rule("office-holder", "a person is named in an office they did not hold at the time", compare.Anachronism, compare.KindOffice, compare.Error),
		rule("ordinal-mismatch", "sources disagree on which round it is", compare.Contradiction, compare.KindOrdinal, compare.Warning),
		rule("quote-altered", "a quotation differs between sources", compare.Contradiction, compare.KindQuote, compare.Warning),
		rule("venue-agreement", "sources agree on the venue", compare.Agreement, compare.KindLocation, compare.Info),
		rule("weekday-mismatch", "sources disagree on the weekday of an event", compare.Contradiction, compare.KindWeekday, compare.Error),
	}

	findings := []compare.Finding{
		{Rule: "weekday-mismatch", Type: compare.Contradiction, Kind: compare.KindWeekday, Severity: compare.Error, Subject: "talks",
			Message: "sources disagree on the weekday of the talks: Friday (a) vs Saturday (b, c)", Claims: []compare.Claim{friday, satB, satC},
			Fingerprint: "9c1f0e6a2b7d4c3e"},
		{Rule: "era-mismatch", Type: compare.Contradiction, Kind: compare.KindEra, Severity: compare.Error, Subject: "IR/foreign-minister",
			Message: "the eras of a (2021-08-25 – 2024-05-19) and b (2024-08-21 –) do not overlap", Claims: []compare.Claim{abdollahian, araghchi},
			Evidence: []compare.Evidence{termAA, termAr}},
		{Rule: "office-holder", Type: compare.Anachronism, Kind: compare.KindOffice, Severity: compare.Error, Subject: "IR/foreign-minister",
			Message: "Hossein Amir-Abdollahian is named foreign minister of Iran on 2025-04-11, after his term ended on 2024-05-19 (died 2024-05-19)",
			Claims:  []compare.Claim{abdollahian}, Evidence: []compare.Evidence{termAA, deathAA}},
		{Rule: "quote-altered", Type: compare.Contradiction, Kind: compare.KindQuote, Severity: compare.Warning, Subject: "quote/neither-side-wants",
			Message: "a quotation differs between b and c", Claims: []compare.Claim{quoteB, quoteC},
			Diff: &compare.Diff{A: quoteB.Text, B: quoteC.Text, Ops: []compare.DiffOp{
				{Op: "equal", Text: "Neither side wants "}, {Op: "delete", Text: "talks for the sake of talks."}, {Op: "insert", Text: "unproductive discussions"}},
				Unified: "Neither side wants [-talks for the sake of talks.-]{+unproductive discussions+}"}},
		{Rule: "ordinal-mismatch", Type: compare.Contradiction, Kind: compare.KindOrdinal, Severity: compare.Warning, Subject: "talks",
			Message: "sources disagree on the round of the talks: first (a) vs 3rd (c)", Claims: []compare.Claim{firstSince, round},
			Suppressed: "crosscheck:ignore ordinal-mismatch -- counted differently"},
		{Rule: "office-agreement", Type: compare.Agreement, Kind: compare.KindOffice, Severity: compare.Info, Subject: "IR/foreign-minister",
			Message: "Abbas Araghchi held the office of foreign minister of Iran on 2025-04-12", Claims: []compare.Claim{araghchi},
			Evidence: []compare.Evidence{termAr}},
		{Rule: "venue-agreement", Type: compare.Agreement, Kind: compare.KindLocation, Severity: compare.Info, Subject: "talks",
			Message: "a, b and c agree that the talks were held in Muscat, Oman", Claims: []compare.Claim{muscat(a), muscat(b), muscat(c)}},
	}
	for i := range findings {
		findings[i].ID = fmt.Sprintf("F%d", i+1)
	}
	return &compare.Report{
		AsOf:      day("2025-04-12"),
		Documents: []*compare.Document{a, b, c},
		Eras: map[string]compare.Era{
			"a": {From: day("2021-08-25"), To: day("2024-05-19")},
			"b": {From: day("2024-08-21")},
			"c": {From: day("2025-01-20"), To: day("2024-05-19"), Empty: true},
		},
		Findings: findings,
		Errors:   []compare.DocError{{Path: "testdata/d.pdf", Message: `unsupported format "pdf"`}},
		Rules:    rules,
	}
}
