package extract

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// Office extracts officials named with their office: a title before the
// name ("Iranian Foreign Minister Amir-Abdollahian", "then-foreign minister
// Mohammad Javad Zarif", "Secretary of State Antony Blinken") or an
// apposition after it ("Abbas Araghchi, Iran's foreign minister"). Each
// claim names the kb office and person, the marker that shifts its time
// ("former", "then", "late", "acting") and the time it speaks of.
var Office = &Extractor{
	Name:  "office",
	Kinds: []compare.Kind{compare.KindOffice},
	Run:   runOffice,
	add:   appendOffice,
}

// markers before a title, by lower-case word.
var officeMarkers = map[string]string{
	"former": "former", "ex": "former", "then": "then", "late": "late", "acting": "acting",
	"interim": "acting", "caretaker": "acting", "outgoing": "outgoing", "incoming": "incoming",
	"future": "incoming", "designate": "incoming", "president-elect": "incoming", "current": "",
	"sitting": "", "new": "", "newly": "", "longtime": "", "longest-serving": "",
}

// nameParticles may stand inside a name in lower case.
var nameParticles = map[string]bool{
	"al": true, "bin": true, "ibn": true, "bint": true, "de": true, "da": true, "van": true,
	"von": true, "der": true, "el": true, "la": true, "le": true, "di": true, "du": true, "al-": true,
}

// titleWords are honorifics that may precede a name and are kept in the
// text but do not end the title.
var titleWords = map[string]bool{
	"ayatollah": true, "sayyid": true, "sayed": true, "seyed": true, "sheikh": true, "shaikh": true,
	"dr": true, "mr": true, "mrs": true, "ms": true, "sir": true, "dame": true, "lord": true,
	"general": true, "gen": true, "grand": true, "hojatoleslam": true, "prince": true, "princess": true,
}

// officeRef is an office phrase found in text before it is resolved.
type officeRef struct {
	from, to   int    // tokens of the whole mention (markers, country, title, name)
	nameFrom   int    // tokens of the name
	nameTo     int    // (nameFrom == nameTo: no name)
	country    string // from the text, or the title's implied country
	role       string
	office     string // an office named outright ("Secretary of State")
	marker     string
	titleFrom  int
	titleTo    int
	apposition bool
}

func runOffice(env *Env) []compare.Claim { return appendOffice(env, nil) }

func appendOffice(env *Env, out []compare.Claim) []compare.Claim {
	if env.KB == nil || env.Gaz == nil {
		return out
	}
	sents := env.Sentences()
	all := env.Matches()
	next := 0
	for _, s := range sents {
		// The sentence's matches: a window of the document's.
		for next < len(all) && all[next].From < s.From {
			next++
		}
		end := next
		for end < len(all) && all[end].To <= s.To {
			end++
		}
		matches := all[next:end]
		for mi, m := range matches {
			if e, ok := m.Has(EntryRole); ok && e.Plural {
				out = append(out, env.pluralOffices(s, m, e.ID)...)
				continue
			}
			ref, ok := env.officeRef(s, matches, mi, m)
			if !ok {
				continue
			}
			if c, ok := env.officeClaim(s, ref); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// officeRef reads the mention around a role or office match.
func (env *Env) officeRef(s Sentence, matches []Match, mi int, m Match) (officeRef, bool) {
	toks := env.Tokens
	ref := officeRef{from: m.From, to: m.To, titleFrom: m.From, titleTo: m.To}
	if mi+1 < len(matches) && matches[mi+1].From == m.To {
		if _, ok := matches[mi+1].Has(EntryRole); ok {
			return ref, false // "White House special envoy": the next title is the office
		}
	}
	if e, ok := m.Has(EntryOffice); ok {
		ref.office = e.ID
	} else if e, ok := m.Has(EntryRole); ok {
		ref.role, ref.country = e.ID, e.Country
	} else {
		return ref, false
	}
	// Country and markers before the title: "Iranian", "Iran's", "Tehran's",
	// "the former", "then-".
	j := m.From - 1
	if mi > 0 && matches[mi-1].To == m.From || (mi > 0 && matches[mi-1].To == m.From-1 && isPossessive(toks[m.From-1])) {
		prev := matches[mi-1]
		for _, kind := range []EntryKind{EntryDemonym, EntryCountry, EntryCapital, EntryOffice} {
			if e, ok := prev.Has(kind); ok {
				country := e.Country
				if kind == EntryOffice {
					country, _, _ = strings.Cut(e.ID, "/")
				}
				if ref.country == "" {
					ref.country = country
				}
				ref.from = prev.From
				j = prev.From - 1
				break
			}
		}
	}
	for ; j >= s.From && j >= ref.from-3; j-- {
		w := toks[j].Lower
		if w == "-" {
			continue
		}
		if !toks[j].is(lxOfficeMarker) {
			break
		}
		mk := officeMarkers[w]
		if mk != "" && ref.marker == "" {
			ref.marker = mk
		}
		ref.from = j
	}
	// "foreign minister of Iran".
	k := m.To
	if k+1 < s.To && toks[k].Lower == "of" {
		for _, n := range matches {
			if n.From == k+1 {
				if n.To < s.To && isPossessive(toks[n.To]) {
					return ref, false // "commander of Iran's Quds Force"
				}
				if e, ok := n.Has(EntryCountry); ok {
					if ref.country == "" || ref.country == e.Country {
						ref.country = e.Country
					}
					k = n.To
					ref.to = k
				}
				break
			}
		}
	}
	// The name after the title: "Foreign Minister Mohammad Javad Zarif".
	n := k
	for n < s.To && toks[n].is(lxTitleWord) {
		n++
	}
	if n < s.To && toks[n].Text == "." {
		n++
	}
	nameTo := scanName(toks, n, s.To)
	if nameTo > n {
		ref.nameFrom, ref.nameTo = n, nameTo
		ref.to = nameTo
		return ref, true
	}
	// Apposition: "Abbas Araghchi, Iran's foreign minister" or
	// "Araghchi, the Iranian foreign minister".
	b := ref.from - 1
	if b >= s.From && (toks[b].Lower == "the" || toks[b].Lower == "then") {
		if toks[b].Lower == "then" && ref.marker == "" {
			ref.marker = "then"
		}
		b--
	}
	if b >= s.From && toks[b].Text == "," {
		end := b
		start := end
		for start-1 >= s.From && isNameToken(toks[start-1]) {
			start--
		}
		if start < end && toks[start].Upper && end-start <= 5 {
			ref.nameFrom, ref.nameTo = start, end
			ref.apposition = true
			ref.from = start
			return ref, true
		}
	}
	return ref, false
}

func isPossessive(t Token) bool { return t.Lower == "'s" || t.Lower == "’s" }

// scanName returns the end of a capitalised name starting at i.
func scanName(toks []Token, i, end int) int {
	j := i
	for j < end && j < i+7 {
		t := &toks[j]
		if t.Kind != Word {
			break
		}
		if !t.Upper && !(t.is(lxNameParticle) && j > i) && !hasArticlePrefix(t.Lower) {
			break
		}
		j++
	}
	// A trailing particle is not part of the name.
	for j > i && toks[j-1].is(lxNameParticle) {
		j--
	}
	return j
}

func isNameToken(t Token) bool {
	return t.Kind == Word && (t.Upper || t.is(lxNameParticle))
}

// officeClaim resolves the office and person and builds the claim.
func (env *Env) officeClaim(s Sentence, ref officeRef) (compare.Claim, bool) {
	k := env.KB
	toks := env.Tokens
	name := env.slice(compare.Span{Start: toks[ref.nameFrom].Span.Start, End: toks[ref.nameTo-1].Span.End})
	when, basis := env.claimTime(s, ref.from, ref.to, ref.marker)

	var office *kb.Office
	if ref.office != "" {
		office, _ = k.Office(ref.office)
	} else if ref.country != "" {
		office, _ = k.OfficeFor(ref.country, ref.role)
	}
	officeID := ""
	if office != nil {
		officeID = office.ID
	}
	day := when.From
	var mbuf [4]kb.Match // the candidates, on the stack
	matches := k.AppendResolve(mbuf[:0], name, day, officeID)
	if len(matches) == 0 {
		return compare.Claim{}, false
	}
	best := matches[0]
	if office != nil && !heldEver(k, best.Person, office.ID) {
		// Several offices share a role ("special envoy"): the one this
		// person held.
		for t := range k.TenuresSeq(best.Person) {
			if o, ok := k.Office(t.Office); ok && o.Role == office.Role && o.Country == office.Country {
				office = o
				break
			}
		}
	}
	if office == nil {
		// No country in the text: the office of this role the person
		// held, the one held at the time when there is one ("Foreign
		// Minister Mogherini" in 2016 is the EU's, not Italy's of 2014).
		for t := range k.TenuresSeq(best.Person) {
			o, ok := k.Office(t.Office)
			if !ok || o.Role != ref.role {
				continue
			}
			if office == nil {
				office = o
			}
			if (compare.Window{From: t.From, To: t.To}).Contains(day) {
				office = o
				break
			}
		}
		if office == nil {
			return compare.Claim{}, false
		}
	}
	// A weak fuzzy match for someone who never held the office is more
	// likely another person the kb does not know.
	if !best.Exact && !heldEver(k, best.Person, office.ID) {
		return compare.Claim{}, false
	}
	if basis != "earlier" && deathContext(toks, s, ref.from, ref.to) {
		if diedInOffice(k, best.Person, office.ID) {
			// "the crash that killed President Raisi", "the funeral of
			// Foreign Minister X", "X and Y were killed": the title is the
			// one held at death, whenever the article was written. (Not
			// for the living, "the crash that killed Foreign Minister
			// Zarif", nor for one who had left the office, "Prime Minister
			// Abe was assassinated" in 2022.)
			when, basis = compare.TimeRef{}, "earlier"
		}
	}
	span := compare.Span{Start: toks[ref.from].Span.Start, End: toks[ref.to-1].Span.End}
	kind := compare.KindOffice
	if office.Role == "president" && office.Country == "US" {
		// "President Trump" names the administration, as "the Trump
		// administration" does; other presidents are offices.
		kind = compare.KindAdministration
	}
	c := env.claim(kind, span, office.ID, "holder", env.Gaz.personValue(env.KB, best.Person))
	c.Marker = ref.marker
	c.When = compare.TimeRef{From: when.From, To: when.To, Gran: when.Gran, Basis: basis}
	c.Speaker = name
	if basis == "event" || basis == "reference" || basis == "explicit" {
		c.Valid, c.Evidence = env.validity(best.Person, office, ref.marker, when.From)
	}
	return c, true
}

// diedInOffice reports whether the person died holding the office (a
// term ending within a day of the death, or never ended).
func diedInOffice(k *kb.KB, person, office string) bool {
	p, ok := k.Person(person)
	if !ok || p.Died.IsZero() {
		return false
	}
	for t := range k.TenuresSeq(person) {
		if t.Office == office && !t.From.After(p.Died) && (t.To.IsZero() || !t.To.Before(p.Died.AddDate(0, 0, -1))) {
			return true
		}
	}
	return false
}

func heldEver(k *kb.KB, person, office string) bool {
	for t := range k.TenuresSeq(person) {
		if t.Office == office {
			return true
		}
	}
	return false
}

// claimTime is the time a claim at tokens [from, to) speaks of: the main
// event's, unless a marker or the context moves it. basis is "event",
// "reference", "explicit" (a year in the clause) or "earlier" (an
// unspecified earlier time: "then-", "previously", past perfect).
func (env *Env) claimTime(s Sentence, from, to int, marker string) (compare.TimeRef, string) {
	if marker == "then" || marker == "incoming" {
		return compare.TimeRef{}, "earlier"
	}
	if marker == "former" || marker == "late" {
		// "Former" is said from the time of writing, whatever the clause
		// is about: "former President Trump withdrew in 2018" is wrong in
		// April 2025.
		ref := env.Doc.Reference
		if ref.IsZero() {
			return compare.TimeRef{}, "unknown"
		}
		return compare.TimeRef{From: ref, To: ref.AddDate(0, 0, 1), Gran: compare.GranDay}, "reference"
	}
	toks := env.Tokens
	// A year in the same comma-delimited stretch: "in 2015, Secretary of State John Kerry".
	lo, hi := from, to
	for lo > s.From && !isCommaBreak(toks[lo-1]) {
		lo--
	}
	for hi < s.To && !isCommaBreak(toks[hi]) {
		hi++
	}
	// "…, when the Biden administration sent envoy Robert Malley": a
	// following when-clause dates the mention too.
	if hi+1 < s.To && toks[hi].Text == "," && (toks[hi+1].Lower == "when" || toks[hi+1].Lower == "after" || toks[hi+1].Lower == "before") {
		for hi++; hi < s.To && !isCommaBreak(toks[hi]); hi++ {
		}
	}
	if lo >= 2 && toks[lo-1].Text == "," && toks[lo].Lower == "when" {
		// "…opened in Vienna in April 2021, when the Biden administration…"
		// (The loop below moves lo only while toks[lo] is "when": no
		// need to walk the stretch otherwise.)
		for k := lo - 2; k >= s.From && !isCommaBreak(toks[k]); k-- {
			if toks[lo].Lower == "when" {
				lo = k
			}
		}
	}
	// "In 1997, President Bill Clinton imposed…": a sentence-opening
	// adverbial dates the whole sentence.
	if y, ok := env.openingYear(s, from); ok {
		start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		if !(env.Event.When.Known() && y == env.Event.When.From.Year()) {
			return compare.TimeRef{From: start, To: start.AddDate(1, 0, 0), Gran: compare.GranYear}, "explicit"
		}
	}
	for k := lo; k < hi; k++ {
		if k >= from && k < to {
			continue
		}
		if y, ok := adverbialYear(toks, k); ok {
			start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			if y == env.Event.When.From.Year() && env.Event.When.Known() {
				break
			}
			return compare.TimeRef{From: start, To: start.AddDate(1, 0, 0), Gran: compare.GranYear}, "explicit"
		}
	}
	// Earlier-time markers before the mention in its clause (back to the
	// sentence start or a contrasting conjunction: "…two weeks ago, said …,
	// while National Security Adviser John Bolton said"), or in its own
	// stretch after it.
	start := s.From
	for k := from - 1; k > s.From; k-- {
		if toks[k].is(lxContrast) {
			start = k
			break
		}
	}
	for k := start; k < hi; k++ {
		if k >= from && k < to {
			continue
		}
		w := toks[k].Lower
		switch {
		case w == "previously" || w == "formerly" || w == "once" || w == "earlier" || w == "ago":
			return compare.TimeRef{}, "earlier"
		case w == "then" && k+1 < s.To && toks[k+1].Text != "-":
			return compare.TimeRef{}, "earlier"
		case w == "had" && k+1 < s.To && toks[k+1].Kind == Word && k < from:
			return compare.TimeRef{}, "earlier"
		case w == "time" && k >= 2 && toks[k-1].Lower == "the" && toks[k-2].Lower == "at":
			return compare.TimeRef{}, "earlier"
		case w == "under" && k+2 >= from && k < from:
			// "signed under the Obama administration": a past government.
			return compare.TimeRef{}, "earlier"
		}
	}
	if env.Event.When.Known() {
		return env.Event.When, env.Event.When.Basis
	}
	return compare.TimeRef{}, "unknown"
}

// deathContext reports whether the mention at tokens [from, to) names
// someone as the one who died: the object of a killing ("the crash that
// killed President Raisi", "mourned Foreign Minister X"), the one whose
// death, funeral or burial it is ("the funeral of President X", "X's
// funeral"), or the subject of dying ("President X and Foreign Minister
// Y were killed", "X, 63, died", "Y was among those killed"). A list of
// names may stand between ("the deaths of President X and Foreign
// Minister Y"); any other word ends the search, so "Foreign Minister X
// said ten people were killed" is no such context.
func deathContext(toks []Token, s Sentence, from, to int) bool {
	// Backward, over a list of names, to a killing or "the funeral of".
	for k, n := from-1, 0; k >= s.From && n < maxListTokens; k, n = k-1, n+1 {
		t := &toks[k]
		switch {
		case deathBeforeName[t.Lower]:
			return true
		case (t.Lower == "of" || t.Lower == "for") && k > s.From:
			return deathNouns[toks[k-1].Lower]
		case inNameList(t):
			continue
		}
		break
	}
	// Forward: "X's funeral", or over a list of names to a verb of dying.
	k := to
	if k+1 < s.To && isPossessive(toks[k]) {
		return deathNouns[toks[k+1].Lower]
	}
	for n := 0; k < s.To && n < maxListTokens && inNameList(&toks[k]); k, n = k+1, n+1 {
	}
	for n := 0; k < s.To && n < 4 && dyingAux[toks[k].Lower]; k, n = k+1, n+1 {
	}
	if k+1 < s.To && violentVerbs[toks[k].Lower] && (toks[k+1].Lower == "dead" || toks[k+1].Lower == "down") {
		return true // "was shot dead", "were gunned down"
	}
	return k < s.To && dyingVerbs[toks[k].Lower]
}

// maxListTokens bounds the list of names a death context reaches over.
const maxListTokens = 16

// inNameList reports whether a token may stand in a list of named people:
// names and titles, commas, "and", ages, and the "six others" of a toll.
func inNameList(t *Token) bool {
	switch {
	case t.Kind == Word && t.Upper:
		return true
	case t.Kind == Number:
		return true
	case t.Kind == Punct:
		return t.Text == "," || t.Text == "-"
	}
	return listWords[t.Lower] || t.is(lxNameParticle)
}

var (
	// deathBeforeName are the words right before (a list of) the dead.
	deathBeforeName = map[string]bool{
		"killed": true, "killing": true, "kill": true, "kills": true, "assassinated": true,
		"assassinating": true, "murdered": true, "slain": true, "mourned": true, "mourning": true,
		"mourn": true, "buried": true, "bury": true, "late": true,
	}
	// deathNouns are the nouns of a death and its rites, before "of"/"for"
	// or after a possessive.
	deathNouns = map[string]bool{
		"death": true, "deaths": true, "killing": true, "killings": true, "assassination": true,
		"murder": true, "funeral": true, "funerals": true, "burial": true, "mourning": true,
		"memorial": true, "coffin": true, "coffins": true, "body": true, "bodies": true,
		"remains": true, "grave": true, "tomb": true, "widow": true, "widower": true,
	}
	// dyingAux may stand between the dead and the verb of dying.
	dyingAux = map[string]bool{
		"was": true, "were": true, "is": true, "are": true, "has": true, "have": true, "had": true,
		"been": true, "who": true, "also": true, "all": true, "both": true, "reportedly": true,
		"among": true, "those": true, "the": true,
	}
	// dyingVerbs end the subject-side pattern: "…were killed", "…died".
	dyingVerbs = map[string]bool{
		"died": true, "dies": true, "killed": true, "dead": true, "assassinated": true,
		"perished": true, "slain": true, "murdered": true,
	}
	// violentVerbs are deaths with "dead" or "down" after them.
	violentVerbs = map[string]bool{"shot": true, "gunned": true, "stabbed": true, "beaten": true}
	// listWords are the lower-case words of a list of people.
	listWords = map[string]bool{
		"and": true, "the": true, "others": true, "other": true, "officials": true, "aides": true,
		"crew": true, "passengers": true, "people": true, "members": true, "his": true, "her": true,
		"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
		"eight": true, "nine": true, "ten": true, "several": true, "foreign": true,
		"minister": true, "president": true, "prime": true, "deputy": true, "vice": true,
		"former": true, "then": true,
	}
)

func isCommaBreak(t Token) bool {
	// All punctuation: a word or number is none of them.
	return t.Kind == Punct && (t.Text == "," || t.Text == ";" || t.Text == ":" || t.Text == "—" || t.Text == "–" || t.Text == "(" || t.Text == ")")
}

// validity is the window in which the claim can be true, and the kb facts
// it rests on: the term of office nearest the time (for a current
// holder), the time after a term (for "former"), after death (for "late").
func (env *Env) validity(person string, office *kb.Office, marker string, at time.Time) (*compare.Window, []compare.Evidence) {
	k := env.KB
	p, _ := k.Person(person)
	// The person's terms in the office, as windows.
	var buf [8]compare.Window
	terms := buf[:0]
	for t := range k.TenuresSeq(person) {
		if t.Office == office.ID {
			terms = append(terms, compare.Window{From: t.From, To: t.To})
		}
	}
	ev, ok := env.Gaz.termEvidence(k, person, office)
	if !ok {
		var held []kb.Term
		for t := range k.TenuresSeq(person) {
			if t.Office == office.ID {
				held = append(held, t)
			}
		}
		ev = TermEvidence(p, office, held)
	}
	if len(terms) == 0 {
		return nil, ev
	}
	switch marker {
	case "late":
		if p == nil || p.Died.IsZero() {
			return nil, ev
		}
		return &compare.Window{From: p.Died}, ev
	case "former":
		// The gap after a term that contains at, or the nearest one.
		var best compare.Window
		found := false
		for i, t := range terms {
			if t.To.IsZero() {
				continue
			}
			w := compare.Window{From: t.To}
			if i+1 < len(terms) {
				w.To = terms[i+1].From
			}
			if !found || w.Contains(at) || (!at.IsZero() && !best.Contains(at) && at.After(w.From)) {
				best, found = w, true
			}
		}
		if !found {
			// Never left office: "former" cannot be true while in office.
			last := terms[len(terms)-1]
			return &compare.Window{From: last.From, To: last.From}, ev
		}
		return &best, ev
	}
	// A current holder: the term containing at, else the nearest.
	bestI := 0
	bestD := time.Duration(1<<63 - 1)
	for i, w := range terms {
		if w.Contains(at) {
			bestI = i
			break
		}
		d := distance(w, at)
		if d < bestD {
			bestI, bestD = i, d
		}
	}
	w := terms[bestI]
	if p != nil && !p.Died.IsZero() && (w.To.IsZero() || p.Died.Before(w.To)) {
		w.To = p.Died
	}
	return &w, ev
}

func distance(w compare.Window, t time.Time) time.Duration {
	switch {
	case t.IsZero():
		return 0
	case !w.From.IsZero() && t.Before(w.From):
		return w.From.Sub(t)
	case !w.To.IsZero() && !t.Before(w.To):
		return t.Sub(w.To)
	}
	return 0
}

// TermEvidence renders a person's terms in an office and their death as
// kb evidence: "Hossein Amir-Abdollahian: Foreign Minister of Iran
// 2021-08-25 – 2024-05-19 (died 2024-05-19)". The texts share one
// allocation, and so do the times (it runs for every office claim).
func TermEvidence(p *kb.Person, office *kb.Office, terms []kb.Term) []compare.Evidence {
	name := ""
	if p != nil {
		name = p.Name
	}
	died := p != nil && !p.Died.IsZero()
	n := len(terms)
	if died {
		n++
	}
	if n == 0 {
		return nil
	}
	// The texts, end to end; ends[i] is where text i ends.
	const day = len("2006-01-02")
	b := make([]byte, 0, n*(len(name)+len(office.Title)+2*day+24))
	ends := make([]int, 0, 8)
	times := make([]time.Time, 0, 2*n)
	ptr := func(t time.Time) *time.Time {
		if t.IsZero() {
			return nil
		}
		times = append(times, t)
		return &times[len(times)-1]
	}
	out := make([]compare.Evidence, 0, n)
	for _, t := range terms {
		b = append(b, name...)
		b = append(b, ": "...)
		b = append(b, office.Title...)
		b = append(b, ' ')
		b = t.From.AppendFormat(b, "2006-01-02")
		b = append(b, " – "...)
		if t.To.IsZero() {
			b = append(b, "present"...)
		} else {
			b = t.To.AppendFormat(b, "2006-01-02")
		}
		if t.Acting {
			b = append(b, " (acting)"...)
		}
		ends = append(ends, len(b))
		out = append(out, compare.Evidence{Source: t.Source, Person: name, Office: office.Title, From: ptr(t.From), To: ptr(t.To)})
	}
	if died {
		b = append(b, p.Name...)
		b = append(b, ": died "...)
		b = p.Died.AppendFormat(b, "2006-01-02")
		ends = append(ends, len(b))
		out = append(out, compare.Evidence{Source: p.Source, Person: p.Name, Died: ptr(p.Died)})
	}
	texts := string(b)
	from := 0
	for i, end := range ends {
		out[i].Text = texts[from:end]
		from = end
	}
	return out
}

var contrastWords = map[string]bool{"while": true, "whereas": true, "but": true, "although": true, "though": true, "however": true}

// openingYear returns the year of a sentence-opening adverbial that
// precedes token i: "In 1997, …", "In March 2015, …", "Back in 2013, …".
func (env *Env) openingYear(s Sentence, i int) (int, bool) {
	toks := env.Tokens
	for k := s.From; k < i && k < s.From+6; k++ {
		if toks[k].Text == "," {
			for j := s.From; j < k; j++ {
				if y, ok := adverbialYear(toks, j); ok {
					return y, true
				}
			}
			return 0, false
		}
	}
	return 0, false
}

// pluralOffices reads "their foreign ministers, Sheikh Abdullah bin Zayed
// and Abdullatif al-Zayani": each name after a plural title, with the
// office of that role the person held.
func (env *Env) pluralOffices(s Sentence, m Match, role string) []compare.Claim {
	toks := env.Tokens
	k := m.To
	if k < s.To && toks[k].Text == "," {
		k++
	}
	var out []compare.Claim
	for k < s.To {
		for k < s.To && toks[k].is(lxTitleWord) {
			k++
		}
		end := scanName(toks, k, s.To)
		if end == k {
			break
		}
		if c, ok := env.namedHolder(s, m.From, k, end, role); ok {
			out = append(out, c)
		}
		k = end
		if k < s.To && (toks[k].Text == "," || toks[k].Lower == "and") {
			k++
			if k < s.To && toks[k].Lower == "and" {
				k++
			}
			continue
		}
		break
	}
	return out
}

// namedHolder resolves the name in tokens [from, to) and finds the office
// with the role the person held; titleFrom is where the title starts.
func (env *Env) namedHolder(s Sentence, titleFrom, from, to int, role string) (compare.Claim, bool) {
	k := env.KB
	toks := env.Tokens
	name := env.slice(compare.Span{Start: toks[from].Span.Start, End: toks[to-1].Span.End})
	when, basis := env.claimTime(s, titleFrom, to, "")
	var mbuf [4]kb.Match
	ms := k.AppendResolve(mbuf[:0], name, when.From, "")
	if len(ms) == 0 || !ms[0].Exact {
		return compare.Claim{}, false
	}
	var office *kb.Office
	for t := range k.TenuresSeq(ms[0].Person) {
		if o, ok := k.Office(t.Office); ok && o.Role == role {
			office = o
			if (compare.Window{From: t.From, To: t.To}).Contains(when.From) {
				break
			}
		}
	}
	if office == nil {
		return compare.Claim{}, false
	}
	span := compare.Span{Start: toks[from].Span.Start, End: toks[to-1].Span.End}
	c := env.claim(compare.KindOffice, span, office.ID, "holder", env.Gaz.personValue(env.KB, ms[0].Person))
	c.When = compare.TimeRef{From: when.From, To: when.To, Gran: when.Gran, Basis: basis}
	c.Speaker = name
	if basis == "event" || basis == "reference" || basis == "explicit" {
		c.Valid, c.Evidence = env.validity(ms[0].Person, office, "", when.From)
	}
	return c, true
}

// hasArticlePrefix reports an Arabic article joined by a hyphen:
// "al-Zayani", "el-Sisi", "ash-Sharaa".
func hasArticlePrefix(w string) bool {
	if len(w) < 4 || w[2] != '-' && w[3] != '-' {
		return false // every prefix below ends in a hyphen at 2 or 3
	}
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "bin-", "ibn-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			return true
		}
	}
	return false
}
