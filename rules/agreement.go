package rules

import (
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/align"
)

// Agreement reports every slot on which two or more sources state the
// same value.
var Agreement = &compare.Rule{
	Name: "agreement",
	Doc: `sources state the same thing

An agreement is the evidence an editor wants beside a contradiction: how
many independent sources confirm a weekday, a venue, a round or a date.

Fires: two articles both say the talks were held in Oman.

Does not fire: only one article names the venue.`,
	Type:     compare.Agreement,
	Kind:     compare.KindLocation,
	Severity: compare.Info,
	Needs: []compare.Kind{compare.KindWeekday, compare.KindDate, compare.KindOrdinal, compare.KindLocation,
		compare.KindOffice, compare.KindAdministration, compare.KindQuote, compare.KindQuantity},
	Run: runAgreement,
}

func runAgreement(pass *compare.Pass) error {
	for _, g := range pass.Groups {
		vals := align.Values(g)
		if g.Kind == compare.KindLocation {
			vals = mergeContained(pass, vals)
		}
		for _, v := range vals {
			var cs []compare.Claim
			for _, c := range v.Claims {
				if agreeable(c) {
					cs = append(cs, c)
				}
			}
			docs := compare.DocIDs(cs)
			if len(docs) < 2 {
				continue
			}
			// One claim per document: the first.
			var first []compare.Claim
			seen := map[string]bool{}
			for _, c := range cs {
				if !seen[c.Doc.ID] {
					seen[c.Doc.ID] = true
					first = append(first, c)
				}
			}
			what := fmt.Sprintf("the %s of %s", attrPhrase(g.Attr), slotPhrase(pass, g.Subject))
			if g.Attr == "holder" {
				what = "who was " + strings.TrimPrefix(slotPhrase(pass, g.Subject), "the ")
			}
			pass.Report(compare.Finding{
				Kind:    g.Kind,
				Subject: g.Subject,
				Message: fmt.Sprintf("%d sources agree on %s: %s (%s)", len(docs), what,
					display(first[0]), strings.Join(shortIDs(docs), ", ")),
				Claims: first,
			})
		}
	}
	return nil
}

func attrPhrase(attr string) string {
	switch attr {
	case "round":
		return "round"
	case "venue":
		return "venue"
	}
	return attr
}

// agreeable reports whether a claim can stand as a source's statement of
// the slot's value: not a weekday derived from a date, and for people and
// governments only a claim about the time of the event itself.
func agreeable(c compare.Claim) bool {
	if c.Marker == "derived" || c.Marker == "weekday" {
		return false // the weekday agreement already says it
	}
	switch c.Kind {
	case compare.KindOffice, compare.KindAdministration:
		return atEventTime(c) && (c.Marker == "" || c.Marker == "acting")
	}
	return true
}
