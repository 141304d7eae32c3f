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
	ref := env.attachRaw(s, from, to)
	if ref == MainEvent && env.clauseTense(s, from) == "earlier" {
		return ""
	}
	return ref
}

func (env *Env) attachRaw(s Sentence, from, to int) string {
	toks := env.Tokens
	// "Saturday's talks", "the Oman talks".
	k := to
	if k < s.To && toks[k].Lower == "'s" || k < s.To && toks[k].Lower == "’s" {
		k++
	}
	if k < s.To {
		if _, ok := eventNouns[toks[k].Lower]; ok {
			return env.classifyMention(s, k).Ref
		}
	}
	// Leftwards: the nearest event noun, event verb or blocking verb.
	verb := false
	for j := from - 1; j >= s.From && j >= from-16; j-- {
		t := toks[j]
		w := t.Lower
		if _, ok := eventNouns[w]; ok {
			if w == "round" || w == "rounds" {
				// "the second round of talks": the ordinal decides.
				return env.classifyMention(s, j).Ref
			}
			return env.classifyMention(s, j).Ref
		}
		if reportingVerbs[w] {
			return ""
		}
		if eventVerbs[w] {
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
	if verb {
		// "the two sides met in Muscat": an event verb whose subject is the
		// parties, not an event noun.
		return MainEvent
	}
	// Rightwards within the clause: "On Saturday, the talks began".
	_, cto := clauseBounds(toks, s, from)
	for j := to; j < cto && j < to+14; j++ {
		t := toks[j]
		w := t.Lower
		if _, ok := eventNouns[w]; ok {
			return env.classifyMention(s, j).Ref
		}
		if reportingVerbs[w] || isBlockingVerb(t) {
			return ""
		}
		if eventVerbs[w] && w != "set" && w != "due" {
			return MainEvent
		}
	}
	return ""
}

// isBlockingVerb is a past-tense verb that is not an event verb: a time or
// place beside it belongs to it ("imposed in 2018", "facilitated by Oman").
func isBlockingVerb(t Token) bool {
	if t.Kind != Word || t.Upper || len(t.Lower) < 5 {
		return false
	}
	w := t.Lower
	if eventVerbs[w] {
		return false
	}
	switch w {
	case "withdrew", "signed", "killed", "died", "left", "won", "lost", "fled", "became",
		"visited", "arrived", "returned", "flew", "sent", "began", "made", "gave", "took":
		return !eventVerbs[w]
	}
	return hasSuffix(w, "ed") && !hasSuffix(w, "eed") && w != "based" && w != "led"
}
