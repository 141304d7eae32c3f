package extract

// attach decides which event the phrase in tokens [from, to) speaks of:
// MainEvent, "round-N" for another counted round, or "" for something
// else (the act of saying, a background event, another meeting).
//
// It looks for the event noun or event verb the phrase depends on: first
// right after it ("Saturday's talks", "the Oman meetings"), then leftwards
// within the sentence ("the talks, which began on Friday"), then
// rightwards within the clause ("On Saturday, the two sides met"). A
// reporting verb or another verb met first wins: "Trump announced it on
// Monday" dates the announcement, not the talks.
func (env *Env) attach(s Sentence, from, to int) string {
	return env.attachAs(s, from, to, false)
}

// attachAs is attach; closing says the phrase is the day an event ends,
// which may lie ahead of a main event that is under way ("the summit,
// which opened on Thursday, is scheduled to end on December 12").
func (env *Env) attachAs(s Sentence, from, to int, closing bool) string {
	ref := env.attachRaw(s, from, to)
	if ref == MainEvent {
		ref = env.Event.Subject()
	}
	if !isEvent(ref) {
		return ref
	}
	switch tense := env.clauseTense(s, from); {
	case tense == "earlier" || env.otherYearNear(s, from, to) || env.again(s, from):
		return ""
	case tense == "future" && !env.dating && !env.Event.Upcoming && !closing:
		// The main event is over: what "will" happen is another event
		// ("will debate on October 7", "are due to meet on October 15").
		return ""
	}
	return ref
}

func (env *Env) attachRaw(s Sentence, from, to int) string {
	toks := env.Tokens
	// "Saturday's talks", "Sunday's upper house election", "the Oman talks".
	k := to
	if k < s.To && isPossessive(toks[k]) {
		for j := k + 1; j < s.To && j <= k+4 && toks[j].Kind == Word; j++ {
			if toks[j].is(lxEventNoun) {
				return env.classifyMention(s, j).Ref
			}
		}
		return "" // "Friday's statement": the time of something else
	}
	if k < s.To && toks[k].is(lxEventNoun) {
		return env.classifyMention(s, k).Ref
	}
	if n, day := dayApposition(toks, s, k); n > 0 {
		// "adopted a declaration on Saturday, the first day of a two-day
		// summit": the apposition says whose day it is. Its second or
		// third day is no date of the event's own (closingDay marks the
		// last).
		if day > 1 {
			return ""
		}
		return env.classifyMention(s, n).Ref
	}
	// Leftwards: the nearest event noun, event verb or blocking verb.
	verb, selfVerb := false, false
	for j := from - 1; j >= s.From && j >= from-16; j-- {
		t := &toks[j]
		if y, ok := yearToken(*t); ok && y != env.Event.When.From.Year() {
			return "" // "the 2015 agreement concluded in Vienna": a background event
		}
		if t.is(lxEventNoun) {
			// "the second round of talks": the ordinal decides.
			return env.classifyMention(s, j).Ref
		}
		if t.is(lxReportingVerb) {
			return ""
		}
		if t.is(lxPredicateVerb) && !verb {
			if otherThing(toks, s, j) {
				return "" // "a framework reached in Lausanne", "the interim deal struck in Geneva"
			}
			return familySubject(predicateVerbs[t.Lower])
		}
		if t.is(lxEventVerb) {
			if !verb && t.is(lxSelfEventVerb) {
				selfVerb = true
			}
			verb = true
			continue
		}
		if isBlockingVerb(t) {
			if verb {
				continue
			}
			return ""
		}
		if t.Text == ";" || t.Text == ":" || (t.Text == "—" && !verb) {
			break
		}
	}
	// Rightwards up to the next comma: "On Saturday, the talks began",
	// "gathered on Monday for the funeral".
	_, cto := clauseBounds(toks, s, from)
	for j := to; j < cto && j < to+14; j++ {
		t := &toks[j]
		if t.Text == "," && (j > to || !atClauseStart(toks, s, from)) || t.is(lxSubordinator) {
			break // "mourning on Saturday after Abe was assassinated": another clause
		}
		if verb {
			// After an event verb only a noun naming the event can override.
			if t.is(lxEventNoun) && j <= to+4 {
				return env.classifyMention(s, j).Ref
			}
			continue
		}
		if t.is(lxEventNoun) {
			return env.classifyMention(s, j).Ref
		}
		if t.is(lxPredicateVerb) {
			return familySubject(predicateVerbs[t.Lower])
		}
		if t.is(lxReportingVerb) || isBlockingVerb(t) {
			return ""
		}
		if t.is(lxSelfEventVerb) {
			return meetingSubject
		}
	}
	if selfVerb {
		// "the two sides met in Muscat": a meeting, whatever the article's
		// main event ("the new King met the prime minister at Buckingham
		// Palace" in a report of a death is not the venue of the death).
		return meetingSubject
	}
	if verb {
		// "the talks were held in Rome": an event verb whose subject names
		// no other event.
		return MainEvent
	}
	return ""
}

// dayApposition returns the event noun of an apposition at token k that
// names a day of an event (", the first day of the summit", ", the final
// day of talks") and which day it is (0 for the last), or 0, 0.
func dayApposition(toks []Token, s Sentence, k int) (noun, day int) {
	if k+4 >= s.To || toks[k].Text != "," || toks[k+1].Lower != "the" || toks[k+3].Lower != "day" || toks[k+4].Lower != "of" {
		return 0, 0
	}
	switch w := toks[k+2].Lower; w {
	case "last", "final", "closing":
	default:
		n, ok := ordinals[w]
		if !ok {
			return 0, 0
		}
		day = n
	}
	for j := k + 5; j < s.To && j <= k+9; j++ {
		if toks[j].is(lxEventNoun) {
			return j, day
		}
		if toks[j].Kind == Punct && toks[j].Text != "-" {
			return 0, 0
		}
	}
	return 0, 0
}

// meetingSubject is the subject of a meeting a verb names.
const meetingSubject = MainEvent + ":meeting"

// selfEventVerbs carry their own event without a noun: "On Saturday, the
// two sides met in Muscat". Other event verbs ("began", "ended") need an
// event noun for subject.
var selfEventVerbs = map[string]bool{
	"met": true, "meet": true, "meets": true, "convened": true, "gathered": true, "negotiated": true,
}

// otherThing reports whether a participle at j modifies a noun phrase that
// names another thing than the main event: indefinite ("a framework
// reached") or qualified ("the interim accord agreed").
func otherThing(toks []Token, s Sentence, j int) bool {
	for k := j - 1; k >= s.From && k >= j-4; k-- {
		w := toks[k].Lower
		if toks[k].Kind == Punct || toks[k].is(lxReportingVerb|lxEventVerb) {
			return false
		}
		if w == "a" || w == "an" || w == "interim" || w == "framework" || w == "preliminary" || toks[k].is(lxOtherEventWord) {
			return true
		}
		if w == "the" || w == "this" || w == "that" {
			return false
		}
	}
	return false
}

// again reports whether the phrase's stretch between commas says the event
// repeats ("meet again"), which makes it another event than the one
// reported.
func (env *Env) again(s Sentence, i int) bool {
	from, to := i, i
	for from > s.From && !isCommaBreak(env.Tokens[from-1]) {
		from--
	}
	for to < s.To && !isCommaBreak(env.Tokens[to]) {
		to++
	}
	for k := from + 1; k < to; k++ {
		// "meet again", "met again": the event verb itself repeats.
		if env.Tokens[k].Lower == "again" && env.Tokens[k-1].is(lxEventVerb) {
			return true
		}
	}
	return false
}

var subordinators = map[string]bool{
	"after": true, "before": true, "following": true, "since": true, "when": true, "while": true,
	"because": true, "although": true, "until": true,
}

// isBlockingVerb is a past-tense verb that is not an event verb: a time or
// place beside it belongs to it ("imposed in 2018", "facilitated by Oman").
func isBlockingVerb(t *Token) bool {
	if t.Kind != Word || t.Upper {
		return false
	}
	w := t.Lower
	if irregularPasts[w] {
		return true
	}
	if len(w) < 5 || t.is(lxEventVerb|lxPredicateVerb) {
		return false
	}
	switch w {
	case "withdrew", "signed", "killed", "became", "visited", "arrived", "returned", "began":
		return true // not an event verb: checked above
	}
	return hasSuffix(w, "ed") && !hasSuffix(w, "eed") && w != "based" && w != "led"
}

// irregularPasts of change and report date what they say, not an event
// named before them: "the toll from Monday's earthquake rose above 5,000
// on Tuesday" dates the rise.
var irregularPasts = map[string]bool{
	"rose": true, "fell": true, "grew": true, "stood": true, "sank": true, "swelled": true, "spoke": true,
	"wrote": true, "brought": true, "sold": true, "bought": true, "paid": true,
}

// otherYearNear reports whether the comma-delimited stretch around tokens
// [from, to) names a year other than the main event's, used adverbially
// ("met in Moscow in 2011", "in 2018, talks in Vienna"): the phrase then
// speaks of that year, not of the reported event.
func (env *Env) otherYearNear(s Sentence, from, to int) bool {
	toks := env.Tokens
	if y, ok := env.openingYear(s, from); ok && (!env.Event.When.Known() || y != env.Event.When.From.Year()) {
		return true
	}
	lo, hi := from, to
	for lo > s.From && !isCommaBreak(toks[lo-1]) {
		lo--
	}
	for hi < s.To && !isCommaBreak(toks[hi]) {
		hi++
	}
	for k := lo; k < hi; k++ {
		if k >= from && k < to {
			continue
		}
		if y, ok := adverbialYear(toks, k); ok && (!env.Event.When.Known() || y != env.Event.When.From.Year()) {
			return true
		}
	}
	return false
}

// adverbialYear returns the year at token k when it dates something ("in
// 2011", "April 2021", "since 2018") rather than naming it ("the 2015 deal").
func adverbialYear(toks []Token, k int) (int, bool) {
	y, ok := yearToken(toks[k])
	if !ok || k == 0 {
		return 0, false
	}
	switch prev := toks[k-1].Lower; {
	case prev == "in" || prev == "since" || prev == "until" || prev == "by" || prev == "during" || prev == "of" || prev == "," ||
		prev == "after" || prev == "before":
		return y, true
	case toks[k-1].is(lxMonth):
		return y, true
	}
	return 0, false
}

var monthNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// atClauseStart reports whether only prepositions stand between the start
// of the sentence and token i: "On Saturday, the talks began".
func atClauseStart(toks []Token, s Sentence, i int) bool {
	for k := s.From; k < i; k++ {
		switch toks[k].Lower {
		case "on", "in", "at", "early", "late", "by", "last", "this", "next", "from":
		default:
			return false
		}
	}
	return true
}
