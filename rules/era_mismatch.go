package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/align"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// EraMismatch reports articles whose time-bounded claims cannot be true at
// one time: two articles whose windows do not overlap, or one article
// whose own claims exclude each other.
var EraMismatch = &compare.Rule{
	Name: "era-mismatch",
	Doc: `articles (or one article) fit different times

Each time-bounded claim (an office holder, a sitting government) is true
only in a window; the intersection of an article's windows is its era.
Two reports of one event whose eras do not overlap cannot both be right,
unless each fits the time it speaks of: reports from before and after a
handover. A report of a death in office names the dead and the acting
holder: the term of one who died in office runs on through the coverage
of the death (30 days), and a claim about the last day of a term keeps
that day.

Fires: one report names Foreign Minister Amir-Abdollahian (2021–2024) and the Biden administration; another names the Trump administration of 2025.

Does not fire: two reports whose officials were all in office in April 2025; "Prime Minister Sunak" on election day and "Prime Minister Starmer" the day after; "President Raisi" and "acting Foreign Minister Bagheri Kani" at Raisi's funeral.`,
	Type:     compare.Contradiction,
	Kind:     compare.KindEra,
	Severity: compare.Warning,
	Needs:    []compare.Kind{compare.KindOffice, compare.KindAdministration},
	Run:      runEra,
}

// bound is a document's era and the claims that bound it.
type bound struct {
	doc      string
	era      align.EraWindow
	from, to *compare.Claim // the claims giving the latest start and earliest end
	toEnd    time.Time      // the end of to's window
	// stated is the era as the kb's terms give it, for messages; era
	// widens it as eraWindow says.
	stated align.EraWindow
}

// eraWindow is the window a claim bounds its article's era by: its
// validity; for a claim about the day a term ended, that whole day (the
// day of a handover has both holders: "outgoing Prime Minister Sunak"
// and "Prime Minister Starmer" on 5 July 2024); and for someone who died
// in office, the coverage of the death after it, as for
// office-anachronism (a report of the death names the dead president and
// the acting one).
func eraWindow(k *kb.KB, c *compare.Claim) compare.Window {
	w := *c.Valid
	if w.To.IsZero() {
		return w
	}
	end := w.To
	if at := c.When.From; c.Marker == "outgoing" || !at.Before(end) && at.Before(end.AddDate(0, 0, 1)) {
		w.To = end.AddDate(0, 0, 1)
	}
	if k == nil {
		return w
	}
	if p, _ := k.Person(personOf(c)); diedInTerm(p, end) {
		w.To = p.Died.Add(deathGrace)
	}
	return w
}

func runEra(pass *compare.Pass) error {
	var list []bound
	var at map[string]int // a document's bound in list, once the list is long
	for i := range pass.Claims {
		c := &pass.Claims[i]
		if c.Valid == nil || !atEventTime(c) || !checkable(c) {
			continue
		}
		n := boundIndex(list, at, c.Doc.ID)
		if n < 0 {
			if list == nil {
				list = make([]bound, 0, len(pass.Documents))
			}
			n = len(list)
			list = append(list, bound{doc: c.Doc.ID})
			switch {
			case at != nil:
				at[c.Doc.ID] = n
			case len(list) > manyDocs:
				at = make(map[string]int, 2*len(list))
				for k, b := range list {
					at[b.doc] = k
				}
			}
		}
		b := &list[n]
		w := eraWindow(pass.KB, c)
		b.era.Add(w)
		b.stated.Add(*c.Valid)
		if b.from == nil || w.From.After(b.from.Valid.From) {
			b.from = c
		}
		if !w.To.IsZero() && (b.to == nil || w.To.Before(b.toEnd)) {
			b.to, b.toEnd = c, w.To
		}
	}
	// An article whose own claims exclude each other is reported alone.
	open := list[:0]
	for _, b := range list {
		if b.era.Empty && b.from != nil && b.to != nil {
			pass.Report(compare.Finding{
				Subject: "era",
				Message: fmt.Sprintf("the article's claims fit no single time: %q holds from %s, but %q only until %s",
					b.from.Text, b.from.Valid.From.Format("2006-01-02"), b.to.Text, b.to.Valid.To.Format("2006-01-02")),
				Claims:   []compare.Claim{*b.from, *b.to},
				Evidence: append(append([]compare.Evidence{}, b.from.Evidence...), b.to.Evidence...),
			})
			continue
		}
		open = append(open, b)
	}
	list = open
	// Sweep by start: a document conflicts with every later-starting one
	// that starts after it ends, unless each fits the time it speaks of:
	// then they are reports of different days, before and after a
	// handover ("Prime Minister Sunak" on election day, "Prime Minister
	// Starmer" the day after). Stories are small, so pairs are few.
	slices.SortFunc(list, func(a, b bound) int {
		if c := a.era.From.Compare(b.era.From); c != 0 {
			return c
		}
		return strings.Compare(a.doc, b.doc)
	})
	for i, a := range list {
		if a.era.To.IsZero() || a.to == nil {
			continue
		}
		for _, b := range list[i+1:] {
			if b.from == nil || b.era.From.Before(a.era.To) || fitsOwnTime(a) && fitsOwnTime(b) {
				continue
			}
			pass.Report(compare.Finding{
				Subject: "era",
				Message: fmt.Sprintf("%s fits %s, %s fits %s: the articles cannot be about the same time",
					shortID(a.doc), window(a.stated.Window), shortID(b.doc), window(b.stated.Window)),
				Claims:   []compare.Claim{*a.to, *b.from},
				Evidence: append(append([]compare.Evidence{}, a.to.Evidence...), b.from.Evidence...),
			})
		}
	}
	return nil
}

// fitsOwnTime reports whether a document's era contains the time its
// bounding claims speak of (its event's).
func fitsOwnTime(b bound) bool {
	c := b.from
	if c == nil {
		c = b.to
	}
	return c != nil && b.era.Contains(c.When.From)
}

// boundIndex is the index of a document's bound in list, or -1. Claims
// come in document order: the last bound is tried first.
func boundIndex(list []bound, at map[string]int, doc string) int {
	if len(list) > 0 && list[len(list)-1].doc == doc {
		return len(list) - 1
	}
	if at != nil {
		if n, ok := at[doc]; ok {
			return n
		}
		return -1
	}
	for n := range list {
		if list[n].doc == doc {
			return n
		}
	}
	return -1
}

func window(w compare.Window) string {
	f := func(t time.Time) string {
		if t.IsZero() {
			return "…"
		}
		return t.Format("2006-01-02")
	}
	return f(w.From) + " – " + f(w.To)
}
