package extract

import (
	"github.com/crosscheck/crosscheck/compare"
)

// Location extracts where events took place: "talks in Muscat", "the Oman
// meetings", "Oman will host the discussions". A place that is not in a
// locative or hosting relation to an event ("tensions in the Middle East",
// "reports from Oman", "facilitated by Oman") is not a venue claim.
var Location = &Extractor{
	Name:  "location",
	Kinds: []compare.Kind{compare.KindLocation},
	Run:   runLocation,
	add:   appendLocation,
}

var locativePreps = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true}

var hostWords = map[string]bool{"host": true, "hosts": true, "hosted": true, "hosting": true}

func runLocation(env *Env) []compare.Claim { return appendLocation(env, nil) }

func appendLocation(env *Env, out []compare.Claim) []compare.Claim {
	if env.Gaz == nil {
		return out
	}
	toks := env.Tokens
	sents := env.Sentences()
	for _, m := range env.Matches() {
		id, ok := placeOf(m)
		if !ok && toks[m.From].Lower == "the" {
			// "at the White House": the office phrase starts at "the"; the
			// place is the same words without it.
			if pm, found := env.longest(m.From + 1); found && pm.To == m.To {
				m = pm
				id, ok = placeOf(m)
			}
		}
		if !ok {
			continue
		}
		s := sentenceOf(sents, m.From)
		ref := ""
		prev := m.From - 1
		if prev >= s.From && toks[prev].Lower == "the" {
			prev--
		}
		modifier := m.To < s.To && toks[m.To].is(lxEventNoun)
		switch {
		case modifier && !hasPlaceEntry(m):
			continue // "progress in Iran talks": Iran is a party
		case prev >= s.From && toks[prev].is(lxLocativePrep):
			ref = env.attach(s, prev, m.To)
		case modifier:
			// "the Geneva talks" names a venue; "the Iran talks" and "the US
			// strike" name a party, so a country never counts here.
			if _, isCity := m.Has(EntryPlace); !isCity {
				continue
			}
			ref = env.classifyMention(s, m.To).Ref
			if isEvent(ref) && env.clauseTense(s, m.To) == "earlier" {
				ref = ""
			}
		case m.From <= s.From+1:
			// A place in subject position hosts: "Oman will host the talks".
			if h := hostVerbAfter(toks, s, m.To); h >= 0 {
				ref = MainEvent
				for j := h + 1; j < s.To && j < h+8; j++ {
					if toks[j].is(lxEventNoun) {
						ref = env.classifyMention(s, j).Ref
						break
					}
				}
				if isEvent(ref) && env.clauseTense(s, h) == "earlier" {
					ref = ""
				}
			}
		}
		if ref == "" {
			continue
		}
		// The claim reads "in Muscat", "near Tabriz": the preposition says
		// how the place relates to the event.
		start := m.From
		if m.From-1 >= s.From && toks[m.From-1].is(lxLocativePrep) {
			start = m.From - 1
		}
		span := compare.Span{Start: toks[start].Span.Start, End: toks[m.To-1].Span.End}
		out = append(out, env.claim(compare.KindLocation, span, ref, "venue", id))
	}
	return out
}

// placeOf returns the place ID a match names: a city or region, a
// capital as a place, or a country by name.
func placeOf(m Match) (string, bool) {
	if e, ok := m.Has(EntryPlace); ok {
		return e.ID, true
	}
	if e, ok := m.Has(EntryCountry); ok {
		return e.ID, true
	}
	return "", false
}

// hostVerbAfter finds "hosts", "will host", "is playing host to" within
// the clause after a place in subject position; it returns the token index
// of the host word or -1.
func hostVerbAfter(toks []Token, s Sentence, from int) int {
	depth := 0
	for j := from; j < s.To && j < from+16; j++ {
		switch {
		case toks[j].Lower == ",":
			depth ^= 1 // skip an apposition: "Oman, a longtime mediator, will host"
		case toks[j].is(lxHostWord):
			return j
		case depth == 0 && (toks[j].is(lxReportingVerb) || isBlockingVerb(&toks[j])):
			return -1
		case depth == 0 && j > from+4:
			return -1
		}
	}
	return -1
}

func hasPlaceEntry(m Match) bool {
	_, ok := m.Has(EntryPlace)
	return ok
}
