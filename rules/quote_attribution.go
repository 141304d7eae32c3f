package rules

import (
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// QuoteAttribution reports the same words put in the mouths of different
// speakers by two sources.
var QuoteAttribution = &compare.Rule{
	Name: "quote-attribution",
	Doc: `the same quote is attributed to different speakers

A quote belongs to whoever said it. When two articles give the same words
(six or more, quoted) to two different named people, one of them has the
attribution wrong.

Speakers are compared as resolved people: spelling variants and a surname
alone name the same person. An anonymous source ("a senior diplomat") may
be anyone and never conflicts; nor do two holders of the same office (a
wrong name for "Iran's foreign minister" is an office error, which the
office rules report).

Fires:
  A: "Nothing matters until you get it done," Trump said.
  B: Witkoff said: "Nothing matters until you get it done."

Does not fire:
  A: "Nothing matters until you get it done," Trump said.
  B: "Nothing matters until you get it done," a senior US official said.`,
	Type:     compare.Contradiction,
	Kind:     compare.KindQuote,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindQuote},
	Run:      runQuoteAttribution,
}

// minAttributionWords is the least number of shared words for two quotes
// to be one utterance: shorter stock phrases are said by many.
const minAttributionWords = 6

func runQuoteAttribution(pass *compare.Pass) error {
	var qs []quote
	// Every quote of a named speaker is split: their words take one chunk.
	var ws words
	n := 0
	for i := range pass.Claims {
		if c := &pass.Claims[i]; c.Kind == compare.KindQuote && namedSpeaker(c.Subject) {
			n += strings.Count(c.Text, " ") + 1
		}
	}
	ws.reserve(n)
	for i := range pass.Claims {
		c := &pass.Claims[i]
		if c.Kind != compare.KindQuote || !namedSpeaker(c.Subject) {
			continue
		}
		q := quote{c: c}
		if countQuoteWords(q.wordList(&ws)) >= minAttributionWords {
			qs = append(qs, q)
		}
	}
	var reported map[string]bool // made on the first finding
	for i, a := range qs {
		for _, b := range qs[i+1:] {
			if a.c.Doc == b.c.Doc || a.c.Subject == b.c.Subject {
				continue
			}
			cmp := compareQuotes(a.words, b.words)
			if !cmp.same || cmp.equal < minAttributionWords || !speakersConflict(pass.KB, a.c.Subject, b.c.Subject) {
				continue
			}
			key := a.c.Doc.ID + "\x00" + b.c.Doc.ID + "\x00" + a.c.Subject + "\x00" + b.c.Subject
			if reported[key] {
				continue
			}
			if reported == nil {
				reported = map[string]bool{}
			}
			reported[key] = true
			pass.Report(compare.Finding{
				Subject: a.c.Subject,
				Message: fmt.Sprintf("the same words are given to %s (%s) and to %s (%s): %q",
					speakerLabel(a.c), a.c.Doc.ID, speakerLabel(b.c), b.c.Doc.ID, spanText(a.text, a.words)),
				Claims: []compare.Claim{*a.c, *b.c},
			})
		}
	}
	return nil
}

// namedSpeaker reports whether a speaker key names a person or an office.
func namedSpeaker(key string) bool {
	return strings.HasPrefix(key, "person/") || strings.HasPrefix(key, "name:") || strings.HasPrefix(key, "role:")
}

// speakersConflict reports whether two speaker keys certainly denote
// different people.
func speakersConflict(k *kb.KB, a, b string) bool {
	if a == b {
		return false
	}
	pa, pb := strings.HasPrefix(a, "person/"), strings.HasPrefix(b, "person/")
	switch {
	case pa && pb:
		return !shareOffice(k, strings.TrimPrefix(a, "person/"), strings.TrimPrefix(b, "person/"))
	case pa || pb:
		if pb {
			a, b = b, a
		}
		id := strings.TrimPrefix(a, "person/")
		switch {
		case strings.HasPrefix(b, "name:"):
			return !personHasSurname(k, id, strings.TrimPrefix(b, "name:"))
		case strings.HasPrefix(b, "role:"):
			return !heldOffice(k, id, strings.TrimPrefix(b, "role:"))
		}
		return false
	case strings.HasPrefix(a, "name:") && strings.HasPrefix(b, "name:"):
		return true // two different surnames
	}
	return false // a role against a surname: the kb cannot tell
}

// shareOffice reports whether two people ever held the same office.
func shareOffice(k *kb.KB, a, b string) bool {
	if k == nil {
		return false
	}
	held := map[string]bool{}
	for t := range k.TenuresSeq(a) {
		held[t.Office] = true
	}
	for t := range k.TenuresSeq(b) {
		if held[t.Office] {
			return true
		}
	}
	return false
}

// heldOffice reports whether the person ever held the office of the
// "COUNTRY/role" key.
func heldOffice(k *kb.KB, person, role string) bool {
	if k == nil {
		return true
	}
	country, r, _ := strings.Cut(role, "/")
	off, ok := k.OfficeFor(country, r)
	if !ok {
		return true
	}
	for t := range k.TenuresSeq(person) {
		if t.Office == off.ID {
			return true
		}
	}
	return false
}

// personHasSurname reports whether a folded surname is one of the words
// of the person's name or aliases.
func personHasSurname(k *kb.KB, person, folded string) bool {
	if k == nil {
		return true
	}
	p, ok := k.Person(person)
	if !ok {
		return true
	}
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		for _, w := range strings.Fields(n) {
			if kb.Fold(w) == folded {
				return true
			}
		}
		if kb.Fold(n) == folded {
			return true
		}
	}
	return false
}
