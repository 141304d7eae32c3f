package extract

// lexFlags says which of the extractors' word lists a lower-case token is
// in. Tokenize looks each token up once, so that the extractors, which
// test the words around every candidate against many lists, test bits
// instead of hashing the same word again and again. The word lists (the
// maps next to the code that reads them) stay the source of truth: the
// flags are derived from them.
type lexFlags uint32

// Lexicon flags, one per word list read in a loop over tokens; lists
// read once per candidate stay maps. Token has room for 32.
const (
	lxEventNoun lexFlags = 1 << iota
	lxPredicateVerb
	lxEventVerb
	lxSelfEventVerb
	lxReportingVerb
	lxOtherEventWord
	lxFutureWord
	lxPastOtherWord
	lxNotParticiple
	lxSubordinator
	lxMonth
	lxOrdinal
	lxLocativePrep
	lxHostWord
	lxGovernmentNoun
	lxOfficeMarker
	lxNameParticle
	lxTitleWord // after a trailing dot is cut: "gen."
	lxContrast
	lxQtyStart // a number word but "a" and "an", or "half": qtyNumber may read it
	lxQtyScale
	lxQtyUnit
	lxCasualty
	lxQtySkipNoun
	lxSpeechVerb
	lxSayVerb
	lxCharacterize
	lxNPBoundary
	lxBeForm
	lxNPAdverb
	lxNPStopAfter
	// lxYear is not a list: a four-digit number from 1900 to 2100
	// (yearToken), set by Tokenize.
	lxYear
)

// lexicon maps every word of the lists to its flags. It is built once
// from the lists and never written afterwards.
var lexicon = buildLexicon()

// lexiconTable is lexicon as a wordTable, for tokenising without a
// gazetteer; read-only.
var lexiconTable = func() *wordTable {
	m := make(map[string]vocabWord, len(lexicon))
	for w, f := range lexicon {
		m[w] = vocabWord{lex: f, id: -1}
	}
	return newWordTable(m)
}()

func buildLexicon() map[string]lexFlags {
	m := map[string]lexFlags{}
	add := func(f lexFlags, words ...string) {
		for _, w := range words {
			m[w] |= f
		}
	}
	add(lxEventNoun, keys(eventNouns)...)
	add(lxPredicateVerb, keys(predicateVerbs)...)
	add(lxEventVerb, trueKeys(eventVerbs)...)
	add(lxSelfEventVerb, trueKeys(selfEventVerbs)...)
	add(lxReportingVerb, trueKeys(reportingVerbs)...)
	add(lxOtherEventWord, trueKeys(otherEventWords)...)
	add(lxFutureWord, trueKeys(futureWords)...)
	add(lxPastOtherWord, trueKeys(pastOtherWords)...)
	add(lxNotParticiple, trueKeys(notParticiple)...)
	add(lxSubordinator, trueKeys(subordinators)...)
	add(lxMonth, trueKeys(monthNames)...)
	add(lxMonth, trueKeys(qtyMonths)...)
	add(lxOrdinal, keys(ordinals)...)
	add(lxLocativePrep, trueKeys(locativePreps)...)
	add(lxHostWord, trueKeys(hostWords)...)
	add(lxGovernmentNoun, trueKeys(governmentNouns)...)
	add(lxOfficeMarker, keys(officeMarkers)...)
	add(lxNameParticle, trueKeys(nameParticles)...)
	for _, w := range trueKeys(titleWords) {
		add(lxTitleWord, w, w+".")
	}
	add(lxContrast, trueKeys(contrastWords)...)
	for w := range qtyWords {
		if w != "a" && w != "an" { // qtyWordValue reads no figure from them
			add(lxQtyStart, w)
		}
	}
	add(lxQtyStart, "half")
	add(lxQtyScale, keys(qtyScales)...)
	add(lxQtyUnit, keys(qtyUnits)...)
	add(lxCasualty, keys(casualtyWords)...)
	add(lxQtySkipNoun, trueKeys(qtySkipNouns)...)
	add(lxSpeechVerb, trueKeys(speechVerbs)...)
	add(lxSayVerb, trueKeys(sayVerbs)...)
	add(lxCharacterize, trueKeys(characterizeVerbs)...)
	add(lxNPBoundary, trueKeys(npBoundary)...)
	add(lxBeForm, trueKeys(beForms)...)
	add(lxNPAdverb, trueKeys(npAdverbs)...)
	add(lxNPStopAfter, trueKeys(npStopAfter)...)
	return m
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// trueKeys are the members of a set written as a map to bool.
func trueKeys(m map[string]bool) []string {
	var out []string
	for k, v := range m {
		if v {
			out = append(out, k)
		}
	}
	return out
}

// is reports whether the token is in the word list of flag f.
func (t *Token) is(f lexFlags) bool { return t.lex&f != 0 }
