// Package extract turns a loaded document into claims. One file per claim
// kind; All lists the extractors explicitly. Extractors share the work done
// once per document (tokens, temporal expressions, the main event) through
// an Env, and never search the text again for what they matched: spans
// travel from the token to the claim.
package extract

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/extract/temporal"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// Extractor finds the claims of some kinds in one document.
type Extractor struct {
	Name  string
	Kinds []compare.Kind
	Run   func(env *Env) []compare.Claim
	// add is Run appending to a slice, which lets Run (the function
	// below) gather every extractor's claims in one.
	add func(env *Env, out []compare.Claim) []compare.Claim
}

// All returns every extractor, in a fixed order.
func All() []*Extractor {
	return []*Extractor{
		Temporal,
		Ordinal,
		Location,
		EventYear,
		Office,
		Administration,
		Quote,
		Quantity,
	}
}

// Env is the per-document state extractors share. It is built once per
// document by NewEnv (or Scratch.NewEnv, on reused buffers) and read-only
// afterwards.
type Env struct {
	Doc    *compare.Document
	KB     *kb.KB
	Tokens []Token
	// Timexes are the document's temporal expressions, resolved against
	// its reference time.
	Timexes []temporal.Timex
	// Event is the document's main event.
	Event Event
	// Gaz finds kb names (places, countries, offices, people) in text.
	Gaz *Gazetteer
	// Opt carries run options that change extraction.
	Opt Options
	// dating is true while the main event is being dated, before it is
	// known whether the event is upcoming.
	dating bool

	// Computed once, on first use (split and scanned say when), into
	// buffers a Scratch keeps from one document to the next.
	sents   []Sentence
	split   bool
	matches []Match
	scanned bool
	// quotes is the quote extractor's buffer of quote spans.
	quotes []quoteSpan
	// tokGaz is the gazetteer the tokens carry word ids of.
	tokGaz *Gazetteer
	// text is Doc.Text as a string, which the tokens' texts are
	// substrings of ("" when the Env was not made by NewEnv).
	text string
	// timexBuf is the tagger's scratch when a Scratch made the Env (nil:
	// the tagger allocates its own).
	timexBuf *temporal.Buffers
}

// Matches returns the gazetteer's matches over the whole document.
func (env *Env) Matches() []Match {
	if !env.scanned && env.Gaz != nil {
		env.matches = env.Gaz.appendScan(env.matches[:0], env.Tokens, env.knownWords())
		env.scanned = true
	}
	return env.matches
}

// knownWords reports whether the tokens carry their word ids in env.Gaz.
func (env *Env) knownWords() bool { return env.Gaz != nil && env.Gaz == env.tokGaz }

// longest is env.Gaz.Longest(env.Tokens, i).
func (env *Env) longest(i int) (Match, bool) {
	return env.Gaz.longest(env.Tokens, i, env.knownWords())
}

// matchEndingAfter is the index of the first match ending after token i
// (len(ms) when none).
func matchEndingAfter(ms []Match, i int) int {
	lo, hi := 0, len(ms)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ms[mid].To <= i {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// longestAt is env.longest(i), read off the document's matches where
// Matches already looked: it tried every token not inside a match.
func (env *Env) longestAt(i int) (Match, bool) {
	ms := env.Matches()
	lo := matchEndingAfter(ms, i)
	switch {
	case lo == len(ms) || ms[lo].From > i:
		return Match{}, false // looked at, nothing starts here
	case ms[lo].From == i:
		return ms[lo], true
	}
	return env.longest(i) // inside a match: not looked at
}

// masked is env.Doc.Masked, or nil when nothing is masked (Masked is then
// always false: no need to ask).
func (env *Env) masked() func(int) bool {
	if len(env.Doc.Mask) == 0 {
		return nil
	}
	return env.Doc.Masked
}

// Options change extraction for a run.
type Options struct {
	DayFirst bool // numeric dates read day-first
}

// NewEnv tokenises the document, tags its temporal expressions and finds
// its main event.
func NewEnv(doc *compare.Document, k *kb.KB, gaz *Gazetteer, opt Options) *Env {
	env := &Env{Doc: doc, KB: k, Gaz: gaz, Opt: opt}
	env.init()
	return env
}

// init does the work of NewEnv on an Env holding its document, kb,
// gazetteer and options, tokenising into env.Tokens[:0].
func (env *Env) init() {
	doc := env.Doc
	masked := env.masked()
	env.Tokens, env.text = tokenize(env.Tokens[:0], doc.Text, masked, env.Gaz)
	env.tokGaz = env.Gaz
	env.Timexes = temporal.Tag(doc.Text, doc.Reference, temporal.Options{DayFirst: env.Opt.DayFirst, Mask: masked, Buffers: env.timexBuf})
	findEvent(env)
}

// Run extracts the claims of the given kinds (all kinds when kinds is
// empty), sorted by offset then kind.
func Run(env *Env, kinds []compare.Kind) []compare.Claim {
	// Articles give a claim every twenty-odd tokens.
	out := AppendRun(make([]compare.Claim, 0, len(env.Tokens)/24+4), env, kinds)
	if len(out) == 0 {
		return nil
	}
	return out
}

// AppendRun is Run appending the claims to dst, which is left as it was:
// only the claims appended are sorted. With a dst reused from document to
// document (see Scratch), extraction allocates no claims slice.
func AppendRun(dst []compare.Claim, env *Env, kinds []compare.Kind) []compare.Claim {
	out, start := dst, len(dst)
	for _, x := range All() {
		if len(kinds) > 0 && !wantsAny(kinds, x.Kinds) {
			continue
		}
		n := len(out)
		if x.add != nil {
			out = x.add(env, out)
		} else {
			out = append(out, x.Run(env)...)
		}
		if len(kinds) > 0 {
			kept := slices.DeleteFunc(out[n:], func(c compare.Claim) bool { return !slices.Contains(kinds, c.Kind) })
			out = out[:n+len(kept)]
		}
	}
	SortClaims(out[start:])
	return out
}

func wantsAny(want, kinds []compare.Kind) bool {
	for _, k := range kinds {
		if slices.Contains(want, k) {
			return true
		}
	}
	return false
}

// SortClaims orders claims by document, offset, kind, slot and value.
// It sorts their indexes and then moves each claim once: a claim is large,
// and a sort would copy it at every comparison and swap.
func SortClaims(cs []compare.Claim) {
	if len(cs) < 2 || ClaimsSorted(cs) {
		return
	}
	var buf [64]int32
	idx := buf[:0]
	if len(cs) > len(buf) {
		idx = make([]int32, 0, len(cs))
	}
	for i := range cs {
		idx = append(idx, int32(i))
	}
	slices.SortStableFunc(idx, func(a, b int32) int { return compareClaims(&cs[a], &cs[b]) })
	// Position i takes cs[idx[i]]: follow each cycle of the permutation
	// with one claim held aside.
	for i := range idx {
		if idx[i] == int32(i) {
			continue
		}
		held := cs[i]
		j := i
		for {
			k := int(idx[j])
			idx[j] = int32(j)
			if k == i {
				cs[j] = held
				break
			}
			cs[j] = cs[k]
			j = k
		}
	}
}

// ClaimsSorted reports whether cs is in SortClaims order already, as the
// claims of a story are when each article's come sorted, in ID order.
func ClaimsSorted(cs []compare.Claim) bool {
	for i := 1; i < len(cs); i++ {
		if compareClaims(&cs[i-1], &cs[i]) > 0 {
			return false
		}
	}
	return true
}

func compareClaims(a, b *compare.Claim) int {
	if a.Doc.ID != b.Doc.ID {
		return strings.Compare(a.Doc.ID, b.Doc.ID)
	}
	if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Span.End, b.Span.End); c != 0 {
		return c
	}
	if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
		return c
	}
	// The slots are Kind+":"+Subject+"/"+Attr, and the kinds are equal.
	if c := compareJoined(a.Subject, a.Attr, b.Subject, b.Attr); c != 0 {
		return c
	}
	return strings.Compare(a.Value, b.Value)
}

// compareJoined compares x1+"/"+x2 with y1+"/"+y2, building them only
// when one of x1 and y1 is a prefix of the other.
func compareJoined(x1, x2, y1, y2 string) int {
	switch {
	case x1 == y1:
		return strings.Compare(x2, y2)
	case !strings.HasPrefix(x1, y1) && !strings.HasPrefix(y1, x1):
		return strings.Compare(x1, y1)
	}
	return strings.Compare(x1+"/"+x2, y1+"/"+y2)
}

// claim builds a claim on the env's document with its segment filled in.
func (env *Env) claim(kind compare.Kind, span compare.Span, subject, attr, value string) compare.Claim {
	if subject == MainEvent {
		subject = env.Event.Subject()
	}
	return compare.Claim{
		Kind:    kind,
		Doc:     env.Doc,
		Span:    span,
		Subject: subject,
		Attr:    attr,
		Value:   value,
		Text:    env.slice(span),
		Segment: env.Doc.SegmentAt(span.Start),
		When:    env.Event.When,
	}
}

// slice is env.Doc.Slice(span), a substring of the tokenised text when
// there is one rather than a copy.
func (env *Env) slice(span compare.Span) string {
	if len(env.text) != len(env.Doc.Text) || span.Start < 0 || span.End > len(env.text) || span.Start > span.End {
		return env.Doc.Slice(span)
	}
	return env.text[span.Start:span.End]
}

// day truncates t to UTC midnight.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
