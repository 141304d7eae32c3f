package extract

import (
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// Administration extracts references to a government by its leader: "the
// Biden administration", "the Trump White House", "Netanyahu's
// government". The claim says who leads the government at the time the
// article speaks of, unless context moves it ("the Trump administration's
// withdrawal in 2018", "the previous Obama administration").
var Administration = &Extractor{
	Name:  "administration",
	Kinds: []compare.Kind{compare.KindAdministration},
	Run:   runAdministration,
}

var governmentNouns = map[string]bool{"administration": true, "government": true, "cabinet": true, "presidency": true}

// headRoles are the roles that lead a government, most specific last.
var headRoles = []string{"president", "prime-minister", "chancellor"}

func runAdministration(env *Env) []compare.Claim {
	if env.KB == nil || env.Gaz == nil {
		return nil
	}
	var out []compare.Claim
	toks := env.Tokens
	for _, s := range env.Sentences() {
		for i := s.From; i < s.To; i++ {
			m, ok := env.Gaz.Longest(toks, i)
			if !ok {
				continue
			}
			person, ok := m.Has(EntryPerson)
			if !ok {
				i = m.To - 1
				continue
			}
			// "Biden administration", "Biden's administration", "Trump White House".
			k := m.To
			if k < s.To && isPossessive(toks[k]) {
				k++
			}
			end := -1
			switch {
			case k < s.To && governmentNouns[toks[k].Lower]:
				end = k + 1
			case k+1 < s.To && toks[k].Lower == "white" && toks[k+1].Lower == "house":
				end = k + 2
			}
			if end < 0 {
				i = m.To - 1
				continue
			}
			from := m.From
			marker := ""
			for j := m.From - 1; j >= s.From && j >= m.From-2; j-- {
				switch toks[j].Lower {
				case "former", "previous", "prior", "past", "then", "earlier", "last":
					marker = "former"
					from = j
					continue
				case "the", "a":
					continue
				}
				break
			}
			if c, ok := env.administrationClaim(s, person.ID, from, m.From, end, marker); ok {
				out = append(out, c)
			}
			i = end - 1
		}
	}
	return out
}

// administrationClaim finds the government the person led and builds the
// claim; a person who never led one is not an administration.
func (env *Env) administrationClaim(s Sentence, personID string, from, nameFrom, to int, marker string) (compare.Claim, bool) {
	k := env.KB
	when, basis := env.claimTime(s, from, to, "")
	if marker != "" {
		basis = "earlier"
	}
	office := headOffice(k, personID, when)
	if office == nil {
		return compare.Claim{}, false
	}
	span := compare.Span{Start: env.Tokens[from].Span.Start, End: env.Tokens[to-1].Span.End}
	c := env.claim(compare.KindAdministration, span, office.ID, "holder", "person/"+personID)
	c.Marker = marker
	c.When = compare.TimeRef{From: when.From, To: when.To, Gran: when.Gran, Basis: basis}
	c.Speaker = env.Doc.Slice(compare.Span{Start: env.Tokens[nameFrom].Span.Start, End: env.Tokens[nameFrom].Span.End})
	if basis == "event" || basis == "reference" || basis == "explicit" {
		c.Valid, c.Evidence = validity(k, personID, office, "", when.From)
	}
	return c, true
}

// headOffice is the head-of-government office the person held: the
// president's where the country has an executive presidency and the
// person held it, else prime minister or chancellor.
func headOffice(k *kb.KB, personID string, when compare.TimeRef) *kb.Office {
	for _, role := range headRoles {
		for _, t := range k.Tenures(personID) {
			o, ok := k.Office(t.Office)
			if ok && o.Role == role {
				return o
			}
		}
	}
	return nil
}
