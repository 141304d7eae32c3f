package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/align"
)

// EraMismatch reports articles whose time-bounded claims cannot be true at
// one time: two articles whose windows do not overlap, or one article
// whose own claims exclude each other.
var EraMismatch = &compare.Rule{
	Name: "era-mismatch",
	Doc: `articles (or one article) fit different times

Each time-bounded claim (an office holder, a sitting government) is true
only in a window; the intersection of an article's windows is its era.
Two reports of one event whose eras do not overlap cannot both be right.

Fires: one report names Foreign Minister Amir-Abdollahian (2021–2024) and the Biden administration; another names the Trump administration of 2025.

Does not fire: two reports whose officials were all in office in April 2025.`,
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
		b.era.Add(*c.Valid)
		if b.from == nil || c.Valid.From.After(b.from.Valid.From) {
			b.from = c
		}
		if !c.Valid.To.IsZero() && (b.to == nil || c.Valid.To.Before(b.to.Valid.To)) {
			b.to = c
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
	// that starts after it ends. Stories are small, so pairs are few.
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
			if b.from == nil || b.era.From.Before(a.era.To) {
				continue
			}
			pass.Report(compare.Finding{
				Subject: "era",
				Message: fmt.Sprintf("%s fits %s, %s fits %s: the articles cannot be about the same time",
					shortID(a.doc), window(a.era.Window), shortID(b.doc), window(b.era.Window)),
				Claims:   []compare.Claim{*a.to, *b.from},
				Evidence: append(append([]compare.Evidence{}, a.to.Evidence...), b.from.Evidence...),
			})
		}
	}
	return nil
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
