package extract

import (
	"strconv"

	"github.com/crosscheck/crosscheck/compare"
)

// EventYear extracts the years of referenced events the kb knows: "the
// 2015 nuclear deal", "withdrew from the JCPOA in 2018". An action word
// before the event ("withdrawal from", "signed") makes the claim about that
// act, so "the 2015 deal" and "the 2018 withdrawal" are separate slots.
var EventYear = &Extractor{
	Name:  "event-year",
	Kinds: []compare.Kind{compare.KindDate},
	Run:   runEventYear,
}

var actionWords = map[string]string{
	"withdrawal": "withdrawal", "withdrew": "withdrawal", "withdraw": "withdrawal", "withdrawing": "withdrawal",
	"exit": "withdrawal", "exited": "withdrawal", "quit": "withdrawal", "abandoned": "withdrawal",
	"left": "withdrawal", "pullout": "withdrawal", "pull-out": "withdrawal",
	"signed": "signing", "signing": "signing", "sign": "signing",
}

func runEventYear(env *Env) []compare.Claim {
	if env.Gaz == nil {
		return nil
	}
	var out []compare.Claim
	toks := env.Tokens
	sents := env.Sentences()
	matches := env.Matches()
	for mi, m := range matches {
		e, ok := m.Has(EntryEvent)
		if !ok {
			continue
		}
		s := sentenceOf(sents, m.From)
		year, yi := -1, -1
		// "the 2015 nuclear deal" may itself be an alias.
		for j := m.From; j < m.To; j++ {
			if y, ok := yearToken(toks[j]); ok {
				year, yi = y, j
			}
		}
		// "the 2015 nuclear deal": a year just before the event name.
		for j := m.From - 1; yi < 0 && j >= s.From && j >= m.From-3; j-- {
			if y, ok := yearToken(toks[j]); ok {
				year, yi = y, j
				break
			}
		}
		// "the JCPOA in 2018", "the JCPOA, agreed in 2015".
		if yi < 0 {
			next := s.To
			if mi+1 < len(matches) && matches[mi+1].From < next {
				next = matches[mi+1].From
			}
			for j := m.To; j < next && j < m.To+5; j++ {
				if y, ok := yearToken(toks[j]); ok && j > m.To && toks[j-1].Lower == "in" {
					year, yi = y, j
					break
				}
			}
		}
		if yi < 0 {
			continue
		}
		// The act the year dates: "the 2018 withdrawal from the JCPOA" (an
		// action between year and event) or "withdrew from the JCPOA in
		// 2018" (an action before the event). "The abandoned 2015 deal"
		// dates the deal itself.
		subject := e.ID
		lo, hi := m.From-6, m.From
		if yi < m.To {
			lo = yi + 1
		}
		for j := hi - 1; j >= s.From && j >= lo; j-- {
			if a, ok := actionWords[toks[j].Lower]; ok {
				subject = e.ID + "/" + a
				break
			}
		}
		from, to := min(m.From, yi), max(m.To, yi+1)
		span := compare.Span{Start: toks[from].Span.Start, End: toks[to-1].Span.End}
		c := env.claim(compare.KindDate, span, subject, "year", strconv.Itoa(year))
		c.Timex, c.TimexType = strconv.Itoa(year), "DATE"
		out = append(out, c)
	}
	return out
}

func yearToken(t Token) (int, bool) {
	if t.Kind != Number || len(t.Text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t.Text)
	if err != nil || y < 1900 || y > 2100 {
		return 0, false
	}
	return y, true
}
