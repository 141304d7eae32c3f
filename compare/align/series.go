package align

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// SplitSeries gives each report of a series its own main event: a story
// whose reports name different rounds of it ("beat Thompson in the second
// round on Wednesday", published Wednesday; "beat Wawrinka in the third
// round on Friday", published Friday) covers successive events, not one
// event told two ways. Only when every report that names a round names
// one round and one date, and later rounds have later dates and later
// publication, are the main-event claims of those reports re-keyed by
// round ("event:match@round-3"), and so are their figures ("hostage@round-2"),
// so that a round's weekday, venue and counts are compared only with the
// same round's. Reports of one event published
// together ("first round on Friday" and "second round on Saturday", both
// of Saturday) stay one event and keep their contradictions.
//
// It rewrites the subjects of claims in place. Work is linear in the
// claims, plus a sort of the reports that name a round.
func SplitSeries(claims []compare.Claim) {
	// The common case, checked without allocating: fewer than two rounds.
	first := ""
	two := false
	for i := range claims {
		c := &claims[i]
		if isMainRound(c) {
			if first == "" {
				first = c.Value
			} else if c.Value != first {
				two = true
				break
			}
		}
	}
	if !two {
		return
	}
	type report struct {
		doc        *compare.Document
		round      int
		day        time.Time
		roundsSeen int // distinct rounds named (more than one: no round of its own)
		daysSeen   int // distinct dates of the main event named
		roundValue string
		dayValue   string
	}
	var reports []*report
	byDoc := map[*compare.Document]*report{}
	get := func(d *compare.Document) *report {
		r := byDoc[d]
		if r == nil {
			r = &report{doc: d}
			byDoc[d] = r
			reports = append(reports, r)
		}
		return r
	}
	for i := range claims {
		c := &claims[i]
		if c.Doc == nil {
			continue
		}
		switch {
		case isMainRound(c):
			r := get(c.Doc)
			if r.roundsSeen == 0 || c.Value != r.roundValue {
				r.roundsSeen++
				r.roundValue = c.Value
			}
		case c.Kind == compare.KindDate && isMainEvent(c.Subject) && c.Attr == "date":
			r := get(c.Doc)
			if r.daysSeen == 0 || c.Value != r.dayValue {
				r.daysSeen++
				r.dayValue = c.Value
			}
		}
	}
	var named []*report
	for _, r := range reports {
		if r.roundsSeen == 0 {
			continue // no round: it stays with the main event
		}
		if r.roundsSeen > 1 || r.daysSeen != 1 || r.doc.Reference.IsZero() {
			return // a report whose round or day is not one: nothing to order by
		}
		n, err := strconv.Atoi(r.roundValue)
		day, derr := time.Parse(time.DateOnly, r.dayValue)
		if err != nil || derr != nil {
			return
		}
		r.round, r.day = n, day
		named = append(named, r)
	}
	slices.SortFunc(named, func(a, b *report) int {
		return cmp.Or(cmp.Compare(a.round, b.round), strings.Compare(a.doc.ID, b.doc.ID))
	})
	// Rounds in order must have strictly later days and publication: the
	// latest of one round before the earliest of the next.
	var prevDay, prevRef time.Time
	for lo := 0; lo < len(named); {
		hi := lo
		minDay, maxDay := named[lo].day, named[lo].day
		minRef, maxRef := named[lo].doc.Reference, named[lo].doc.Reference
		for ; hi < len(named) && named[hi].round == named[lo].round; hi++ {
			d, ref := named[hi].day, named[hi].doc.Reference
			minDay, maxDay = earlier(minDay, d), later(maxDay, d)
			minRef, maxRef = earlier(minRef, ref), later(maxRef, ref)
		}
		if lo > 0 && (!prevDay.Before(minDay) || !prevRef.Before(minRef)) {
			return
		}
		prevDay, prevRef = maxDay, maxRef
		lo = hi
	}
	for i := range claims {
		c := &claims[i]
		if c.Doc == nil || !isMainEvent(c.Subject) && c.Kind != compare.KindQuantity {
			continue
		}
		if r := byDoc[c.Doc]; r != nil && r.roundsSeen == 1 {
			// The figures too: each round has its own ("24 hostages" freed
			// in the first exchange, 17 in the second).
			c.Subject += SeriesRound + r.roundValue
		}
	}
}

// SeriesRound joins a main event's subject and the round of a series
// SplitSeries gave it: "event:match@round-3".
const SeriesRound = "@round-"

// isMainRound reports whether a claim gives the round of the main event.
func isMainRound(c *compare.Claim) bool {
	return c.Kind == compare.KindOrdinal && c.Attr == "round" && isMainEvent(c.Subject)
}

// isMainEvent is extract.IsMainEvent, which this package cannot import.
func isMainEvent(subject string) bool {
	return subject == "event" || strings.HasPrefix(subject, "event:")
}

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
