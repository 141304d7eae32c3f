package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/align"
	"github.com/crosscheck/crosscheck/compare/extract"
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
	// One group's values and first claims are done with before the
	// next's, one message before the next: the buffers serve every group.
	var vr align.Valuer
	var first firstClaims
	var msg []byte
	for _, g := range pass.Groups {
		if g.Kind == compare.KindQuantity && !extract.ComparableQuantity(g.Attr, g.Subject) {
			continue // two bare sums that match are a coincidence, not a confirmation
		}
		vals := vr.Values(g)
		if g.Kind == compare.KindLocation {
			vals = mergeContained(pass, vals)
		}
		for _, v := range vals {
			// The values are ours to filter in place.
			if cs := filterClaims(v.Claims, agreeable); !oneDocument(cs) {
				msg = reportAgreement(pass, g, cs, &first, msg)
			}
		}
	}
	return nil
}

// reportAgreement reports claims of two or more documents stating one
// value, with the first claim of each document as evidence. The message
// is written in msg, returned for the next, and copied once into its
// string.
func reportAgreement(pass *compare.Pass, g compare.Group, cs []*compare.Claim, buf *firstClaims, msg []byte) []byte {
	first, docs := buf.of(cs)
	slices.Sort(docs)
	b := strconv.AppendInt(msg[:0], int64(len(docs)), 10)
	b = append(b, " sources agree on "...)
	switch {
	case g.Attr == "holder":
		b = append(b, "who was "...)
		b = append(b, strings.TrimPrefix(slotPhrase(pass, g.Subject), "the ")...)
	case g.Kind == compare.KindQuantity && strings.Contains(g.Subject, "@"):
		b = append(b, quantityWhat(first[0])...) // "the number of seats of labour"
	default:
		b = append(b, "the "...)
		b = append(b, attrPhrase(g.Attr)...)
		b = append(b, " of "...)
		b = append(b, slotPhrase(pass, g.Subject)...)
	}
	b = append(b, ": "...)
	b = append(b, display(first[0])...)
	b = append(b, " ("...)
	b = appendShortIDs(b, docs)
	b = append(b, ')')
	pass.Report(compare.Finding{
		Kind:    g.Kind,
		Subject: g.Subject,
		Message: string(b),
		Claims:  claimValues(first),
	})
	return b
}

func attrPhrase(attr string) string {
	switch attr {
	case "round":
		return "round"
	case "venue":
		return "venue"
	case extract.AttrClosingWeekday:
		return "closing weekday"
	case extract.AttrClosingDate:
		return "closing date"
	}
	return attr
}

// agreeable reports whether a claim can stand as a source's statement of
// the slot's value: not a weekday derived from a date, and for people and
// governments only a claim about the time of the event itself.
func agreeable(c *compare.Claim) bool {
	if c.Marker == "derived" || c.Marker == "weekday" {
		return false // the weekday agreement already says it
	}
	switch c.Kind {
	case compare.KindOffice, compare.KindAdministration:
		return atEventTime(c) && (c.Marker == "" || c.Marker == "acting")
	}
	return true
}
