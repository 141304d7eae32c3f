package rules

import (
	"fmt"
	"iter"
	"math"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/align"
	"github.com/crosscheck/crosscheck/compare/extract"
)

// QuantityMismatch reports two sources whose figures for one thing cannot
// both be true.
var QuantityMismatch = &compare.Rule{
	Name: "quantity-mismatch",
	Doc: `sources give figures for the same thing that cannot both be true

Figures drift between versions of a story: a session's length, a toll, a
level of enrichment. Each figure is read as the interval it allows: a
hedge widens it ("about", "around": ±15%; "more than", "over", "at least":
no upper bound; "nearly", "almost": up to the figure; "less than": below
it), a range spans it ("four to five hours") and a round figure allows its
rounding ("six hours": 5.5–6.5). Two figures contradict when their
intervals do not meet.

A count that rises in a later report is an update (quantity-update), and
figures attributed to different parties are a reported disagreement
(quantity-disagreement); neither is reported here.

Only figures that name one thing of the story are compared: the length of
the main event, a toll, a measured percentage, a count of a plural noun, a
sum of money that says what it pays for ("a $6 billion aid package").
Bare sums ("$27", "$5.66 a share") are not. A report that gives two
figures of one slot counts two things (a total and a part; 28 visas asked
for, six approved): another report agreeing with one of them, or facing a
report with several, is not a contradiction.

Fires:
  A: The talks lasted around six hours.
  B: The talks lasted more than seven hours.

Does not fire:
  A: The talks lasted around six hours.
  B: The talks lasted over four hours.`,
	Type:     compare.Contradiction,
	Kind:     compare.KindQuantity,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindQuantity},
	Run: func(pass *compare.Pass) error {
		return eachQuantityConflict(pass, false, func(a, b *compare.Claim) bool {
			return !attributedApart(a, b) && !isUpdate(a, b)
		}, func(a, b *compare.Claim) compare.Finding {
			return compare.Finding{
				Subject: a.Subject,
				Message: fmt.Sprintf("sources disagree on %s: %s (%s) vs %s (%s)",
					quantityWhat(a), a.Text, a.Doc.ID, b.Text, b.Doc.ID),
				Claims: []compare.Claim{*a, *b},
			}
		})
	},
}

// eachQuantityConflict reports the figures of each slot that conflict:
// pairs whose intervals do not meet and that keep accepts (pairs inside
// one document only when sameDoc). One finding per odd figure out: the
// figure with the most conflicts is reported first, against the most
// precise figure it conflicts with, and its conflicts are then settled;
// so "5 percent" against "3.67 percent" and "about 3.7 percent" is one
// finding, not two.
func eachQuantityConflict(pass *compare.Pass, sameDoc bool, keep func(a, b *compare.Claim) bool, report func(a, b *compare.Claim) compare.Finding) error {
	for g := range comparableQuantities(pass) {
		cs := g.Claims
		edges := conflictEdges(cs, sameDoc, keep)
		if edges == nil {
			continue
		}
		for {
			best, deg := -1, 0
			for i := range cs {
				n := 0
				for j := range cs {
					if edges.has(i, j) {
						n++
					}
				}
				if n > deg {
					best, deg = i, n
				}
			}
			if best < 0 {
				break
			}
			other := -1
			for j := range cs {
				if edges.has(best, j) && (other < 0 || width(&cs[j]) < width(&cs[other])) {
					other = j
				}
			}
			pass.Report(report(&cs[best], &cs[other]))
			for j := range cs {
				edges.set(best, j, false)
			}
		}
	}
	return nil
}

// comparableQuantities returns the quantity groups whose figures name one
// thing of the story (extract.ComparableQuantity): "$27" in one report and
// "$5.66" in another are not two versions of one figure.
func comparableQuantities(pass *compare.Pass) iter.Seq[compare.Group] {
	return func(yield func(compare.Group) bool) {
		for g := range groupsOf(pass, compare.KindQuantity) {
			if extract.ComparableQuantity(g.Attr, g.Subject) && !yield(g) {
				return
			}
		}
	}
}

// edgeSet is the conflict graph of a slot's figures: n×n flags, row-major.
type edgeSet struct {
	n     int
	flags []bool
}

func (e edgeSet) has(i, j int) bool { return e.flags[i*e.n+j] }

// set marks or clears the edge between i and j, both ways.
func (e edgeSet) set(i, j int, on bool) { e.flags[i*e.n+j], e.flags[j*e.n+i] = on, on }

// conflictEdges links the figures whose intervals do not meet and that
// keep accepts (pairs inside one document only when sameDoc); nil when
// none conflict, as in most slots, so that those cost no allocation.
func conflictEdges(cs []compare.Claim, sameDoc bool, keep func(a, b *compare.Claim) bool) *edgeSet {
	var e *edgeSet
	var several map[*compare.Document]bool // built at the first pair across documents that conflicts
	for i := range cs {
		a := &cs[i]
		for j := i + 1; j < len(cs); j++ {
			b := &cs[j]
			if a.Doc == b.Doc && !sameDoc || a.Unit != b.Unit || intervalsMeet(a, b) || !keep(a, b) {
				continue
			}
			if a.Doc != b.Doc {
				if several == nil {
					several = severalCounts(cs)
				}
				if several[a.Doc] || several[b.Doc] || echoed(cs, i, j) {
					continue
				}
			}
			if e == nil {
				e = &edgeSet{n: len(cs), flags: make([]bool, len(cs)*len(cs))}
			}
			e.set(i, j, true)
		}
	}
	return e
}

// echoed reports whether the document of figure j also gives a figure
// that meets figure i, or the document of i one that meets j. An article
// that states both figures counts two things ("Cuba had asked for 28
// visas … officials approved six"), and the other report agrees with one
// of them rather than contradicting it. Only a figure bounded on both
// sides echoes another.
func echoed(cs []compare.Claim, i, j int) bool {
	a, b := &cs[i], &cs[j]
	for k := range cs {
		c := &cs[k]
		if k == i || k == j || c.Unit != a.Unit || !bounded(c) {
			continue
		}
		if c.Doc == b.Doc && intervalsMeet(a, c) || c.Doc == a.Doc && intervalsMeet(b, c) {
			return true
		}
	}
	return false
}

// severalCounts returns the documents that give figures of the slot that
// cannot be one count: "killed 257 people" and "the blast that killed 10
// people" in Dar es Salaam, a total and a part. Which of such a
// document's figures another report's figure should match is anyone's
// guess. The map is never nil.
func severalCounts(cs []compare.Claim) map[*compare.Document]bool {
	out := map[*compare.Document]bool{}
	for i := range cs {
		a := &cs[i]
		if out[a.Doc] || !bounded(a) {
			continue
		}
		for j := i + 1; j < len(cs); j++ {
			b := &cs[j]
			if b.Doc == a.Doc && b.Unit == a.Unit && bounded(b) && !intervalsMeet(a, b) {
				out[a.Doc] = true
				break
			}
		}
	}
	return out
}

// bounded reports whether a figure's interval is bounded on both sides:
// "over four hours" meets everything above four, a bound rather than a
// count of its own.
func bounded(c *compare.Claim) bool { return c.High != extract.Unbounded && c.Low != 0 }

// width is the breadth of a figure's interval: the smaller, the more precise.
func width(c *compare.Claim) float64 { return c.High - c.Low }

// intervalsMeet reports whether two figures' intervals share a point.
// Bounds from rounding and hedges are soft, so two ranges that only touch
// (…–52.5 and 52.5–…) do not meet; an exact figure on a bound does.
func intervalsMeet(a, b *compare.Claim) bool {
	lo, hi := math.Max(a.Low, b.Low), math.Min(a.High, b.High)
	return lo < hi || lo == hi && (a.Low == a.High || b.Low == b.High)
}

// attributedApart reports whether two figures are given as different
// parties' words: "Iran said 100, the US said 120".
func attributedApart(a, b *compare.Claim) bool {
	if a.Speaker == "" || b.Speaker == "" {
		return false
	}
	ka, kb := partyKey(a.Speaker), partyKey(b.Speaker)
	if pronouns[ka] || pronouns[kb] {
		return false // "he said": most likely the party named before, not another one
	}
	// "Zelensky" and "Ukrainian President Volodymyr Zelensky" are one party.
	return ka != kb && !strings.HasSuffix(ka, " "+kb) && !strings.HasSuffix(kb, " "+ka)
}

// pronouns stand for a party named elsewhere.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true}

// partyReplacer folds apostrophes and drops periods ("U.S."); a Replacer
// is safe for concurrent use.
var partyReplacer = strings.NewReplacer("’", "'", ".", "")

// partyKey normalises a speaker as written for comparison.
func partyKey(s string) string {
	ws := strings.Fields(strings.ToLower(partyReplacer.Replace(s)))
	for len(ws) > 1 && (ws[0] == "the" || ws[0] == "a" || ws[0] == "an") {
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// cumulativeSubjects are counts that only grow as a story develops: tolls
// and tallies.
var cumulativeSubjects = map[string]bool{
	"killed": true, "injured": true, "vote": true, "missing": true, "arrested": true,
	"displaced": true, "casualty": true, "case": true, "detained": true, "evacuated": true,
	"ballot": true, "signature": true, "refugee": true,
}

// isUpdate reports whether one figure is a later, higher count of a
// cumulative total than the other.
func isUpdate(a, b *compare.Claim) bool {
	_, _, ok := updateOrder(a, b)
	return ok
}

// updateOrder returns the earlier and the later of two figures when the
// later is a rise of a cumulative count.
func updateOrder(a, b *compare.Claim) (earlier, later *compare.Claim, ok bool) {
	if a.Attr != "count" || !cumulativeSubjects[a.Subject] || a.Doc == b.Doc || completeCount(a) || completeCount(b) {
		return a, b, false
	}
	ta, tb := reportTime(a.Doc), reportTime(b.Doc)
	if ta.IsZero() || tb.IsZero() || ta.Equal(tb) {
		return a, b, false
	}
	if tb.Before(ta) {
		a, b = b, a
	}
	return a, b, b.Low >= a.High
}

// completeCount reports whether a figure is given as a whole that cannot
// grow: "all nine people on board".
func completeCount(c *compare.Claim) bool { return strings.HasSuffix(c.Value, " all") }

// reportTime is when a document was published, else its reference time.
func reportTime(d *compare.Document) time.Time {
	if d.Published != nil {
		return *d.Published
	}
	return d.Reference
}

// quantityWhat names what a figure measures, for messages.
func quantityWhat(c *compare.Claim) string {
	subject, round, series := strings.Cut(c.Subject, align.SeriesRound)
	if series {
		// A round of a series (align.SplitSeries): "the number of hostages
		// in round 2".
		d := *c
		d.Subject = subject
		return quantityWhat(&d) + " in round " + round
	}
	if subject == "event" || strings.HasPrefix(subject, "event:") {
		subject = "the " + strings.TrimPrefix(strings.TrimPrefix(subject, "event"), ":")
		if subject == "the " {
			subject = "the event"
		}
	}
	switch c.Attr {
	case "duration":
		return "the length of " + subject
	case "count":
		if subject == "killed" || subject == "injured" {
			return "the number " + subject
		}
		if noun, owner, ok := strings.Cut(subject, "@"); ok {
			return "the number of " + plural(noun) + " of " + owner // "the number of seats of labour"
		}
		return "the number of " + plural(subject)
	case "percent":
		return "the " + strings.ReplaceAll(subject, "-", " ") + " level"
	case "money":
		return "the sum of the " + subject
	}
	return subject
}

// plural is the plural of a counted noun as quantity claims keep it
// (singular, lower case): "suspect" → "suspects", "child" → "children".
func plural(noun string) string {
	switch noun {
	case "people", "children", "men", "women", "police", "personnel", "staff", "crew", "aircraft", "livestock", "cattle":
		return noun // counted as written
	case "child":
		return "children"
	case "man":
		return "men"
	case "woman":
		return "women"
	case "person":
		return "people"
	}
	switch {
	case strings.HasSuffix(noun, "y") && len(noun) > 2 && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])):
		return noun[:len(noun)-1] + "ies"
	case strings.HasSuffix(noun, "s") || strings.HasSuffix(noun, "sh") || strings.HasSuffix(noun, "ch") || strings.HasSuffix(noun, "x"):
		return noun + "es"
	}
	return noun + "s"
}
