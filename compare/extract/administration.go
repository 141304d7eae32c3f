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
	add:   appendAdministration,
}

var governmentNouns = map[string]bool{"administration": true, "government": true, "cabinet": true, "presidency": true}

// headRoles are the roles that lead a government, most specific last.
var headRoles = []string{"president", "prime-minister", "chancellor"}

func runAdministration(env *Env) []compare.Claim { return appendAdministration(env, nil) }

func appendAdministration(env *Env, out []compare.Claim) []compare.Claim {
	if env.KB == nil || env.Gaz == nil {
		return out
	}
	toks := env.Tokens
	ms := env.Matches()
	for _, s := range env.Sentences() {
		k := matchEndingAfter(ms, s.From)
		for i := s.From; i < s.To; i++ {
			// Tokens outside the document's matches start none: go to
			// the next match, or past the sentence.
			for k < len(ms) && ms[k].To <= i {
				k++
			}
			if k == len(ms) || ms[k].From >= s.To {
				break
			}
			i = max(i, ms[k].From)
			m, ok := env.longestAt(i)
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
			case k < s.To && toks[k].is(lxGovernmentNoun):
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
			for j := m.From - 1; j >= s.From && j >= m.From-4; j-- {
				switch toks[j].Lower {
				case "former", "previous", "prior", "past", "then", "earlier", "last":
					marker = "former"
					from = j
					continue
				case "the", "a", "president", "prime", "minister", "vice", "-":
					// "Former President Barack Obama's administration"
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
	if marker != "" || env.pastAct(s, to) {
		basis = "earlier"
	}
	office := headOffice(k, personID, when)
	if office == nil {
		return compare.Claim{}, false
	}
	span := compare.Span{Start: env.Tokens[from].Span.Start, End: env.Tokens[to-1].Span.End}
	c := env.claim(compare.KindAdministration, span, office.ID, "holder", env.Gaz.personValue(env.KB, personID))
	c.Marker = marker
	c.When = compare.TimeRef{From: when.From, To: when.To, Gran: when.Gran, Basis: basis}
	c.Speaker = env.slice(compare.Span{Start: env.Tokens[nameFrom].Span.Start, End: env.Tokens[nameFrom].Span.End})
	if basis == "event" || basis == "reference" || basis == "explicit" {
		c.Valid, c.Evidence = env.validity(personID, office, "", when.From)
	}
	return c, true
}

// headOffice is the head-of-government office the person held: the
// president's where the country has an executive presidency and the
// person held it, else prime minister or chancellor.
func headOffice(k *kb.KB, personID string, when compare.TimeRef) *kb.Office {
	for _, role := range headRoles {
		for t := range k.TenuresSeq(personID) {
			o, ok := k.Office(t.Office)
			if ok && o.Role == role {
				return o
			}
		}
	}
	return nil
}

// pastAct reports a government doing something in the simple past at
// another time than the reported event's: "the Obama administration
// negotiated the 2015 agreement". Such background is about that earlier
// time; "the Trump administration imposed sanctions on Monday" is dated
// and stays current, as do the present and present perfect ("has
// expressed", "is").
func (env *Env) pastAct(s Sentence, after int) bool {
	toks := env.Tokens
	k := after
	for k < s.To && k < after+3 && (toks[k].Lower == "also" || toks[k].Lower == "then" || toks[k].Lower == "later" || toks[k].Lower == "had") {
		if toks[k].Lower == "had" {
			return true // past perfect
		}
		k++
	}
	if k >= s.To || !isPastVerb(&toks[k]) {
		return false
	}
	// The act must be tied to another time: a year other than the event's
	// ("negotiated the 2015 agreement"). Without one, a past act may well
	// be the reported event ("the Biden administration brokered the
	// accords" in 2020 is an error to report).
	other := false
	for j := s.From; j < s.To; j++ {
		if y, ok := yearToken(toks[j]); ok && (!env.Event.When.Known() || y != env.Event.When.From.Year()) {
			other = true
		}
	}
	if !other {
		return false
	}
	// A day-precise time in the sentence ties the act to the news.
	for _, tx := range env.Timexes {
		if tx.Start >= toks[s.From].Span.Start && tx.End <= toks[s.To-1].Span.End && tx.Type == "DATE" {
			if g := granOf(tx.Value); g == compare.GranDay || g == compare.GranWeek || tx.HasWeekday {
				return false
			}
		}
	}
	return true
}

// isPastVerb recognises a simple-past verb form.
func isPastVerb(t *Token) bool {
	if t.Kind != Word || t.Upper {
		return false
	}
	switch t.Lower {
	case "was", "were", "made", "took", "gave", "left", "sent", "withdrew", "fought", "sought", "won",
		"lost", "began", "brought", "struck", "led", "held", "kept", "spent", "put", "set", "paid", "told", "said":
		return t.Lower != "said" && t.Lower != "told" // reporting verbs speak of the news
	}
	return len(t.Lower) > 4 && hasSuffix(t.Lower, "ed") && !hasSuffix(t.Lower, "eed")
}
