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
	add:   appendEventYear,
}

var actionWords = map[string]string{
	"withdrawal": "withdrawal", "withdrew": "withdrawal", "withdraw": "withdrawal", "withdrawing": "withdrawal",
	"exit": "withdrawal", "exited": "withdrawal", "quit": "withdrawal", "abandoned": "withdrawal",
	"left": "withdrawal", "pullout": "withdrawal", "pull-out": "withdrawal",
	"signed": "signing", "signing": "signing", "sign": "signing",
}

func runEventYear(env *Env) []compare.Claim { return appendEventYear(env, nil) }

func appendEventYear(env *Env, out []compare.Claim) []compare.Claim {
	if env.Gaz == nil {
		return out
	}
	toks := env.Tokens
	sents := env.Sentences()
	matches := env.Matches()
	for mi, m := range matches {
		e, ok := m.Has(EntryEvent)
		if !ok {
			continue
		}
		s := sentenceOf(sents, m.From)
		// The year that names the event: inside the alias ("the 2015
		// nuclear deal") or just before it ("the 2015 JCPOA", "the 2018
		// withdrawal from the JCPOA").
		yi := -1
		for j := m.From; j < m.To; j++ {
			if _, ok := yearToken(toks[j]); ok {
				yi = j
			}
		}
		for j := m.From - 1; yi < 0 && j >= s.From && j >= m.From-3; j-- {
			if _, ok := yearToken(toks[j]); ok {
				yi = j
			}
		}
		if yi >= 0 {
			// An action between the year and the event makes the year the
			// action's; "the abandoned 2015 deal" dates the deal itself.
			subject := e.ID
			if a, ok := actionIn(toks, yi+1, m.From); ok {
				subject += "/" + a
			}
			out = append(out, env.eventYearClaim(subject, min(m.From, yi), max(m.To, yi+1), yi))
		}
		// A year after the event, "in 2018", dates what the sentence says
		// was done to it: "withdrew from the 2015 deal in 2018",
		// "the JCPOA, agreed in 2015".
		next := s.To
		if mi+1 < len(matches) && matches[mi+1].From < next {
			next = matches[mi+1].From
		}
		for j := m.To + 1; j < next && j < m.To+5; j++ {
			if _, ok := yearToken(toks[j]); !ok || toks[j-1].Lower != "in" {
				continue
			}
			a, acted := actionIn(toks, max(s.From, m.From-6), m.From)
			if !acted && yi >= 0 {
				break // "the 2015 deal in 2016"? Without an action, unclear.
			}
			subject := e.ID
			if acted {
				subject += "/" + a
			}
			out = append(out, env.eventYearClaim(subject, m.From, j+1, j))
			break
		}
	}
	return out
}

// actionIn finds the nearest action word in tokens [lo, hi), rightmost first.
func actionIn(toks []Token, lo, hi int) (string, bool) {
	for j := hi - 1; j >= lo && j >= 0; j-- {
		if a, ok := actionWords[toks[j].Lower]; ok {
			return a, true
		}
	}
	return "", false
}

func (env *Env) eventYearClaim(subject string, from, to, yi int) compare.Claim {
	toks := env.Tokens
	y, _ := yearToken(toks[yi])
	span := compare.Span{Start: toks[from].Span.Start, End: toks[to-1].Span.End}
	c := env.claim(compare.KindDate, span, subject, "year", strconv.Itoa(y))
	c.Timex, c.TimexType = strconv.Itoa(y), "DATE"
	return c
}

// yearToken reads a year token: "2015", not "2,015" or "3000".
func yearToken(t Token) (int, bool) {
	if t.lex&lxYear == 0 {
		return 0, false
	}
	s := t.Text // four digits: Tokenize checked
	return int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0'), true
}

// parseYear reads a four-digit year from 1900 to 2100.
func parseYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y := 0
	for i := 0; i < 4; i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		y = y*10 + int(s[i]-'0')
	}
	return y, y >= 1900 && y <= 2100
}
