package extract

import (
	"strconv"

	"github.com/crosscheck/crosscheck/compare"
)

// Ordinal extracts which round the main event is: "this marks the second
// round", "met for the first time", "round two of the talks". An ordinal
// that names another round ("the first round was held in Muscat", "a third
// round is expected next week") is not a claim about the main event.
var Ordinal = &Extractor{
	Name:  "ordinal",
	Kinds: []compare.Kind{compare.KindOrdinal},
	Run:   runOrdinal,
	add:   appendOrdinal,
}

func runOrdinal(env *Env) []compare.Claim { return appendOrdinal(env, nil) }

func appendOrdinal(env *Env, out []compare.Claim) []compare.Claim {
	toks := env.Tokens
	sents := env.Sentences()
	for i := 0; i < len(toks); i++ {
		if toks[i].lex&lxOrdinal == 0 && toks[i].Lower != "round" && toks[i].Kind != Number {
			continue
		}
		n, next, ok := ordinalAt(toks, i)
		end := i + 1
		if !ok {
			// "round two", "Round 3"
			if toks[i].Lower == "round" && i+1 < len(toks) {
				if v, ok2 := cardinalWord(toks[i+1].Lower); ok2 {
					n, ok, end = v, true, i+2
				}
			}
			if !ok {
				continue
			}
		} else {
			// The ordinal must count an event: "the second round",
			// "for the first time" after an event verb.
			k, ok := countedNoun(toks, next, len(toks), true)
			if !ok {
				continue
			}
			end = k + 1
		}
		s := sentenceOf(sents, i)
		if env.clauseTense(s, i) == "earlier" {
			continue
		}
		main := false
		if toks[end-1].Lower == "time" {
			// "met for the first time": the verb before decides.
			main = env.isMain(env.attach(s, i, end)) && precededByEventVerb(toks, s, i)
		} else {
			main = n == env.Event.Round || env.ordinalIsMain(s, i)
		}
		if !main || sinceQualified(toks, end, s.To) {
			continue
		}
		// A qualifier counts another series: "the first direct talks" can
		// be the second round of talks.
		attr := "round"
		for k := i + 1; k < end-1; k++ {
			if countQualifiers[toks[k].Lower] {
				attr = "round/" + toks[k].Lower
			}
		}
		span := compare.Span{Start: toks[i].Span.Start, End: toks[end-1].Span.End}
		// Include the verb or "marks the" lead-in so the text reads as a claim.
		if toks[end-1].Lower == "time" {
			for j := i - 1; j >= s.From && j >= i-4; j-- {
				if toks[j].is(lxEventVerb) {
					span.Start = toks[j].Span.Start
					break
				}
			}
		}
		out = append(out, env.claim(compare.KindOrdinal, span, MainEvent, attr, strconv.Itoa(n)))
		i = end - 1
	}
	return out
}

// countedNoun returns the token an ordinal ending before token next
// counts, when it is an event noun (or, with timeToo, "time": "for the
// first time") within three words and before limit: "the second round",
// "the 18th G20 summit". An ordinal of a unit of time counts time inside
// an event, never events.
func countedNoun(toks []Token, next, limit int, timeToo bool) (int, bool) {
	if next < limit && ordinalTimeUnits[toks[next].Lower] {
		return 0, false // "the first day of the summit", "its third year"
	}
	counts := func(t *Token) bool { return t.is(lxEventNoun) || timeToo && t.Lower == "time" }
	k := next
	for k < limit && k < next+3 && toks[k].Kind == Word && !counts(&toks[k]) {
		k++
	}
	return k, k < limit && counts(&toks[k])
}

// ordinalTimeUnits after an ordinal count time within an event, not
// events: "the first day of a two-day summit".
var ordinalTimeUnits = map[string]bool{
	"day": true, "night": true, "week": true, "weekend": true, "month": true, "year": true, "hour": true,
	"minute": true, "morning": true, "afternoon": true, "evening": true, "half": true, "quarter": true,
	"anniversary": true, "birthday": true, "century": true, "decade": true,
}

func precededByEventVerb(toks []Token, s Sentence, i int) bool {
	for j := i - 1; j >= s.From && j >= i-4; j-- {
		if toks[j].is(lxEventVerb) {
			return true
		}
	}
	return false
}

var cardinals = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

func cardinalWord(w string) (int, bool) {
	if n, ok := cardinals[w]; ok {
		return n, true
	}
	if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 100 {
		return n, true
	}
	return 0, false
}

// countQualifiers restrict what an ordinal counts.
var countQualifiers = map[string]bool{
	"direct": true, "indirect": true, "face-to-face": true, "formal": true, "official": true,
	"public": true, "high-level": true, "bilateral": true, "in-person": true, "ministerial": true,
	"trilateral": true, "televised": true,
}

// sinceQualified reports "the first talks since 2018", "for the first time
// in years": a first in a while, not a count of rounds.
func sinceQualified(toks []Token, i, end int) bool {
	if i >= end {
		return false
	}
	switch toks[i].Lower {
	case "since":
		return true
	case "in":
		if i+1 < end {
			if _, ok := yearToken(toks[i+1]); ok {
				return true
			}
			switch toks[i+1].Lower {
			case "years", "decades", "months", "weeks", "a", "more", "over", "nearly", "almost", "at":
				return true
			}
		}
	}
	return false
}
