package extract

import (
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// Event is a document's main event: what its headline and lede report.
// Claims about it share the subject "event", so that articles of one story
// align on it whatever noun they use ("talks", "discussions", "meeting").
type Event struct {
	Noun string // the lemma first used for it: "talks"
	// When is the time the main event happened, once the document dates
	// it; otherwise the document's reference day.
	When compare.TimeRef
	// Upcoming is true when the article reports the event as in the future.
	Upcoming bool
	// Round is the ordinal the headline or lede gives the event ("second
	// round of talks"), 0 when none: later mentions of that round are the
	// main event too.
	Round int
}

// MainEvent marks a phrase about the document's main event; claims about
// it get the subject Event.Subject().
const MainEvent = "event"

// Subject is the subject of claims about the main event: "event:" and the
// event's family. Every event is keyed by its family, so that a funeral
// and the death it follows are never compared as one event, while "died
// at Balmoral" in a report of the funeral still meets the reports of the
// death.
func (e Event) Subject() string {
	if e.Noun == "" {
		return MainEvent
	}
	return familySubject(eventFamily(e.Noun))
}

// familySubject is MainEvent+":"+family, the families' strings made once.
func familySubject(family string) string {
	if s, ok := familySubjects[family]; ok {
		return s
	}
	return MainEvent + ":" + family
}

// familySubjects holds the subject of every family an event noun or
// predicate verb gives; built once, read-only.
var familySubjects = func() map[string]string {
	m := map[string]string{}
	for _, fams := range []map[string]string{eventNouns, predicateVerbs, {"meeting": "meeting"}} {
		for _, n := range fams {
			f := eventFamily(n)
			m[f] = MainEvent + ":" + f
		}
	}
	return m
}()

// isMain reports whether an attachment is the document's main event.
func (env *Env) isMain(ref string) bool {
	return ref == MainEvent || ref == env.Event.Subject()
}

// isEvent reports whether an attachment names an event (not a counted
// round, not nothing).
func isEvent(ref string) bool {
	return IsMainEvent(ref)
}

// IsMainEvent reports whether a claim subject names a main event.
func IsMainEvent(subject string) bool {
	return subject == MainEvent || strings.HasPrefix(subject, MainEvent+":")
}

// eventNouns are nouns that name a reportable event, by lower-case form.
var eventNouns = map[string]string{
	"talks": "talks", "negotiations": "talks", "discussions": "talks", "dialogue": "talks",
	"meeting": "meeting", "meetings": "meeting", "summit": "summit", "round": "round", "rounds": "round",
	"session": "session", "conference": "conference", "visit": "visit", "trip": "visit",
	"vote": "vote", "ballot": "vote", "election": "election", "referendum": "referendum",
	"ceremony": "ceremony", "signing": "signing", "attack": "attack", "attacks": "attack",
	"strike": "strike", "strikes": "strike", "airstrike": "strike", "airstrikes": "strike",
	"crash": "crash", "explosion": "explosion", "blast": "explosion", "earthquake": "earthquake",
	"funeral": "funeral", "hearing": "hearing", "trial": "trial", "debate": "debate",
	"rally": "rally", "protest": "protest", "protests": "protest", "launch": "launch",
	"assassination": "assassination", "shooting": "shooting", "invasion": "invasion",
	"death": "death", "killing": "killing", "burial": "funeral", "accession": "accession",
	"engagement": "talks", "encounter": "meeting", "gathering": "meeting", "consultations": "talks",
}

// eventFamily groups event nouns that can name the same event: a report
// of talks may call them a meeting or a round, but not an election.
func eventFamily(noun string) string {
	switch noun {
	case "talks", "meeting", "summit", "round", "session", "conference", "visit":
		return "meeting"
	case "ceremony", "signing":
		return "signing"
	case "vote", "election", "referendum":
		return "vote"
	case "attack", "strike", "explosion", "invasion":
		return "violence"
	case "death", "killing", "assassination", "shooting":
		return "death"
	}
	return noun
}

// predicateVerbs are verbs that name an event themselves, by family:
// "was assassinated in Nara on Friday", "signed at the White House on
// Tuesday", "died at Balmoral".
var predicateVerbs = map[string]string{
	"died": "death", "dies": "death", "die": "death", "killed": "death", "kills": "death",
	"assassinated": "death", "murdered": "death", "slain": "death", "shot": "death",
	"signed": "signing", "signs": "signing", "sealed": "signing", "seals": "signing",
	"reached": "signing", "clinched": "signing", "finalized": "signing", "finalised": "signing",
	"crashed": "crash", "voted": "vote", "votes": "vote", "elected": "vote",
	"invaded": "violence", "invades": "violence", "attacked": "violence", "bombed": "violence",
	"buried": "funeral",
}

// eventVerbs are verbs whose time or place is the event's ("began on
// Friday", "met in Muscat", "was held in Rome").
var eventVerbs = map[string]bool{
	"began": true, "begin": true, "begins": true, "started": true, "start": true, "starts": true,
	"took": true, "take": true, "takes": true, "taking": true, "held": true, "hold": true, "holding": true,
	"met": true, "meet": true, "meets": true, "convened": true, "convene": true, "opened": true,
	"ended": true, "end": true, "concluded": true, "resumed": true, "resume": true, "happened": true,
	"occurred": true, "hosted": true, "host": true, "hosts": true, "hosting": true, "gathered": true,
	"kicked": true, "wrapped": true, "scheduled": true, "slated": true, "set": true, "due": true,
	"collapsed": true, "broke": true, "adjourned": true, "closed": true,
	"planned": true, "unfold": true, "unfolded": true, "place": true, "staged": true, "sat": true,
}

// reportingVerbs move a time or place to the act of saying, not the event
// ("Trump announced it on Monday").
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "announced": true, "announces": true, "announce": true,
	"told": true, "tells": true, "reported": true, "reports": true, "confirmed": true, "confirms": true,
	"stated": true, "added": true, "wrote": true, "posted": true, "tweeted": true, "declared": true,
	"revealed": true, "disclosed": true, "claimed": true, "insisted": true, "warned": true,
	"indicated": true, "noted": true, "published": true, "released": true, "issued": true,
	"dismissed": true, "denied": true, "praised": true, "criticized": true, "criticised": true,
	"agreed": true, "proposed": true, "decided": true, "accepted": true, "rejected": true,
}

// otherEventWords before an event noun make it another event than the
// main one ("another meeting", "the previous round").
var otherEventWords = map[string]bool{
	"another": true, "next": true, "previous": true, "prior": true, "earlier": true, "past": true,
	"future": true, "subsequent": true, "further": true, "follow-up": true, "later": true,
	"last": true, "former": true, "preceding": true, "separate": true, "those": true,
	"additional": true, "more": true, "technical": true, "expert": true, "expert-level": true,
	"working-level": true, "preparatory": true, "follow-on": true, "parallel": true, "sideline": true,
	"sidelines": true,
}

// futureWords mark a clause about something that has not happened yet.
var futureWords = map[string]bool{
	"will": true, "would": true, "expected": true, "scheduled": true, "planned": true,
	"set": true, "slated": true, "due": true, "upcoming": true, "could": true, "may": true,
	"might": true, "shall": true, "plans": true, "intends": true, "hopes": true,
}

// pastOtherWords mark a clause about earlier events ("had previously met").
var pastOtherWords = map[string]bool{
	"previously": true, "earlier": true, "formerly": true, "ago": true,
}

// notParticiple are words after "had" that do not make a past perfect.
var notParticiple = map[string]bool{"to": true, "a": true, "an": true, "the": true, "no": true, "its": true, "their": true, "his": true, "her": true, "been": false}

// Sentence is the token range [From, To) of one sentence.
type Sentence struct{ From, To int }

// Sentences returns the token ranges of the document's sentences. A token
// that starts a paragraph always starts a sentence.
func (env *Env) Sentences() []Sentence {
	if !env.split {
		env.sents = env.appendSentences(env.sents[:0])
		env.split = true
	}
	return env.sents
}

// maxSentence cuts a run of tokens with no sentence end into pieces:
// extractors scan the sentence around each word, so one "sentence" of a
// million tokens would take quadratic time. Real sentences are far shorter.
const maxSentence = 250

// appendSentences appends the sentences to out.
func (env *Env) appendSentences(out []Sentence) []Sentence {
	if cap(out) == 0 {
		out = make([]Sentence, 0, len(env.Doc.Sentences)+1)
	}
	sents := env.Doc.Sentences
	from := 0
	si := 0
	for i := range env.Tokens {
		t := &env.Tokens[i]
		for si < len(sents) && sents[si].End <= t.Span.Start {
			si++
		}
		newSent := i > from && (t.Break || (si < len(sents) && sents[si].Start == t.Span.Start && env.Tokens[i-1].Span.End <= sents[si].Start) ||
			i-from >= maxSentence)
		if newSent {
			out = append(out, Sentence{from, i})
			from = i
		}
	}
	if from < len(env.Tokens) {
		out = append(out, Sentence{from, len(env.Tokens)})
	}
	return out
}

// sentenceOf returns the sentence containing token i.
func sentenceOf(sents []Sentence, i int) Sentence {
	// sort.Search for the first sentence ending after i, without the
	// closure (this runs for every candidate claim).
	k, hi := 0, len(sents)
	for k < hi {
		mid := int(uint(k+hi) >> 1)
		if sents[mid].To > i {
			hi = mid
		} else {
			k = mid + 1
		}
	}
	if k < len(sents) {
		return sents[k]
	}
	return Sentence{}
}

// tokenAt returns the index of the first token starting at or after off.
func (env *Env) tokenAt(off int) int {
	toks := env.Tokens
	lo, hi := 0, len(toks)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if toks[mid].Span.Start >= off {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// mention is an event noun in the text and whose event it is.
type mention struct {
	Tok  int
	Noun string
	// Ref is MainEvent, "round-N" for an ordinal-qualified event other
	// than the main one, or "" for another event.
	Ref string
}

// classifyMention decides which event the noun at token i refers to.
func (env *Env) classifyMention(s Sentence, i int) mention {
	toks := env.Tokens
	m := mention{Tok: i, Noun: eventNouns[toks[i].Lower]}
	m.Ref = familySubject(eventFamily(m.Noun))
	// Look back over the noun phrase: determiners, adjectives, "of".
	for j := i - 1; j >= s.From && j >= i-5; j-- {
		t := &toks[j]
		w := t.Lower
		if t.Kind == Punct && w != "-" || isPossessive(*t) {
			break // "last Wednesday's vote": the words before 's date it
		}
		if y, ok := yearToken(*t); ok && (!env.Event.When.Known() || y != env.Event.When.From.Year()) {
			m.Ref = "" // "his 2018 Helsinki meeting": a dated, other event
			return m
		}
		if t.is(lxOtherEventWord) {
			if w == "last" && j+1 < len(toks) && toks[j+1].Lower == "week" {
				continue
			}
			m.Ref = ""
			return m
		}
		if j > s.From && t.Kind == Word && toks[j-1].Kind == Number {
			if _, next, ok := ordinalAt(toks, j-1); ok && next == j+1 {
				j-- // "the 18th summit": the figure and its suffix
			}
		}
		if n, _, ok := ordinalAt(toks, j); ok {
			if n == env.Event.Round || env.ordinalIsMain(s, j) {
				return m
			}
			m.Ref = roundRef(n)
			return m
		}
		if w == "the" || w == "a" || w == "an" || w == "this" || w == "these" {
			break
		}
	}
	return m
}

// ordinalIsMain reports whether an ordinal at token j counts the main
// event: "this marks the second round", "the talks were the first",
// "met for the first time".
func (env *Env) ordinalIsMain(s Sentence, j int) bool {
	toks := env.Tokens
	if j >= 2 && toks[j-1].Lower == "the" && (toks[j-2].Lower == "for") {
		return true // "for the first time"
	}
	if j >= s.From+3 && toks[j-1].Lower == "the" && toks[j-2].Text == "," && toks[j-3].is(lxEventNoun) && eventNouns[toks[j-3].Lower] != "" {
		// "The summit, the 17th meeting of G20 leaders, was held": an apposition.
		return env.isMain(env.classifyMention(s, j-3).Ref)
	}
	for k := j - 1; k >= s.From && k >= j-4; k-- {
		switch toks[k].Lower {
		case "marks", "marked", "is", "was", "are", "were", "represents", "represented", "constitutes", "be", "becomes", "became":
			// The copula must have the main event (or "this"/"it") as subject.
			for b := k - 1; b >= s.From && b >= k-20; b-- {
				w := toks[b].Lower
				if w == "this" || w == "it" || w == "they" || w == "today" {
					return true
				}
				if toks[b].is(lxEventNoun) && eventNouns[w] != "" {
					return env.isMain(env.classifyMention(s, b).Ref)
				}
			}
			return false
		}
	}
	return false
}

// Ordinal words, lower case, to numbers: the words up to the twentieth and
// the tens after it. Figures ("the 18th summit") are read by ordinalAt.
var ordinals = func() map[string]int {
	m := map[string]int{"inaugural": 1, "opening": 1, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100}
	words := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth"}
	for i, w := range words {
		m[w] = i + 1
	}
	return m
}()

// ordinalAt reads an ordinal at token i: a word ("second") or a figure
// with its suffix ("18th", two tokens). It returns the number and the
// token after it.
func ordinalAt(toks []Token, i int) (n, next int, ok bool) {
	if n, ok := ordinalOf(&toks[i]); ok {
		return n, i + 1, true
	}
	if toks[i].Kind != Number || i+1 >= len(toks) || toks[i+1].Span.Start != toks[i].Span.End || len(toks[i+1].Lower) != 2 {
		return 0, 0, false
	}
	v, err := strconv.Atoi(toks[i].Text)
	if err != nil || v <= 0 || v >= 1000 {
		return 0, 0, false
	}
	want := "th"
	if v%100 < 11 || v%100 > 13 {
		switch v % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	if toks[i+1].Lower != want {
		return 0, 0, false
	}
	return v, i + 2, true
}

func ordinalWord(w string) (int, bool) {
	n, ok := ordinals[w]
	return n, ok
}

// ordinalOf is ordinalWord of the token's lower-case text.
func ordinalOf(t *Token) (int, bool) {
	if !t.is(lxOrdinal) {
		return 0, false
	}
	return ordinalWord(t.Lower)
}

// roundRefs are the references "round-N" for the ordinals there are words
// for, made once.
var roundRefs = func() []string {
	out := make([]string, 13)
	for i := range out {
		out[i] = "round-" + strconv.Itoa(i)
	}
	return out
}()

// roundRef is "round-" + n.
func roundRef(n int) string {
	if n >= 0 && n < len(roundRefs) {
		return roundRefs[n]
	}
	return "round-" + strconv.Itoa(n)
}

// clauseTense guesses whether the clause around token i speaks of the
// future, of an earlier time, or of the reported event.
func (env *Env) clauseTense(s Sentence, i int) string {
	toks := env.Tokens
	from, to := clauseBounds(toks, s, i)
	// Future words count only in the phrase's own stretch between commas,
	// and not across a subordinator: in "said it would add tools after the
	// debate on Monday", "would" is not about the debate.
	flo, fhi := i, i
	for flo > from && !isCommaBreak(toks[flo-1]) && !toks[flo-1].is(lxSubordinator) {
		flo--
	}
	for fhi < to && !isCommaBreak(toks[fhi]) && !toks[fhi].is(lxSubordinator) {
		fhi++
	}
	// Earlier-time markers of a main clause do not reach into a
	// subordinate one: "198 people had been killed since Russia invaded on
	// Thursday".
	efrom := from
	for k := i - 1; k > from; k-- {
		if toks[k].is(lxSubordinator) {
			efrom = k
			break
		}
	}
	for k := from; k < to; k++ {
		t := &toks[k]
		if t.lex == 0 && t.Lower != "next" && t.Lower != "first" && t.Lower != "had" {
			continue // in no list this loop reads
		}
		w := t.Lower
		inStretch := k >= flo && k < fhi
		if t.is(lxFutureWord) && inStretch {
			return "future"
		}
		if w == "next" && inStretch && k+1 < to && (toks[k+1].Lower == "week" || toks[k+1].Lower == "month" || toks[k+1].Lower == "year") {
			return "future"
		}
		// Earlier-time markers count before the phrase and in its own
		// stretch, not in a later clause ("… would change the course of
		// history").
		if k >= fhi || k < efrom {
			continue
		}
		if t.is(lxPastOtherWord) {
			return "earlier"
		}
		if w == "first" && k+1 < to && toks[k+1].is(lxEventVerb) {
			return "earlier" // "the leaders first met in Singapore"
		}
		if w == "had" && k+1 < to && toks[k+1].Kind == Word && !toks[k+1].Upper && !toks[k+1].is(lxNotParticiple) {
			return "earlier" // past perfect: "had left office by the time the Vienna talks resumed"
		}
	}
	return ""
}

// clauseBounds returns the token range of the clause around i: the
// sentence cut at semicolons and at dashes.
func clauseBounds(toks []Token, s Sentence, i int) (int, int) {
	from, to := s.From, s.To
	for k := i - 1; k >= s.From; k-- {
		if toks[k].Kind == Punct && isClauseBreak(toks[k].Text) {
			from = k + 1
			break
		}
	}
	for k := i + 1; k < s.To; k++ {
		if toks[k].Kind == Punct && isClauseBreak(toks[k].Text) {
			to = k
			break
		}
	}
	return from, to
}

func isClauseBreak(t string) bool {
	return t == ";" || t == "—" || t == "–" || t == ":"
}

func hasSuffix(s, suf string) bool {
	return len(s) >= len(suf) && s[len(s)-len(suf):] == suf
}

// findEvent picks the main event noun (the first event noun in the
// headline block and lede) and its time from the main-event date claims.
// It fills env.Event in two steps because dating the event needs its noun.
func findEvent(env *Env) {
	ev := &env.Event
	ev.When = compare.TimeRef{From: day(env.Doc.Reference), To: day(env.Doc.Reference).AddDate(0, 0, 1), Gran: compare.GranDay, Basis: "reference"}
	if env.Doc.Reference.IsZero() {
		ev.When = compare.TimeRef{}
	}
	// The main event is what the headline and the lede report; an event
	// noun deep in the body names something else ("Wednesday's meeting
	// between Elian and his grandmothers" in a report of a speech).
	lead := leadEnd(env, env.Sentences(), 4)
	for i := range env.Tokens {
		t := &env.Tokens[i]
		if t.Span.Start >= lead {
			break
		}
		if t.is(lxEventNoun) {
			if n := eventNouns[t.Lower]; n != "round" {
				ev.Noun = n
				break
			}
		}
		if t.is(lxPredicateVerb) {
			ev.Noun = predicateVerbs[t.Lower]
			break
		}
		if ev.Noun == "" && (t.Lower == "met" || t.Lower == "meet" || t.Lower == "meets") {
			// "The United States and Iran met for the first time": a
			// meeting, even if no noun names it.
			ev.Noun = "meeting"
			break
		}
	}
	ev.Round = env.leadRound()
	if when, upcoming, ok := env.mainEventTime(); ok {
		ev.When = when
		ev.Upcoming = upcoming
	}
}

// leadRound finds the ordinal the headline block or the lede's first
// sentence gives an event noun ("Second round of US-Iran talks ends in
// Rome", "met … for what officials described as a second round of talks"),
// unless it is another event ("a third round is expected").
func (env *Env) leadRound() int {
	toks := env.Tokens
	sents := env.Sentences()
	lede := 0
	for _, s := range sents {
		seg := env.Doc.SegmentAt(toks[s.From].Span.Start)
		if seg == compare.SegBody {
			break
		}
		if seg == compare.SegLede {
			lede++
			if lede > 1 {
				break
			}
		}
		for j := s.From; j < s.To; j++ {
			n, next, ok := ordinalAt(toks, j)
			if !ok {
				continue
			}
			if _, ok := countedNoun(toks, next, s.To, false); !ok {
				continue
			}
			if j > s.From && toks[j-1].is(lxOtherEventWord) || env.clauseTense(s, j) != "" {
				continue
			}
			return n
		}
	}
	return 0
}
