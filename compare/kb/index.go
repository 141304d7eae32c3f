package kb

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// index holds the lookup structures derived from the facts; rebuilt after
// every merge.
type index struct {
	offices  []*Office
	people   []*Person
	roles    []RoleTitle
	byOffice map[string][]Term
	byPerson map[string][]Term
	// names maps a folded name or alias to the people bearing it.
	names map[string][]nameRef
	// surnames maps the folded last word of a name or alias to people.
	surnames map[string][]string
	// officeNames maps a normalised phrase to office ids.
	officeNames map[string][]string
	// countryForms maps a normalised country form to country codes.
	countryForms map[string][]string
	// rolePhrases maps a normalised role phrase to its role titles.
	rolePhrases map[string][]RoleTitle
	places      map[string][]string // folded place name → place ids
	events      map[string][]string // folded event name → event ids
	// exactByText maps the text of every name, alias and surname in the
	// kb, as written there, to what exact returns for it (never empty):
	// articles give names as the kb spells them, and this skips folding
	// them (NFKD for "Mevlüt Çavuşoğlu") on every mention. Built with the
	// index, read-only after.
	exactByText map[string]knownName
	// fuzzyMemo remembers fuzzy lookups, which scan every name: articles
	// repeat the same few names. Rebuilt with the index, so a kb stays
	// immutable to its readers; safe for concurrent use. It holds at
	// most maxFuzzyMemo names (fuzzyMemoLen counts them), so that a
	// corpus of millions of articles, each with names of its own, cannot
	// grow it without bound.
	fuzzyMemo    *sync.Map
	fuzzyMemoLen *atomic.Int64
}

// maxFuzzyMemo bounds the fuzzy memo; past it, new names are scanned
// every time.
const maxFuzzyMemo = 1 << 16

// knownName is what exact returns for a name as the kb writes it, with
// each match's person and terms (byPerson).
type knownName struct {
	ms     matches
	people []*Person
	terms  [][]Term
}

type nameRef struct {
	person string
	alias  bool
}

func (k *KB) reindex() {
	x := index{
		fuzzyMemo:    &sync.Map{},
		fuzzyMemoLen: &atomic.Int64{},
		byOffice:     map[string][]Term{},
		byPerson:     map[string][]Term{},
		names:        map[string][]nameRef{},
		surnames:     map[string][]string{},
		officeNames:  map[string][]string{},
		countryForms: map[string][]string{},
		rolePhrases:  map[string][]RoleTitle{},
		places:       map[string][]string{},
		events:       map[string][]string{},
	}
	x.offices = sortedValues(k.offices)
	x.people = sortedValues(k.people)
	x.roles = slices.Clone(k.roles)
	slices.SortFunc(x.roles, func(a, b RoleTitle) int {
		return cmp.Or(cmp.Compare(a.Text, b.Text), cmp.Compare(a.Role, b.Role), cmp.Compare(a.Country, b.Country))
	})
	for _, t := range k.terms {
		x.byOffice[t.Office] = append(x.byOffice[t.Office], *t)
		x.byPerson[t.Person] = append(x.byPerson[t.Person], *t)
	}
	byFrom := func(a, b Term) int {
		return cmp.Or(a.From.Compare(b.From), cmp.Compare(a.Person, b.Person), cmp.Compare(a.Office, b.Office))
	}
	for _, ts := range x.byOffice {
		slices.SortFunc(ts, byFrom)
	}
	for _, ts := range x.byPerson {
		slices.SortFunc(ts, byFrom)
	}
	for _, p := range x.people {
		for i, n := range append([]string{p.Name}, p.Aliases...) {
			if f := Fold(n); f != "" {
				ref := nameRef{p.ID, i > 0}
				if !slices.Contains(x.names[f], ref) {
					x.names[f] = append(x.names[f], ref)
				}
			}
			for _, s := range surnameKeys(n) {
				if !slices.Contains(x.surnames[s], p.ID) {
					x.surnames[s] = append(x.surnames[s], p.ID)
				}
			}
		}
	}
	for _, o := range x.offices {
		for _, n := range append([]string{o.ID, o.Title}, o.Names...) {
			addUnique(x.officeNames, normPhrase(n), o.ID)
		}
	}
	for _, c := range sortedValues(k.countries) {
		forms := append([]string{c.Code, c.Name, c.Capital}, c.Aliases...)
		forms = append(forms, c.Demonyms...)
		for _, f := range forms {
			if f != "" {
				addUnique(x.countryForms, normPhrase(f), c.Code)
			}
		}
	}
	for _, r := range x.roles {
		n := normPhrase(r.Text)
		if !slices.Contains(x.rolePhrases[n], r) {
			x.rolePhrases[n] = append(x.rolePhrases[n], r)
		}
	}
	for _, p := range sortedValues(k.places) {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			addUnique(x.places, Fold(n), p.ID)
		}
	}
	for _, e := range sortedValues(k.events) {
		for _, n := range append([]string{e.ID, e.Name}, e.Aliases...) {
			addUnique(x.events, Fold(n), e.ID)
		}
	}
	k.idx = x
	k.idx.exactByText = k.exactTable()
}

// exactTable computes exact for the names, aliases and surnames of every
// person as the kb writes them; the index's names and surnames must be
// built.
func (k *KB) exactTable() map[string]knownName {
	t := map[string]knownName{}
	add := func(text string) {
		if _, ok := t[text]; ok {
			return
		}
		ms := k.exact(nil, text)
		if len(ms) == 0 {
			return
		}
		kn := knownName{ms: slices.Clip(ms)}
		for _, m := range ms {
			kn.people = append(kn.people, k.people[m.Person])
			kn.terms = append(kn.terms, k.idx.byPerson[m.Person])
		}
		t[text] = kn
	}
	for _, p := range k.idx.people {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			add(n)
			if fields := strings.Fields(n); len(fields) >= 2 {
				add(fields[len(fields)-1])
			}
		}
	}
	return t
}

func addUnique(m map[string][]string, key, v string) {
	if key != "" && !slices.Contains(m[key], v) {
		m[key] = append(m[key], v)
	}
}

// surnameKeys returns the folded keys under which a surname alone finds a
// name: its last word and, for a hyphenated last word, its last part
// ("Amir-Abdollahian" → "amirabdolahian", "abdolahian").
func surnameKeys(name string) []string {
	fields := strings.Fields(name)
	if len(fields) < 2 {
		return nil
	}
	last := fields[len(fields)-1]
	// "Al Busaidi", "bin Salman": the article or patronymic particle
	// belongs to the surname.
	if len(fields) >= 3 {
		switch strings.ToLower(fields[len(fields)-2]) {
		case "al", "el", "al-", "bin", "ibn", "bint", "van", "von", "de", "da", "di", "del", "der", "du", "le", "la":
			last = fields[len(fields)-2] + " " + last
		}
	}
	keys := []string{Fold(last)}
	if parts := strings.Split(last, "-"); len(parts) > 1 {
		if f := Fold(parts[len(parts)-1]); f != keys[0] && len(f) >= 4 {
			keys = append(keys, f)
		}
	}
	return keys
}

// normPhrase normalises an office, country or role phrase for lookup:
// lower case, typographic apostrophes and hyphens made plain, a leading
// "the" dropped, spaces collapsed.
func normPhrase(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("’", "'", "‘", "'", "‐", "-", "–", "-", "—", "-", ".", "").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimPrefix(s, "the ")
	return s
}
