package kb

import "strings"

// OfficeNamed finds the office a phrase names: an office id, its title or
// one of its names, a role phrase that implies its country ("Secretary of
// State"), or a role phrase combined with a form of the country:
// "Iranian foreign minister", "Iran's foreign minister", "foreign minister
// of Iran", "Tehran's top diplomat". Matching ignores case.
func (k *KB) OfficeNamed(text string) (*Office, bool) {
	n := normPhrase(text)
	if ids := k.idx.officeNames[n]; len(ids) > 0 {
		return k.offices[ids[0]], true
	}
	if o, ok := k.officeOfRole(n, ""); ok {
		return o, true
	}
	// "<role> of <country>"
	for i := strings.Index(n, " of "); i >= 0; {
		role, country := n[:i], strings.TrimPrefix(n[i+4:], "the ")
		for _, code := range k.idx.countryForms[country] {
			if o, ok := k.officeOfRole(role, code); ok {
				return o, true
			}
		}
		j := strings.Index(n[i+4:], " of ")
		if j < 0 {
			break
		}
		i += 4 + j
	}
	// "<country form> <role>", "<country>'s <role>"
	for i := strings.IndexByte(n, ' '); i >= 0; {
		prefix, role := n[:i], n[i+1:]
		prefix = strings.TrimSuffix(strings.TrimSuffix(prefix, "'s"), "'")
		for _, code := range k.idx.countryForms[prefix] {
			if o, ok := k.officeOfRole(role, code); ok {
				return o, true
			}
		}
		j := strings.IndexByte(n[i+1:], ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return nil, false
}

// officeOfRole resolves a normalised role phrase for a country; with an
// empty country only phrases that imply their country match.
func (k *KB) officeOfRole(phrase, country string) (*Office, bool) {
	for _, r := range k.idx.rolePhrases[phrase] {
		c := r.Country
		if c == "" {
			c = country
		} else if country != "" && country != c {
			continue
		}
		if c == "" {
			continue
		}
		if o, ok := k.OfficeFor(c, r.Role); ok {
			return o, true
		}
	}
	// An office's own title or name after a country form: "Iranian
	// Minister of Foreign Affairs" where the names say only the role.
	if country != "" {
		for _, id := range k.idx.officeNames[phrase] {
			if o := k.offices[id]; o.Country == country {
				return o, true
			}
		}
	}
	return nil, false
}

// PlacesNamed returns the places (and countries) a name denotes, compared
// after folding.
func (k *KB) PlacesNamed(name string) []*Place {
	var out []*Place
	f := Fold(name)
	for _, id := range k.idx.places[f] {
		out = append(out, k.places[id])
	}
	for _, code := range k.idx.countryForms[normPhrase(name)] {
		c := k.countries[code]
		if Fold(c.Name) == f || isCountryAlias(c, f) {
			p, _ := k.Place(code)
			out = append(out, p)
		}
	}
	return out
}

func isCountryAlias(c *Country, folded string) bool {
	for _, a := range c.Aliases {
		if Fold(a) == folded {
			return true
		}
	}
	return false
}

// EventsNamed returns the events a name or alias denotes, compared after
// folding.
func (k *KB) EventsNamed(name string) []*Event {
	var out []*Event
	for _, id := range k.idx.events[Fold(name)] {
		out = append(out, k.events[id])
	}
	return out
}
