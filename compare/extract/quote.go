package extract

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// Quote finds direct quotes with their speaker and segment. A quote claim
// has Subject the speaker key ("person/<id>", "role:IR/foreign-minister",
// "name:<surname>", "anon:senior iranian diplomat" or "unknown"), Attr
// "quote", Value the normalised words and Speaker the speaker as written.
//
// Quotes of one word, and of two without a speaker, are scare quotes or
// quoted phrases ("good", "serious diplomacy"), not speech, and give no
// claim; nor do titles of works and labels ("so-called", "the book …").
var Quote = &Extractor{
	Name:  "quote",
	Kinds: []compare.Kind{compare.KindQuote},
	Run:   runQuote,
	add:   appendQuote,
}

// quoteMinWords is the shortest quote taken as speech by itself: one or
// two quoted words are a scare quote or a label far more often than a
// statement. Two words count when a speech verb gives them a speaker
// (Kishida said the killing was "utterly unforgivable"); one never does.
const (
	quoteMinWords   = 3
	quoteMinPartial = 2
)

// Speaker keys that are not resolved names.
const (
	SpeakerUnknown = "unknown"
	speakerAnon    = "anon:"
	speakerName    = "name:"
	speakerRole    = "role:"
	speakerPerson  = "person/"
)

// quoteSpan is one outermost quotation: Outer includes its marks, Inner is
// the quoted text. Open is false for the headline form where only the
// closing mark survives ("Neither side wants …’: Iran and …").
type quoteSpan struct {
	Outer, Inner compare.Span
	Open         bool
}

// Quote mark classes; a close mark only closes an opener of its class.
const (
	qmCurlyDouble = iota + 1
	qmStraightDouble
	qmCurlySingle
	qmStraightSingle
	qmGuillemet
)

type qmark struct {
	class int
	end   int // offset just after the opening mark
}

// findQuotes returns the outermost quotations of text, paragraph by
// paragraph (a line is a paragraph in plain text). Nested quotes stay inside
// their outer quote. Apostrophes ("Tehran’s", "don't", "the sides’ aims")
// are told from single quote marks by the runes around them.
func findQuotes(text []byte, masked func(int) bool) []quoteSpan {
	return appendQuoteSpans(nil, text, masked)
}

// appendQuoteSpans is findQuotes appending to out (a buffer a Scratch
// keeps, or nil).
func appendQuoteSpans(out []quoteSpan, text []byte, masked func(int) bool) []quoteSpan {
	for ls := 0; ls < len(text); {
		le := len(text)
		if n := bytes.IndexByte(text[ls:], '\n'); n >= 0 {
			le = ls + n
		}
		out = quotesInLine(text, ls, le, masked, out)
		ls = le + 1
	}
	return out
}

func quotesInLine(text []byte, ls, le int, masked func(int) bool, out []quoteSpan) []quoteSpan {
	// Lines nest few marks: the stack starts on the goroutine's stack.
	var stackBuf [8]qmark
	stack := stackBuf[:0]
	// held counts the marks of each class on the stack, so that has is
	// O(1): a line of unmatched openers would otherwise be quadratic.
	var held [qmGuillemet + 1]int
	push := func(class, end int) {
		stack = append(stack, qmark{class, end})
		held[class]++
	}
	found := false // a balanced quote was already found on this line
	prev := rune(0)
	prevAt := -1 // offset of prev, for the mask check at quote marks
	for i := ls; i < le; {
		if c := text[i]; c < utf8.RuneSelf && c != '"' && c != '\'' {
			// A run of ASCII without quote marks: only its last byte
			// matters, as the rune before the next mark.
			j := i + 1
			for j+8 <= le && !mayHoldQuote(binary.LittleEndian.Uint64(text[j:])) {
				j += 8
			}
			for j < le && text[j] < utf8.RuneSelf && text[j] != '"' && text[j] != '\'' {
				j++
			}
			prev, prevAt = rune(text[j-1]), j-1
			i = j
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text[i:le])
		}
		if !isQuoteRune(r) {
			// Most runes are not quote marks: remember them and move on;
			// the mask matters only around marks.
			prev, prevAt = r, i
			i += size
			continue
		}
		if masked != nil && masked(i) {
			prev, prevAt = ' ', i
			i += size
			continue
		}
		if prevAt >= 0 && masked != nil && masked(prevAt) {
			prev = ' '
		}
		next := rune(0)
		if i+size < le {
			next, _ = utf8.DecodeRune(text[i+size : le])
		}
		openCtx := isOpenBefore(prev) && next != 0 && !unicode.IsSpace(next)
		closeCtx := prev != 0 && !unicode.IsSpace(prev) && (next == 0 || !isWordRune(next))
		closeTo := func(class int) bool {
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].class == class {
					if k == 0 {
						out = append(out, quoteSpan{
							Outer: compare.Span{Start: stack[0].end - markLen(text, stack[0].end), End: i + size},
							Inner: compare.Span{Start: stack[0].end, End: i},
							Open:  true,
						})
						found = true
					}
					for _, m := range stack[k:] {
						held[m.class]--
					}
					stack = stack[:k]
					return true
				}
			}
			return false
		}
		has := func(class int) bool { return held[class] > 0 }
		unbalanced := func() {
			// The headline form: a closing mark with no opener, the quote
			// running from the start of the line to it, followed by a colon
			// or a dash or the end of the line.
			if len(stack) > 0 || found || !headlineCloser(text, i+size, le) {
				return
			}
			start := ls
			for start < i && (text[start] == ' ' || text[start] == '\t') {
				start++
			}
			if start < i {
				out = append(out, quoteSpan{Outer: compare.Span{Start: start, End: i + size}, Inner: compare.Span{Start: start, End: i}})
				found = true
			}
		}
		switch r {
		case '“', '„':
			if has(qmCurlyDouble) && closeCtx && !openCtx {
				closeTo(qmCurlyDouble) // a misused opening mark that closes
			} else {
				push(qmCurlyDouble, i+size)
			}
		case '”':
			switch {
			case has(qmCurlyDouble):
				closeTo(qmCurlyDouble)
			case has(qmStraightDouble):
				closeTo(qmStraightDouble)
			case openCtx && !closeCtx:
				push(qmCurlyDouble, i+size)
			default:
				unbalanced()
			}
		case '«':
			push(qmGuillemet, i+size)
		case '»':
			closeTo(qmGuillemet)
		case '"':
			switch {
			case has(qmStraightDouble) && (closeCtx || !openCtx):
				closeTo(qmStraightDouble)
			case has(qmCurlyDouble) && closeCtx && !openCtx:
				closeTo(qmCurlyDouble)
			case openCtx:
				push(qmStraightDouble, i+size)
			case closeCtx:
				unbalanced()
			}
		case '‘':
			if openCtx && !unicode.IsDigit(next) {
				push(qmCurlySingle, i+size)
			}
		case '’', '\'':
			class := qmCurlySingle
			if r == '\'' {
				class = qmStraightSingle
			}
			switch {
			case isWordRune(prev) && isWordRune(next):
				// an apostrophe inside a word
			case has(class) && closeCtx:
				closeTo(class)
			case class == qmCurlySingle && has(qmStraightSingle) && closeCtx:
				closeTo(qmStraightSingle)
			case class == qmStraightSingle && has(qmCurlySingle) && closeCtx:
				closeTo(qmCurlySingle)
			case class == qmStraightSingle && openCtx && unicode.IsLetter(next):
				push(qmStraightSingle, i+size)
			case closeCtx && unicode.IsLetter(prev):
				unbalanced()
			}
		}
		prev = r
		i += size
	}
	// A double quote left open at the end of a paragraph runs to its end:
	// quotes over several paragraphs repeat the opening mark only.
	if len(stack) > 0 && stack[0].class != qmCurlySingle && stack[0].class != qmStraightSingle {
		end := le
		for end > stack[0].end && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\r') {
			end--
		}
		if end > stack[0].end {
			out = append(out, quoteSpan{
				Outer: compare.Span{Start: stack[0].end - markLen(text, stack[0].end), End: end},
				Inner: compare.Span{Start: stack[0].end, End: end},
				Open:  true,
			})
		}
	}
	return out
}

// mayHoldQuote reports whether any of the eight bytes in x is a straight
// quote mark (double or single) or beyond ASCII (a byte of a curly quote),
// eight bytes at a time.
func mayHoldQuote(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	hasZero := func(v uint64) bool { return (v-ones)&^v&highs != 0 }
	return x&highs != 0 || hasZero(x^('"'*ones)) || hasZero(x^('\''*ones))
}

// markLen is the byte length of the rune that ends at end.
func markLen(text []byte, end int) int {
	_, n := utf8.DecodeLastRune(text[:end])
	return n
}

// isOpenBefore reports whether an opening quote mark may follow r.
func isOpenBefore(r rune) bool {
	switch r {
	case 0, '(', '[', '{', '—', '–', '-', '/', '“', '‘', '"', '\'', '«', ':':
		return true
	}
	return unicode.IsSpace(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// headlineCloser reports whether the text after an unmatched closing mark
// is what follows a headline quote: a colon, a dash or pipe separator, or
// the end of the line. "the sides’ aims" (a plural possessive) is not.
func headlineCloser(text []byte, i, le int) bool {
	for i < le && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i++
	}
	if i >= le {
		return true
	}
	r, _ := utf8.DecodeRune(text[i:le])
	switch r {
	case ':', '|', '—', '–':
		return true
	case '-':
		return i+1 < le && text[i+1] == ' '
	}
	return false
}

// speechVerbs introduce or follow a direct quote.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "stated": true, "states": true,
	"added": true, "adds": true, "noted": true, "notes": true, "wrote": true, "writes": true,
	"posted": true, "tweeted": true, "declared": true, "declares": true, "insisted": true, "insists": true,
	"warned": true, "warns": true, "argued": true, "argues": true, "explained": true, "explains": true,
	"asked": true, "asks": true, "replied": true, "remarked": true, "continued": true, "cautioned": true,
	"claimed": true, "claims": true, "announced": true, "emphasized": true, "emphasised": true,
	"stressed": true, "stresses": true, "urged": true, "acknowledged": true, "admitted": true,
	"conceded": true, "recalled": true, "quipped": true, "observed": true, "commented": true,
	"responded": true, "answered": true, "predicted": true, "vowed": true, "pledged": true,
	"asserted": true, "maintained": true, "suggested": true, "countered": true, "concluded": true,
	"reiterated": true, "affirmed": true, "confirmed": true, "tweets": true,
}

// isSpeechVerb reports whether a token is a verb of saying; "States" in
// "the United States" is not.
func isSpeechVerb(t *Token) bool {
	return t.Kind == Word && !t.Upper && t.is(lxSpeechVerb)
}

// sayVerbs are the plain verbs of saying, which take a clause.
var sayVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "stated": true,
	"added": true, "wrote": true, "writes": true,
}

// characterizeVerbs give a speaker's words for a thing: "Netanyahu called
// the accord “a bad mistake …”", "Truss described the Queen as “the rock
// …”". Right before the quote ("a group called “…”") they name a label.
var characterizeVerbs = map[string]bool{
	"called": true, "calls": true, "described": true, "describes": true, "branded": true,
	"labelled": true, "labeled": true, "dubbed": true, "termed": true,
}

// quoteLabelWords before a quote make it a title or a label, not speech.
var quoteLabelWords = map[string]bool{
	"so-called": true, "dubbed": true, "called": true, "titled": true, "entitled": true,
	"named": true, "nicknamed": true, "book": true, "film": true, "movie": true, "novel": true,
	"song": true, "album": true, "show": true, "series": true, "documentary": true, "play": true,
	"poem": true, "hashtag": true, "slogan": true, "phrase": true, "term": true, "word": true,
	"words": true, "motto": true, "headline": true, "operation": true, "campaign": true,
	"programme": true, "program": true, "doctrine": true, "plan": true, "policy": true,
	"known": true, "branded": true, "labelled": true, "labeled": true, "codenamed": true,
}

// quoteSmallWords may stay lower case in a title-case phrase.
var quoteSmallWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "or": true, "in": true, "on": true,
	"for": true, "to": true, "at": true, "by": true, "with": true, "from": true, "as": true,
}

// npBoundary words end a speaker phrase read backwards from its verb.
var npBoundary = map[string]bool{
	"and": true, "but": true, "or": true, "that": true, "while": true, "as": true, "when": true,
	"where": true, "which": true, "who": true, "after": true, "before": true, "because": true,
	"if": true, "though": true, "although": true, "since": true, "so": true, "yet": true,
	"whereas": true, "once": true, "then": true,
}

// beForms before a verb of saying make it a passive.
var beForms = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "being": true, "be": true}

// npAdverbs may stand between a speaker and the verb ("he later said").
var npAdverbs = map[string]bool{
	"also": true, "later": true, "then": true, "previously": true, "reportedly": true, "again": true,
	"further": true, "recently": true, "publicly": true, "separately": true, "earlier": true,
	"had": true, "has": true, "have": true, "would": true, "will": true, "once": true,
	"privately": true, "subsequently": true, "repeatedly": true,
}

// npStopAfter words end a speaker phrase read forwards after "said".
var npStopAfter = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "to": true, "after": true, "before": true,
	"while": true, "when": true, "from": true, "via": true, "as": true, "for": true, "and": true,
	"but": true, "with": true, "who": true, "which": true, "that": true, "this": true, "last": true,
	"yesterday": true, "today": true, "earlier": true, "later": true, "adding": true,
	"according": true, "speaking": true, "told": true,
}

// npDeterminers open a description rather than a name.
var npDeterminers = map[string]bool{
	"a": true, "an": true, "the": true, "one": true, "two": true, "three": true, "some": true,
	"several": true, "another": true, "other": true, "many": true, "its": true, "his": true,
	"her": true, "their": true,
}

// institutionHeads are capitalised heads that name a body, not a person.
var institutionHeads = map[string]bool{
	"house": true, "department": true, "ministry": true, "office": true, "council": true,
	"agency": true, "organization": true, "organisation": true, "committee": true,
	"government": true, "administration": true, "kremlin": true, "pentagon": true, "guard": true,
	"corps": true, "party": true, "times": true, "post": true, "news": true, "media": true,
	"press": true, "reuters": true, "irna": true, "tasnim": true, "fars": true, "isna": true,
	"embassy": true, "mission": true, "union": true, "nations": true, "iaea": true, "un": true,
	"nato": true, "eu": true, "bbc": true, "cnn": true, "axios": true, "journal": true,
	"statement": true, "spokesperson": true, "spokesman": true, "spokeswoman": true,
	"states": true, "kingdom": true, "republic": true, "palace": true, "court": true,
	// role nouns: "Foreign Minister" is a title, not a surname
	"minister": true, "president": true, "secretary": true, "envoy": true, "ambassador": true,
	"leader": true, "official": true, "officials": true, "diplomat": true, "negotiator": true,
	"director": true, "chief": true, "general": true, "commander": true, "senator": true,
	"lawmaker": true, "adviser": true, "advisor": true, "spokespersons": true, "premier": true,
	"chancellor": true, "king": true, "emir": true, "sultan": true, "ayatollah": true,
	"representative": true, "mediator": true, "source": true, "sources": true,
}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "we": true, "i": true, "it": true,
}

func runQuote(env *Env) []compare.Claim { return appendQuote(env, nil) }

func appendQuote(env *Env, out []compare.Claim) []compare.Claim {
	env.quotes = appendQuoteSpans(env.quotes[:0], env.Doc.Text, env.masked())
	spans := env.quotes
	if len(spans) == 0 {
		return out
	}
	sents := env.Sentences()
	var lastKey, lastSpeaker string
	lastTok := -1
	for qi, q := range spans {
		from, to := env.tokenAt(q.Inner.Start), env.tokenAt(q.Inner.End)
		words := 0
		for k := from; k < to; k++ {
			if env.Tokens[k].Kind != Punct {
				words++
			}
		}
		if words < quoteMinPartial {
			continue
		}
		qFrom, qTo := env.tokenAt(q.Outer.Start), env.tokenAt(q.Outer.End)
		seg := env.Doc.SegmentAt(q.Outer.Start)
		if env.quoteIsLabel(qFrom, from, to, seg) {
			continue
		}
		// The attribution looks no further than the neighbouring quotes.
		lo, hi := 0, len(env.Tokens)
		if qi > 0 {
			lo = env.tokenAt(spans[qi-1].Outer.End)
		}
		if qi+1 < len(spans) {
			hi = env.tokenAt(spans[qi+1].Outer.Start)
		}
		np, ok := env.quoteSpeaker(sents, qFrom, qTo, lo, hi, words < quoteMinWords)
		key, speaker := SpeakerUnknown, ""
		var related []compare.Span
		if ok {
			sp := compare.Span{Start: env.Tokens[np[0]].Span.Start, End: env.Tokens[np[1]-1].Span.End}
			speaker = env.slice(sp)
			related = []compare.Span{sp}
			key = env.speakerKey(np[0], np[1])
			if key == "" { // a pronoun: the speaker named just before
				key = SpeakerUnknown
				if lastKey != "" && qFrom-lastTok < 120 {
					key, speaker = lastKey, lastSpeaker
				} else if k, s := env.personBefore(qFrom, 80); k != "" {
					key, speaker = k, s
				}
			}
		}
		if key == SpeakerUnknown && qi > 0 && lastTok == lo && env.joinsQuotes(lo, qFrom) {
			// "… said the killing was “…” and “…”": one speaker for both.
			key, speaker = lastKey, lastSpeaker
		}
		if key != SpeakerUnknown {
			lastKey, lastSpeaker, lastTok = key, speaker, qTo
		}
		if words < quoteMinWords && key == SpeakerUnknown {
			continue // a quoted phrase nobody is said to have said
		}
		c := env.claim(compare.KindQuote, q.Outer, key, "quote", NormalizeQuote(env.slice(q.Inner)))
		c.Speaker = speaker
		c.Related = related
		out = append(out, c)
	}
	return out
}

// joinsQuotes reports whether the tokens [from, to) between two quotes
// only join them: "and", "or", a comma.
func (env *Env) joinsQuotes(from, to int) bool {
	for k := from; k < to; k++ {
		if t := &env.Tokens[k]; t.Lower != "and" && t.Lower != "or" && t.Text != "," && t.Lower != "but" {
			return false
		}
	}
	return to-from <= 2
}

// personBefore finds the last kb person named in the n tokens before
// token i, for a pronoun speaker.
func (env *Env) personBefore(i, n int) (string, string) {
	if env.Gaz == nil {
		return "", ""
	}
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if !env.Tokens[k].Upper {
			continue
		}
		m, ok := env.longestAt(k)
		if !ok {
			continue
		}
		if e, ok := m.Has(EntryPerson); ok {
			sp := compare.Span{Start: env.Tokens[m.From].Span.Start, End: env.Tokens[m.To-1].Span.End}
			return speakerPerson + e.ID, env.slice(sp)
		}
	}
	return "", ""
}

// quoteIsLabel reports whether the quote at tokens [from, to) (its opening
// mark at qFrom) names a work or labels a thing rather than reporting
// speech: "the so-called “maximum pressure” campaign", "the book “Fire and
// Fury”", or a title-case phrase in the body ("the “Axis of Resistance”").
func (env *Env) quoteIsLabel(qFrom, from, to int, seg compare.Segment) bool {
	for k := qFrom - 1; k >= 0 && k >= qFrom-3; k-- {
		t := &env.Tokens[k]
		if t.Kind == Punct && t.Text != "-" {
			break
		}
		if t.is(lxCharacterize) && k < qFrom-1 {
			continue // "called the accord “…”": the speaker's words
		}
		if quoteLabelWords[t.Lower] || (t.Lower == "as" && k > 0 && env.Tokens[k-1].Lower == "known") {
			return true
		}
	}
	if seg == compare.SegHeadline {
		return false // headlines are title case anyway
	}
	words, upper := 0, 0
	for k := from; k < to; k++ {
		switch t := &env.Tokens[k]; {
		case t.Kind == Number:
			words++
			upper++
		case t.Kind == Word:
			words++
			if t.Upper || quoteSmallWords[t.Lower] && words > 1 {
				upper++
			}
		}
	}
	return words <= 8 && upper == words && from < to && env.Tokens[from].Upper
}

// quoteSpeaker finds the speaker phrase of the quote whose marks span the
// tokens [qFrom, qTo), looking no further than [lo, hi) and the quote's
// sentences. It returns the phrase's token range. For a short quote a
// verb further back must be a plain verb of saying: "Kishida said the
// killing was “utterly unforgivable”", not "Washington stressed its
// commitment to “serious diplomacy”".
func (env *Env) quoteSpeaker(sents []Sentence, qFrom, qTo, lo, hi int, short bool) ([2]int, bool) {
	toks := env.Tokens
	// Before the quote: from the start of its sentence.
	sFrom := sentenceOf(sents, qFrom).From
	if qFrom < len(toks) && sentenceOf(sents, qFrom).To <= qFrom {
		sFrom = qFrom
	}
	pre0 := max(sFrom, lo)
	// After it: to the end of the sentence holding the closing mark.
	postEnd := qTo
	if qTo > 0 {
		postEnd = sentenceOf(sents, qTo-1).To
	}
	if qTo < len(toks) && !toks[qTo].Break {
		if s := sentenceOf(sents, qTo); s.From == qTo || postEnd <= qTo {
			postEnd = max(postEnd, s.To)
		}
	}
	postEnd = min(postEnd, hi)
	for k := qTo; k < postEnd; k++ {
		if toks[k].Break || (toks[k].Kind == Punct && (toks[k].Text == "." || toks[k].Text == "?" || toks[k].Text == "!") && k > qTo) {
			postEnd = k
			break
		}
	}

	// 1. "X said:" / "X told reporters," / "X wrote on X:" right before the quote.
	if np, ok := env.speakerBefore(pre0, qFrom, true, false); ok {
		return np, true
	}
	// 2. After the quote: "…," said X / "…," X said / "…," according to X.
	if np, ok := env.speakerAfter(qTo, postEnd); ok {
		return np, true
	}
	// 3. Further back in the sentence: "X said the talks were “…”".
	if np, ok := env.speakerBefore(pre0, qFrom, false, short); ok {
		return np, true
	}
	// 4. "X: “…”" — a name and a colon, as in headlines; in a headline
	// also "X - “…”" and "X to Y - “…”" (words addressed to Y).
	if qFrom-pre0 >= 2 && toks[qFrom-1].Text == ":" || qFrom-pre0 >= 2 && isDash(toks[qFrom-1].Text) &&
		env.Doc.SegmentAt(toks[qFrom].Span.Start) == compare.SegHeadline {
		a, b := pre0, qFrom-1
		if isDash(toks[qFrom-1].Text) {
			for k := a + 1; k < b; k++ {
				if toks[k].Lower == "to" {
					b = k
					break
				}
			}
		}
		if b-a <= 6 && toks[a].Upper {
			return [2]int{a, b}, true
		}
	}
	return [2]int{}, false
}

// speakerBefore finds "NP verb [object] [,:]" ending at the quote at qFrom.
// With adjacent set only a verb within a few tokens of the quote counts;
// with sayOnly only a plain verb of saying.
func (env *Env) speakerBefore(from, qFrom int, adjacent, sayOnly bool) ([2]int, bool) {
	toks := env.Tokens
	for v := qFrom - 1; v >= from; v-- {
		if adjacent && qFrom-v > 7 {
			break
		}
		t := &toks[v]
		if t.Lower == "according" && v+1 < qFrom && toks[v+1].Lower == "to" {
			// "According to X, “…”"
			a := v + 2
			b := a
			for b < qFrom && toks[b].Text != "," && toks[b].Kind != Punct || b < qFrom && isNamePunct(toks[b].Text) {
				b++
			}
			a = skipStatementBy(toks, a, b)
			if b > a {
				return [2]int{a, b}, true
			}
			continue
		}
		characterize := !adjacent && !sayOnly && t.Kind == Word && !t.Upper && t.is(lxCharacterize)
		if !characterize && (!isSpeechVerb(t) || sayOnly && !t.is(lxSayVerb)) {
			continue
		}
		if adjacent && !env.verbLeadsToQuote(v+1, qFrom) {
			continue
		}
		if v > from && toks[v-1].is(lxBeForm) {
			continue // a passive: "the deal was announced by …"
		}
		if np, ok := env.npBefore(from, v); ok {
			return np, true
		}
	}
	return [2]int{}, false
}

// verbLeadsToQuote reports whether the tokens between a speech verb and
// the quote are only an object and punctuation: "told reporters:",
// "wrote on X:", "said in a statement,", "said that".
func (env *Env) verbLeadsToQuote(from, to int) bool {
	if from >= to {
		return true
	}
	last := env.Tokens[to-1]
	if last.Text != "," && last.Text != ":" && last.Lower != "that" && last.Text != "—" && last.Text != "–" {
		return false
	}
	for k := from; k < to-1; k++ {
		if t := env.Tokens[k]; t.Kind == Punct && !isNamePunct(t.Text) && t.Text != "/" && t.Text != "," {
			return false
		}
	}
	return true
}

func isDash(s string) bool { return s == "-" || s == "—" || s == "–" }

func isNamePunct(s string) bool { return s == "." || s == "-" || s == "&" }

// npBefore reads the speaker phrase backwards from the verb at v: past
// adverbs ("later"), past a parenthetical between commas ("A senior
// diplomat, speaking on condition of anonymity, said"), up to a clause
// boundary.
func (env *Env) npBefore(from, v int) ([2]int, bool) {
	toks := env.Tokens
	j := v - 1
	for j >= from && toks[j].Kind == Word && toks[j].is(lxNPAdverb) {
		j--
	}
	if j > from && toks[j].Lower == "who" {
		// "… and Foreign Minister Zarif, who called it “…”"
		j--
		if toks[j].Text == "," {
			j--
		}
		end := j + 1
		a := end
		for a > from && end-a < 8 && (toks[a-1].Upper || isNamePunct(toks[a-1].Text) || isPossessive(toks[a-1])) {
			a--
		}
		if a < end {
			return [2]int{a, end}, true
		}
		return [2]int{}, false
	}
	if j >= from && toks[j].Text == "," {
		k := j - 1
		for k >= from && k >= j-14 && toks[k].Text != "," {
			k--
		}
		if k >= from && toks[k].Text == "," {
			j = k - 1
		} else {
			return [2]int{}, false
		}
	}
	end := j + 1
	a := end
	for a > from && end-a < 10 {
		t := &toks[a-1]
		if t.Kind == Punct && !isNamePunct(t.Text) {
			break
		}
		if t.Kind == Word && t.is(lxNPBoundary) {
			break
		}
		if isSpeechVerb(t) {
			break
		}
		a--
	}
	if a >= end {
		return [2]int{}, false
	}
	if toks[a].Break && a > from {
		// a paragraph break inside the window: keep the part after it
		return [2]int{a, end}, true
	}
	return [2]int{a, end}, true
}

// speakerAfter finds "said X", "X said" or "according to X" after the quote.
func (env *Env) speakerAfter(qTo, end int) ([2]int, bool) {
	toks := env.Tokens
	k := qTo
	for k < end && toks[k].Kind == Punct && !isNamePunct(toks[k].Text) {
		k++
	}
	if k >= end {
		return [2]int{}, false
	}
	if toks[k].Lower == "according" && k+1 < end && toks[k+1].Lower == "to" {
		a := skipStatementBy(toks, k+2, end)
		return env.npForward(a, end)
	}
	if isSpeechVerb(&toks[k]) {
		return env.npForward(k+1, end)
	}
	// "X said": a phrase of at most ten tokens then a speech verb.
	for v := k; v < end && v < k+11; v++ {
		t := &toks[v]
		if t.Kind == Punct && !isNamePunct(t.Text) && t.Text != "," {
			break
		}
		if isSpeechVerb(t) && v > k {
			np, ok := env.npBefore(k, v)
			if ok && np[0] == k {
				return np, true
			}
			return [2]int{}, false
		}
	}
	return [2]int{}, false
}

// skipStatementBy skips "a statement by" in "according to a statement by X".
func skipStatementBy(toks []Token, a, end int) int {
	for k := a; k < end && k < a+5; k++ {
		if toks[k].Lower == "by" || toks[k].Lower == "from" {
			return k + 1
		}
		if toks[k].Kind == Punct || toks[k].Upper {
			break
		}
	}
	return a
}

// npForward reads a speaker phrase after "said", with an appositive name:
// "said Iran's foreign minister, Abbas Araghchi".
func (env *Env) npForward(a, end int) ([2]int, bool) {
	toks := env.Tokens
	b := a
	for b < end && b-a < 10 {
		t := &toks[b]
		if t.Kind == Punct && !isNamePunct(t.Text) {
			break
		}
		if t.Kind == Word && t.is(lxNPStopAfter) {
			break
		}
		if t.Text == "." && b+1 < end && toks[b+1].Upper {
			break
		}
		b++
	}
	for b > a && toks[b-1].Text == "." {
		b--
	}
	if b <= a {
		return [2]int{}, false
	}
	if b+1 < end && toks[b].Text == "," && toks[b+1].Upper && !toks[b-1].Upper {
		c := b + 1
		for c < end && (toks[c].Upper || toks[c].Text == "-") && c-b < 5 {
			c++
		}
		if c >= end || toks[c].Kind == Punct {
			b = c
		}
	}
	return [2]int{a, b}, true
}

// speakerKey turns the speaker phrase at tokens [a, b) into a key: the kb
// person it names, else the office it names, else a surname, else the
// description. It returns "" for a pronoun.
func (env *Env) speakerKey(a, b int) string {
	toks := env.Tokens[a:b]
	if len(toks) == 1 && pronouns[toks[0].Lower] {
		return ""
	}
	var role, country string
	if env.Gaz != nil {
		for i := 0; i < len(toks); {
			m, ok := env.Gaz.longest(toks, i, env.knownWords())
			if !ok {
				i++
				continue
			}
			if e, ok := m.Has(EntryPerson); ok {
				return speakerPerson + e.ID
			}
			if e, ok := m.Has(EntryRole); ok && role == "" {
				role = e.ID
				if e.Country != "" {
					country = e.Country
				}
			}
			for _, k := range []EntryKind{EntryCountry, EntryDemonym, EntryCapital} {
				if e, ok := m.Has(k); ok && country == "" {
					country = e.ID
				}
			}
			i = m.To
		}
	}
	// A capitalised head that is neither a body nor a title is a surname:
	// "Abbas Araghchi", "the Iranian spokesman Baghaei".
	last := toks[len(toks)-1]
	if last.Kind == Word && last.Upper && !institutionHeads[last.Lower] {
		n := len(toks) - 1
		for n > 0 && toks[n-1].Kind == Word && toks[n-1].Upper && !institutionHeads[toks[n-1].Lower] {
			n--
		}
		if p := env.resolvePerson(toks[n:]); p != "" {
			return speakerPerson + p
		}
		return speakerName + kb.Fold(last.Text)
	}
	if role != "" {
		if p := env.roleHolder(country, role); p != "" {
			return speakerPerson + p
		}
		if country != "" {
			return speakerRole + country + "/" + role
		}
	}
	// The words, lower-case and space-separated, "'s" joined to the word
	// before it, built in one string.
	var sb strings.Builder
	size := len(speakerAnon)
	for _, t := range toks {
		size += len(t.Lower) + 1
	}
	words := 0
	for i, t := range toks {
		if i == 0 && npDeterminers[t.Lower] {
			continue
		}
		if t.Kind == Punct && t.Text != "." {
			continue
		}
		if t.Lower == "'s" || t.Lower == "’s" {
			if words > 0 {
				sb.WriteString("'s")
			}
			continue
		}
		if words == 0 {
			sb.Grow(size)
			sb.WriteString(speakerAnon)
		} else {
			sb.WriteByte(' ')
		}
		words++
		if strings.Contains(t.Lower, "’") {
			sb.WriteString(strings.ReplaceAll(t.Lower, "’", "'"))
		} else {
			sb.WriteString(t.Lower)
		}
	}
	if words == 0 {
		return SpeakerUnknown
	}
	return sb.String()
}

// resolvePerson is the kb person a written name denotes (spelling
// variants included: "Araqchi"), when one stands out, or "".
func (env *Env) resolvePerson(name []Token) string {
	if env.KB == nil || len(name) == 0 {
		return ""
	}
	text := env.slice(compare.Span{Start: name[0].Span.Start, End: name[len(name)-1].Span.End})
	var mbuf [4]kb.Match
	ms := env.KB.AppendResolve(mbuf[:0], text, env.Event.When.From, "")
	if len(ms) == 0 || ms[0].Score < 0.8 || len(ms) > 1 && ms[1].Score >= ms[0].Score {
		return ""
	}
	return ms[0].Person
}

// roleHolder is the one person holding the country's office of the role
// at the time of the document's event, or "".
func (env *Env) roleHolder(country, role string) string {
	if env.KB == nil || country == "" {
		return ""
	}
	off, ok := env.KB.OfficeFor(country, role)
	if !ok {
		return ""
	}
	day := env.Event.When.From
	if day.IsZero() {
		day = env.Doc.Reference
	}
	if day.IsZero() {
		return ""
	}
	hs := env.KB.Holders(off.ID, day)
	if len(hs) != 1 {
		return ""
	}
	return hs[0].Person
}

// NormalizeQuote is the canonical form of quoted text: lower case, quote
// marks and apostrophes folded to straight ones, dashes spaced, spaces
// collapsed, leading and trailing punctuation dropped.
func NormalizeQuote(s string) string {
	var buf [256]byte
	b := buf[:0]
	// A space is written only before the next word, and only after one:
	// runs of spaces collapse and none leads or trails.
	space := false
	emit := func(r rune) {
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	for _, r := range s {
		switch r {
		case '“', '”', '„', '«', '»':
			r = '"'
		case '‘', '’', '`':
			r = '\''
		case '—', '–':
			space = true
			emit('-')
			space = true
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		emit(unicode.ToLower(r))
	}
	b = bytes.TrimFunc(b, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '…'
	})
	return string(b)
}

// isQuoteRune reports the marks quotesInLine handles.
func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‘', '’', '\'':
		return true
	}
	return false
}
