package rules

import (
	"slices"
	"strconv"
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
	// One group's values and first claims are done with before the
	// next's: the buffers serve every group.
	var vr align.Valuer
	var first firstClaims
	var found agreements
	for _, g := range pass.Groups {
		vals := vr.Values(g)
		if g.Kind == compare.KindLocation {
			vals = mergeContained(pass, vals)
		}
		for _, v := range vals {
			// The values are ours to filter in place.
			if cs := filterClaims(v.Claims, agreeable); !oneDocument(cs) {
				found.add(pass, g, cs, &first)
			}
		}
	}
	found.report(pass)
	return nil
}

// agreements are the agreements of a pass, reported together at its end
// so that their claims are copied into one array and their messages
// written into one string: a story has dozens of agreements, and
// allocating for each was most of what checking it allocated.
type agreements struct {
	found []agreement
	// claims are the claims of each agreement, one after another; text
	// their messages.
	claims []*compare.Claim
	text   []byte
}

// agreement is a finding of the agreement rule but its claims, the next
// n of agreements.claims, and its message, text up to end.
type agreement struct {
	kind    compare.Kind
	subject string
	n, end  int
}

// add notes claims of two or more documents stating one value, with the
// first claim of each document as evidence.
func (a *agreements) add(pass *compare.Pass, g compare.Group, cs []*compare.Claim, buf *firstClaims) {
	first, docs := buf.of(cs)
	slices.Sort(docs)
	b := strconv.AppendInt(a.text, int64(len(docs)), 10)
	b = append(b, " sources agree on "...)
	if g.Attr == "holder" {
		b = append(b, "who was "...)
		b = append(b, strings.TrimPrefix(slotPhrase(pass, g.Subject), "the ")...)
	} else {
		b = append(b, "the "...)
		b = append(b, attrPhrase(g.Attr)...)
		b = append(b, " of "...)
		b = append(b, slotPhrase(pass, g.Subject)...)
	}
	b = append(b, ": "...)
	b = append(b, display(first[0])...)
	b = append(b, " ("...)
	b = appendShortIDs(b, docs)
	a.text = append(b, ')')
	a.found = append(a.found, agreement{kind: g.Kind, subject: g.Subject, n: len(first), end: len(a.text)})
	a.claims = append(a.claims, first...)
}

// report reports the agreements in the order they were added, each
// finding's claims a clipped slice of one array that the findings own.
func (a *agreements) report(pass *compare.Pass) {
	if len(a.found) == 0 {
		return
	}
	all := make([]compare.Claim, len(a.claims))
	for i, c := range a.claims {
		all[i] = *c
	}
	text := string(a.text)
	start, from := 0, 0
	for _, f := range a.found {
		end := start + f.n
		pass.Report(compare.Finding{
			Kind:    f.kind,
			Subject: f.subject,
			Message: text[from:f.end],
			Claims:  all[start:end:end],
		})
		start, from = end, f.end
	}
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
