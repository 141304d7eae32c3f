package extract

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// EntryKind says what a gazetteer phrase names.
type EntryKind uint8

// Gazetteer entry kinds.
const (
	EntryPlace   EntryKind = iota + 1 // a city or region (kb place ID)
	EntryCountry                      // a country by name or alias (country code)
	EntryDemonym                      // "Iranian" (country code)
	EntryCapital                      // "Tehran" as metonym (country code); also a place
	EntryRole                         // "Foreign Minister" (role, maybe country)
	EntryPerson                       // a kb person by name or alias (person ID)
	EntryEvent                        // a kb event by alias (event ID)
	EntryOffice                       // an office by its own name: "Secretary of State" (office ID)
)

// Entry is one meaning of a gazetteer phrase.
type Entry struct {
	Kind    EntryKind
	ID      string // place ID, country code, role, person ID or event ID
	Country string // for roles implying a country, and places
	// Proper entries only match text that starts with a capital letter.
	Proper bool
	// Plural marks a plural role phrase: "their foreign ministers".
	Plural bool
}

// Gazetteer finds kb phrases in token streams: a trie over lower-cased
// tokens, longest match first. It is built once per run and read-only.
//
// The trie's edges are keyed by word ids, not strings: words gives each
// lower-case word its id (and the lexicon flags of the extractors' word
// lists, so that tokenising for an Env needs one lookup per token), and
// most tokens, which start no phrase, then cost one slice index.
type Gazetteer struct {
	// vocab gives words their ids while the trie is built; words holds
	// them afterwards, for lookups.
	vocab map[string]vocabWord
	words *wordTable
	// first maps a word id to the node of the one-word prefix, 0 when no
	// phrase starts with the word.
	first []int32
	// edges maps node<<32 | word id to the child node while the trie is
	// built; edgeTab holds them afterwards, for lookups.
	edges   map[uint64]int32
	edgeTab edgeTable
	// nodes[0] is the root.
	nodes []gnode

	// kb is the kb indexed, and evidence its TermEvidence for every
	// person and office the person held: office claims carry it, and the
	// same few are rendered for article after article. Claims share the
	// slices (capacity clipped): read-only.
	kb       *kb.KB
	evidence map[evidenceKey][]compare.Evidence
	// personValues are the claim values "person/ID" of the kb's people,
	// made once rather than for every office claim.
	personValues map[string]string
}

type evidenceKey struct{ person, office string }

// vocabWord is what the gazetteer knows of a lower-case word.
type vocabWord struct {
	lex lexFlags
	id  int32 // -1 when no phrase uses the word
}

type gnode struct {
	entries []Entry
	// common are the entries without the Proper requirement, for text
	// that does not start with a capital.
	common []Entry
	// The kinds of entries and common, as kindSets.
	kinds, commonKinds kindSet
}

// kindSet has bit k set for EntryKind k.
type kindSet uint16

func kindsOf(es []Entry) kindSet {
	var ks kindSet
	for _, e := range es {
		ks |= 1 << e.Kind
	}
	return ks
}

// Match is a phrase found in the tokens [From, To).
type Match struct {
	From, To int
	// Entries are shared with the gazetteer: read-only.
	Entries []Entry
	// kinds are the kinds of Entries, when the gazetteer made the match.
	kinds kindSet
}

// NewGazetteer indexes the kb's places, countries, roles, people and events.
func NewGazetteer(k *kb.KB) *Gazetteer {
	g := &Gazetteer{vocab: make(map[string]vocabWord, len(lexicon)), nodes: []gnode{{}}, edges: map[uint64]int32{}}
	for w, f := range lexicon {
		g.vocab[w] = vocabWord{lex: f, id: -1}
	}
	if k != nil {
		addKBPhrases(k, g.add)
		g.kb, g.evidence = k, termEvidenceOf(k)
		people := k.People()
		g.personValues = make(map[string]string, len(people))
		for _, p := range people {
			g.personValues[p.ID] = speakerPerson + p.ID
		}
	}
	g.words = newWordTable(g.vocab)
	g.edgeTab = newEdgeTable(g.edges)
	g.vocab, g.edges = nil, nil // the tables above replace them
	for i := range g.nodes {
		n := &g.nodes[i]
		n.entries = slices.Clip(n.entries)
		for _, e := range n.entries {
			if !e.Proper {
				n.common = append(n.common, e)
			}
		}
		if len(n.common) == len(n.entries) {
			n.common = n.entries
		}
		n.common = slices.Clip(n.common)
		n.kinds, n.commonKinds = kindsOf(n.entries), kindsOf(n.common)
	}
	return g
}

// termEvidenceOf renders the TermEvidence of every person's terms in
// each office they held.
func termEvidenceOf(k *kb.KB) map[evidenceKey][]compare.Evidence {
	out := map[evidenceKey][]compare.Evidence{}
	for _, p := range k.People() {
		for t := range k.TenuresSeq(p.ID) {
			key := evidenceKey{p.ID, t.Office}
			if _, done := out[key]; done {
				continue
			}
			o, ok := k.Office(t.Office)
			if !ok {
				continue
			}
			var terms []kb.Term
			for u := range k.TenuresSeq(p.ID) {
				if u.Office == o.ID {
					terms = append(terms, u)
				}
			}
			out[key] = slices.Clip(TermEvidence(p, o, terms))
		}
	}
	return out
}

// termEvidence is TermEvidence of person's terms in office, when the
// gazetteer has it rendered for kb k.
func (g *Gazetteer) termEvidence(k *kb.KB, person string, office *kb.Office) ([]compare.Evidence, bool) {
	if g == nil || g.kb != k {
		return nil, false
	}
	ev, ok := g.evidence[evidenceKey{person, office.ID}]
	return ev, ok
}

// personValue is the claim value of a person of the kb k: "person/ID".
func (g *Gazetteer) personValue(k *kb.KB, person string) string {
	if g != nil && g.kb == k {
		if v, ok := g.personValues[person]; ok {
			return v
		}
	}
	return speakerPerson + person
}

// addKBPhrases calls add with every phrase the gazetteer indexes.
func addKBPhrases(k *kb.KB, add func(phrase string, e Entry)) {
	for _, c := range k.CountryNames() {
		kind := EntryCountry
		switch c.Form {
		case "demonym":
			kind = EntryDemonym
		case "capital":
			kind = EntryCapital
		}
		add(c.Text, Entry{Kind: kind, ID: c.Country, Country: c.Country, Proper: true})
	}
	for _, p := range k.Places() {
		country := p.Within
		if i := strings.IndexByte(p.ID, '/'); i > 0 {
			country = p.ID[:i]
		}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			add(n, Entry{Kind: EntryPlace, ID: p.ID, Country: country, Proper: true})
		}
	}
	for _, r := range k.RoleTitles() {
		add(r.Text, Entry{Kind: EntryRole, ID: r.Role, Country: r.Country})
		if p, ok := pluralTitle(r.Text); ok {
			add(p, Entry{Kind: EntryRole, ID: r.Role, Country: r.Country, Plural: true})
		}
	}
	for _, o := range k.OfficeNames() {
		add(o.Text, Entry{Kind: EntryOffice, ID: o.Office})
	}
	for _, p := range k.People() {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			add(n, Entry{Kind: EntryPerson, ID: p.ID, Proper: true})
		}
	}
	for _, e := range k.Events() {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			for _, v := range eventVariants(n) {
				add(v, Entry{Kind: EntryEvent, ID: e.ID})
			}
		}
	}
}

func (g *Gazetteer) add(phrase string, e Entry) {
	toks := Tokenize([]byte(phrase), nil)
	if len(toks) == 0 {
		return
	}
	n := int32(0)
	for _, t := range toks {
		w := g.wordID(t.Lower)
		c := g.child(n, w)
		if c == 0 {
			c = int32(len(g.nodes))
			g.nodes = append(g.nodes, gnode{})
			if n == 0 {
				g.first[w] = c
			} else {
				g.edges[edgeKey(n, w)] = c
			}
		}
		n = c
	}
	node := &g.nodes[n]
	if !slices.Contains(node.entries, e) {
		node.entries = append(node.entries, e)
	}
}

// wordID returns the id of a lower-case word, giving it one if it has none.
func (g *Gazetteer) wordID(w string) int32 {
	v, ok := g.vocab[w]
	if !ok {
		v = vocabWord{lex: lexicon[w], id: -1}
	}
	if v.id < 0 {
		v.id = int32(len(g.first))
		g.first = append(g.first, 0)
		g.vocab[w] = v
	}
	return v.id
}

// lookup returns the lexicon flags and the word id (-1: none) of a
// lower-case token text; a nil gazetteer knows the lexicon only.
func (g *Gazetteer) lookup(lower string) (lexFlags, int32) {
	t := lexiconTable
	if g != nil {
		t = g.words
	}
	v, ok := t.get(lower)
	if !ok {
		return 0, -1
	}
	return v.lex, v.id
}

// lookupShort is lookup of a word of one to eight bytes, none NUL,
// packed by packShort.
func (g *Gazetteer) lookupShort(k uint64) (lexFlags, int32) {
	t := lexiconTable
	if g != nil {
		t = g.words
	}
	if !t.first[byte(k)] {
		return 0, -1
	}
	v, ok := t.getShort(k)
	if !ok {
		return 0, -1
	}
	return v.lex, v.id
}

// starts reports whether a phrase starts with the word of id w.
func (g *Gazetteer) starts(w int32) bool { return w >= 0 && g.first[w] != 0 }

func edgeKey(n, w int32) uint64 { return uint64(n)<<32 | uint64(uint32(w)) }

// child is the node after n on word w, 0 when none.
func (g *Gazetteer) child(n, w int32) int32 {
	if w < 0 {
		return 0
	}
	if n == 0 {
		return g.first[w]
	}
	if g.edgeTab.slots == nil {
		return g.edges[edgeKey(n, w)] // still building
	}
	return g.edgeTab.get(edgeKey(n, w))
}

// Longest returns the longest phrase starting at token i, keeping only the
// entries whose case requirement the text meets; ok is false when none.
func (g *Gazetteer) Longest(toks []Token, i int) (Match, bool) {
	return g.longest(toks, i, false)
}

// longest is Longest; known says the tokens carry their word ids in this
// gazetteer (tokenize with g), which saves looking their texts up.
func (g *Gazetteer) longest(toks []Token, i int, known bool) (Match, bool) {
	var best Match
	n := int32(0)
	for j := i; j < len(toks); j++ {
		if j > i && toks[j].Break {
			break
		}
		w := toks[j].word
		if !known {
			_, w = g.lookup(toks[j].Lower)
		}
		if n = g.child(n, w); n == 0 {
			break
		}
		node := &g.nodes[n]
		es, ks := node.entries, node.kinds
		if toks[i].Kind == Word && !toks[i].Upper {
			es, ks = node.common, node.commonKinds
		}
		if len(es) > 0 {
			best = Match{From: i, To: j + 1, Entries: es, kinds: ks}
		}
	}
	return best, best.Entries != nil
}

// Scan returns the non-overlapping longest matches, left to right.
func (g *Gazetteer) Scan(toks []Token) []Match {
	return g.scan(toks, false)
}

func (g *Gazetteer) scan(toks []Token, known bool) []Match {
	return g.appendScan(nil, toks, known)
}

// appendScan is scan appending the matches to out.
func (g *Gazetteer) appendScan(out []Match, toks []Token, known bool) []Match {
	for i := 0; i < len(toks); {
		if known && !g.starts(toks[i].word) {
			i++
			continue
		}
		if m, ok := g.longest(toks, i, known); ok {
			if cap(out) == 0 {
				out = make([]Match, 0, len(toks)/8+1)
			}
			out = append(out, m)
			i = m.To
			continue
		}
		i++
	}
	return out
}

// Has reports whether the match has an entry of the kind, and returns it.
func (m Match) Has(kind EntryKind) (Entry, bool) {
	if m.kinds != 0 && m.kinds&(1<<kind) == 0 {
		return Entry{}, false
	}
	for _, e := range m.Entries {
		if e.Kind == kind {
			return e, true
		}
	}
	return Entry{}, false
}

// eventVariants spells an event alias the ways news text does: without a
// leading "the" or year ("the 2015 nuclear deal" → "nuclear deal", so that
// "the 2016 nuclear deal" is found and its year checked), and with "deal",
// "agreement" and "accord" for one another.
func eventVariants(alias string) []string {
	out := []string{alias}
	base := alias
	if strings.HasPrefix(strings.ToLower(base), "the ") {
		base = base[4:]
		out = append(out, base)
	}
	if len(base) > 5 && base[4] == ' ' && isDigit(base[0]) && isDigit(base[3]) {
		if !strings.Contains(base[5:], " ") {
			return out // "1975 referendum" without its year would name any referendum
		}
		base = base[5:]
		out = append(out, base)
	}
	for _, pair := range [][2]string{{" deal", " agreement"}, {" deal", " accord"}, {" agreement", " deal"}} {
		if strings.HasSuffix(base, pair[0]) && strings.Count(base, " ") >= 1 {
			out = append(out, strings.TrimSuffix(base, pair[0])+pair[1])
		}
	}
	return out
}

// pluralTitle makes "foreign ministers" of "foreign minister".
func pluralTitle(t string) (string, bool) {
	for _, w := range []string{"minister", "secretary", "president", "adviser", "advisor", "envoy", "chancellor", "Minister", "Secretary", "President"} {
		if strings.HasSuffix(t, w) && strings.Contains(t, " ") {
			if strings.HasSuffix(w, "y") {
				return t[:len(t)-1] + "ies", true
			}
			return t + "s", true
		}
	}
	return "", false
}
