package extract

import (
	"strings"

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
type Gazetteer struct {
	root *gnode
}

type gnode struct {
	next    map[string]*gnode
	entries []Entry
}

// Match is a phrase found in the tokens [From, To).
type Match struct {
	From, To int
	Entries  []Entry
}

// NewGazetteer indexes the kb's places, countries, roles, people and events.
func NewGazetteer(k *kb.KB) *Gazetteer {
	g := &Gazetteer{root: &gnode{}}
	if k == nil {
		return g
	}
	for _, c := range k.CountryNames() {
		kind := EntryCountry
		switch c.Form {
		case "demonym":
			kind = EntryDemonym
		case "capital":
			kind = EntryCapital
		}
		g.add(c.Text, Entry{Kind: kind, ID: c.Country, Country: c.Country, Proper: true})
	}
	for _, p := range k.Places() {
		country := p.Within
		if i := strings.IndexByte(p.ID, '/'); i > 0 {
			country = p.ID[:i]
		}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			g.add(n, Entry{Kind: EntryPlace, ID: p.ID, Country: country, Proper: true})
		}
	}
	for _, r := range k.RoleTitles() {
		g.add(r.Text, Entry{Kind: EntryRole, ID: r.Role, Country: r.Country})
		if p, ok := pluralTitle(r.Text); ok {
			g.add(p, Entry{Kind: EntryRole, ID: r.Role, Country: r.Country, Plural: true})
		}
	}
	for _, o := range k.OfficeNames() {
		g.add(o.Text, Entry{Kind: EntryOffice, ID: o.Office})
	}
	for _, p := range k.People() {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			g.add(n, Entry{Kind: EntryPerson, ID: p.ID, Proper: true})
		}
	}
	for _, e := range k.Events() {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			for _, v := range eventVariants(n) {
				g.add(v, Entry{Kind: EntryEvent, ID: e.ID})
			}
		}
	}
	return g
}

func (g *Gazetteer) add(phrase string, e Entry) {
	toks := Tokenize([]byte(phrase), nil)
	if len(toks) == 0 {
		return
	}
	n := g.root
	for _, t := range toks {
		if n.next == nil {
			n.next = map[string]*gnode{}
		}
		c := n.next[t.Lower]
		if c == nil {
			c = &gnode{}
			n.next[t.Lower] = c
		}
		n = c
	}
	for _, have := range n.entries {
		if have == e {
			return
		}
	}
	n.entries = append(n.entries, e)
}

// Longest returns the longest phrase starting at token i, keeping only the
// entries whose case requirement the text meets; ok is false when none.
func (g *Gazetteer) Longest(toks []Token, i int) (Match, bool) {
	var best Match
	n := g.root
	for j := i; j < len(toks) && n != nil; j++ {
		if j > i && toks[j].Break {
			break
		}
		n = n.next[toks[j].Lower]
		if n == nil {
			break
		}
		if len(n.entries) > 0 {
			var es []Entry
			for _, e := range n.entries {
				if !e.Proper || toks[i].Upper || toks[i].Kind != Word {
					es = append(es, e)
				}
			}
			if len(es) > 0 {
				best = Match{From: i, To: j + 1, Entries: es}
			}
		}
	}
	return best, best.Entries != nil
}

// Scan returns the non-overlapping longest matches, left to right.
func (g *Gazetteer) Scan(toks []Token) []Match {
	var out []Match
	for i := 0; i < len(toks); {
		if m, ok := g.Longest(toks, i); ok {
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
