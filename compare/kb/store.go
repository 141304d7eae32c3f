package kb

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"
	"time"
)

// KB is the loaded knowledge base. It is immutable after loading (Embedded
// and Add) and then safe for concurrent readers.
type KB struct {
	snapshot  time.Time
	people    map[string]*Person
	offices   map[string]*Office
	countries map[string]*Country
	places    map[string]*Place
	events    map[string]*Event
	roles     []RoleTitle
	terms     map[termKey]*Term
	// pos maps "kind:id" to the file:line:col where the fact was last set.
	pos map[string]string

	idx index
}

type termKey struct {
	person, office string
	from           time.Time
}

func (t termKey) String() string {
	return "term:" + t.person + "|" + t.office + "|" + day(t.from)
}

// New returns an empty KB.
func New() *KB {
	k := &KB{
		people:    map[string]*Person{},
		offices:   map[string]*Office{},
		countries: map[string]*Country{},
		places:    map[string]*Place{},
		events:    map[string]*Event{},
		terms:     map[termKey]*Term{},
		pos:       map[string]string{},
	}
	k.reindex()
	return k
}

// merge checks the references of files against k and each other, then
// applies them in order. Nothing is changed when an error is returned.
func (k *KB) merge(files ...*parsedFile) error {
	people := map[string]bool{}
	offices := map[string]bool{}
	for _, pf := range files {
		for _, p := range pf.f.People {
			people[p.ID] = true
		}
		for _, o := range pf.f.Offices {
			offices[o.ID] = true
		}
	}
	for _, pf := range files {
		for i, p := range pf.f.People {
			if _, ok := k.people[p.ID]; !ok && p.Name == "" && !definedEarlier(files, pf, p.ID) {
				return fmt.Errorf("%s: new person %s needs a name", pf.pos["people"][i], p.ID)
			}
		}
		for i, o := range pf.f.Offices {
			if _, ok := k.offices[o.ID]; !ok && o.Title == "" && !officeDefinedEarlier(files, pf, o.ID) {
				return fmt.Errorf("%s: new office %s needs a title", pf.pos["offices"][i], o.ID)
			}
		}
		for i, t := range pf.f.Terms {
			if _, ok := k.people[t.Person]; !ok && !people[t.Person] {
				return fmt.Errorf("%s: term refers to unknown person %q", pf.pos["terms"][i], t.Person)
			}
			if _, ok := k.offices[t.Office]; !ok && !offices[t.Office] {
				return fmt.Errorf("%s: term refers to unknown office %q", pf.pos["terms"][i], t.Office)
			}
		}
	}
	for _, pf := range files {
		k.apply(pf)
	}
	k.reindex()
	return nil
}

func definedEarlier(files []*parsedFile, upto *parsedFile, id string) bool {
	for _, pf := range files {
		if pf == upto {
			return false
		}
		for _, p := range pf.f.People {
			if p.ID == id && p.Name != "" {
				return true
			}
		}
	}
	return false
}

func officeDefinedEarlier(files []*parsedFile, upto *parsedFile, id string) bool {
	for _, pf := range files {
		if pf == upto {
			return false
		}
		for _, o := range pf.f.Offices {
			if o.ID == id && o.Title != "" {
				return true
			}
		}
	}
	return false
}

// set overwrites *dst with v when v is not the zero value: a later file
// overrides the fields it sets and keeps the others.
func set[T comparable](dst *T, v T) {
	var zero T
	if v != zero {
		*dst = v
	}
}

// union appends the strings of add missing from list.
func union(list, add []string) []string {
	for _, s := range add {
		s = strings.TrimSpace(s)
		if s != "" && !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

func (k *KB) apply(pf *parsedFile) {
	f := &pf.f
	if f.Meta != nil {
		set(&k.snapshot, f.Meta.Snapshot.t)
	}
	for i, c := range f.Countries {
		x := k.countries[c.Code]
		if x == nil {
			x = &Country{Code: c.Code}
			k.countries[c.Code] = x
		}
		set(&x.Name, c.Name)
		set(&x.Capital, c.Capital)
		set(&x.Source, c.Source)
		x.Aliases = union(x.Aliases, c.Aliases)
		x.Demonyms = union(x.Demonyms, c.Demonyms)
		k.pos["country:"+c.Code] = pf.pos["countries"][i]
	}
	for i, p := range f.Places {
		x := k.places[p.ID]
		if x == nil {
			x = &Place{ID: p.ID}
			k.places[p.ID] = x
		}
		set(&x.Name, p.Name)
		set(&x.Within, p.Within)
		if x.Within == "" {
			if j := strings.LastIndexByte(p.ID, '/'); j > 0 {
				x.Within = p.ID[:j]
			}
		}
		set(&x.Source, p.Source)
		x.Aliases = union(x.Aliases, p.Aliases)
		k.pos["place:"+p.ID] = pf.pos["places"][i]
	}
	for i, r := range f.Roles {
		rt := RoleTitle{Text: strings.TrimSpace(r.Text), Role: r.Role, Country: r.Country}
		if !slices.Contains(k.roles, rt) {
			k.roles = append(k.roles, rt)
		}
		k.pos["role:"+rt.Text+"|"+rt.Role+"|"+rt.Country] = pf.pos["roles"][i]
	}
	for i, p := range f.People {
		x := k.people[p.ID]
		if x == nil {
			x = &Person{ID: p.ID}
			k.people[p.ID] = x
		}
		set(&x.Name, p.Name)
		set(&x.Born, p.Born.t)
		set(&x.Died, p.Died.t)
		set(&x.Source, p.Source)
		x.Aliases = union(x.Aliases, p.Aliases)
		x.Aliases = union(x.Aliases, p.Ambiguous)
		x.Ambiguous = union(x.Ambiguous, p.Ambiguous)
		k.pos["person:"+p.ID] = pf.pos["people"][i]
	}
	for i, o := range f.Offices {
		x := k.offices[o.ID]
		if x == nil {
			country, role, _ := strings.Cut(o.ID, "/")
			x = &Office{ID: o.ID, Country: country, Role: role, Seats: 1}
			k.offices[o.ID] = x
		}
		set(&x.Country, o.Country)
		set(&x.Role, o.Role)
		set(&x.Title, o.Title)
		set(&x.Seats, o.Seats)
		set(&x.Source, o.Source)
		x.Names = union(x.Names, o.Names)
		k.pos["office:"+o.ID] = pf.pos["offices"][i]
	}
	for i, t := range f.Terms {
		key := termKey{t.Person, t.Office, t.From.t}
		x := k.terms[key]
		if x == nil {
			x = &Term{Person: t.Person, Office: t.Office, From: t.From.t}
			k.terms[key] = x
		}
		set(&x.To, t.To.t)
		x.Acting = t.Acting
		set(&x.Note, t.Note)
		set(&x.Source, t.Source)
		k.pos[key.String()] = pf.pos["terms"][i]
	}
	for i, e := range f.Events {
		x := k.events[e.ID]
		if x == nil {
			x = &Event{ID: e.ID}
			k.events[e.ID] = x
		}
		set(&x.Name, e.Name)
		set(&x.From, e.From.t)
		set(&x.To, e.To.t)
		set(&x.Source, e.Source)
		x.Aliases = union(x.Aliases, e.Aliases)
		k.pos["event:"+e.ID] = pf.pos["events"][i]
	}
}

// Snapshot is the date the embedded data is true as of (meta.yaml).
func (k *KB) Snapshot() time.Time { return k.snapshot }

// Person returns the person with the given id.
func (k *KB) Person(id string) (*Person, bool) { p, ok := k.people[id]; return p, ok }

// Office returns the office with the given id.
func (k *KB) Office(id string) (*Office, bool) { o, ok := k.offices[id]; return o, ok }

// Country returns the country or organisation with the given code.
func (k *KB) Country(code string) (*Country, bool) { c, ok := k.countries[code]; return c, ok }

// Event returns the event with the given id.
func (k *KB) Event(id string) (*Event, bool) { e, ok := k.events[id]; return e, ok }

// Place returns the place with the given id; a country code names the
// country as a place.
func (k *KB) Place(id string) (*Place, bool) {
	if p, ok := k.places[id]; ok {
		return p, true
	}
	if c, ok := k.countries[id]; ok {
		return &Place{ID: c.Code, Name: c.Name, Aliases: c.Aliases, Source: c.Source}, true
	}
	return nil, false
}

// Within reports whether place inner is outer or lies inside it, following
// Within links (a city in a region in a country).
func (k *KB) Within(inner, outer string) bool {
	for range 16 { // bounds a cycle in user data
		if inner == outer {
			return true
		}
		p, ok := k.places[inner]
		if !ok || p.Within == "" {
			return false
		}
		inner = p.Within
	}
	return false
}

// Holders returns the terms of office covering day (From <= day < To, or
// To zero), sorted by From.
func (k *KB) Holders(officeID string, day time.Time) []Term {
	var out []Term
	for _, t := range k.idx.byOffice[officeID] {
		if t.From.After(day) {
			break
		}
		if t.To.IsZero() || day.Before(t.To) {
			out = append(out, t)
		}
	}
	return out
}

// Terms returns every term of an office, sorted by From.
func (k *KB) Terms(officeID string) []Term { return slices.Clone(k.idx.byOffice[officeID]) }

// Tenures returns all terms of a person, sorted by From.
func (k *KB) Tenures(personID string) []Term { return slices.Clone(k.idx.byPerson[personID]) }

// TenuresSeq yields the terms Tenures returns without copying the slice:
// extraction asks for a person's terms several times per mention.
func (k *KB) TenuresSeq(personID string) iter.Seq[Term] {
	return slices.Values(k.idx.byPerson[personID])
}

// OfficeFor returns the office of a country with a role; when several
// match, the one whose id is COUNTRY/role, else the first by id.
func (k *KB) OfficeFor(country, role string) (*Office, bool) {
	if o, ok := k.offices[country+"/"+role]; ok && o.Country == country && o.Role == role {
		return o, true
	}
	for _, o := range k.idx.offices {
		if o.Country == country && o.Role == role {
			return o, true
		}
	}
	return nil, false
}

// Offices returns all offices sorted by ID.
func (k *KB) Offices() []*Office { return slices.Clone(k.idx.offices) }

// People returns all people sorted by ID.
func (k *KB) People() []*Person { return slices.Clone(k.idx.people) }

// Countries returns all countries and organisations sorted by code.
func (k *KB) Countries() []*Country { return sortedValues(k.countries) }

// Places returns the places (not the countries) sorted by ID.
func (k *KB) Places() []*Place { return sortedValues(k.places) }

// Events returns all events sorted by ID.
func (k *KB) Events() []*Event { return sortedValues(k.events) }

// RoleTitles returns the role phrases, sorted by text, role and country.
func (k *KB) RoleTitles() []RoleTitle { return slices.Clone(k.idx.roles) }

func sortedValues[V any](m map[string]*V) []*V {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	out := make([]*V, len(keys))
	for i, key := range keys {
		out[i] = m[key]
	}
	return out
}

// CountryNames returns every surface form of every country: its name,
// aliases, demonyms and capital (as a metonym), sorted.
func (k *KB) CountryNames() []CountryName {
	var out []CountryName
	for _, c := range k.Countries() {
		if c.Name != "" {
			out = append(out, CountryName{c.Name, c.Code, "name"})
		}
		for _, a := range c.Aliases {
			out = append(out, CountryName{a, c.Code, "alias"})
		}
		for _, d := range c.Demonyms {
			out = append(out, CountryName{d, c.Code, "demonym"})
		}
		if c.Capital != "" {
			out = append(out, CountryName{c.Capital, c.Code, "capital"})
		}
	}
	slices.SortFunc(out, func(a, b CountryName) int {
		return cmp.Or(cmp.Compare(a.Text, b.Text), cmp.Compare(a.Country, b.Country), cmp.Compare(a.Form, b.Form))
	})
	return out
}

// OfficeNames returns the explicit titles and names of all offices, sorted.
func (k *KB) OfficeNames() []OfficeName {
	var out []OfficeName
	for _, o := range k.idx.offices {
		if o.Title != "" {
			out = append(out, OfficeName{o.Title, o.ID})
		}
		for _, n := range o.Names {
			out = append(out, OfficeName{n, o.ID})
		}
	}
	slices.SortFunc(out, func(a, b OfficeName) int {
		return cmp.Or(cmp.Compare(a.Text, b.Text), cmp.Compare(a.Office, b.Office))
	})
	return out
}
