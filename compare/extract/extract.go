// Package extract turns a loaded document into claims. One file per claim
// kind; All lists the extractors explicitly. Extractors share the work done
// once per document (tokens, temporal expressions, the main event) through
// an Env, and never search the text again for what they matched: spans
// travel from the token to the claim.
package extract

import (
	"sort"
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
// document by NewEnv and read-only afterwards.
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

	// Computed once, on first use.
	sents   []Sentence
	matches []Match
	scanned bool
}

// Matches returns the gazetteer's matches over the whole document.
func (env *Env) Matches() []Match {
	if !env.scanned && env.Gaz != nil {
		env.matches = env.Gaz.Scan(env.Tokens)
		env.scanned = true
	}
	return env.matches
}

// Options change extraction for a run.
type Options struct {
	DayFirst bool // numeric dates read day-first
}

// NewEnv tokenises the document, tags its temporal expressions and finds
// its main event.
func NewEnv(doc *compare.Document, k *kb.KB, gaz *Gazetteer, opt Options) *Env {
	env := &Env{Doc: doc, KB: k, Gaz: gaz, Opt: opt}
	env.Tokens = Tokenize(doc.Text, doc.Masked)
	env.Timexes = temporal.Tag(doc.Text, doc.Reference, temporal.Options{DayFirst: opt.DayFirst, Mask: doc.Masked})
	findEvent(env)
	return env
}

// Run extracts the claims of the given kinds (all kinds when kinds is
// empty), sorted by offset then kind.
func Run(env *Env, kinds []compare.Kind) []compare.Claim {
	want := map[compare.Kind]bool{}
	for _, k := range kinds {
		want[k] = true
	}
	var out []compare.Claim
	for _, x := range All() {
		if len(kinds) > 0 && !wantsAny(want, x.Kinds) {
			continue
		}
		for _, c := range x.Run(env) {
			if len(kinds) == 0 || want[c.Kind] {
				out = append(out, c)
			}
		}
	}
	SortClaims(out)
	return out
}

func wantsAny(want map[compare.Kind]bool, kinds []compare.Kind) bool {
	for _, k := range kinds {
		if want[k] {
			return true
		}
	}
	return false
}

// SortClaims orders claims by document, offset, kind, slot and value.
func SortClaims(cs []compare.Claim) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.Doc.ID != b.Doc.ID {
			return a.Doc.ID < b.Doc.ID
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Slot() != b.Slot() {
			return a.Slot() < b.Slot()
		}
		return a.Value < b.Value
	})
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
		Text:    env.Doc.Slice(span),
		Segment: env.Doc.SegmentAt(span.Start),
		When:    env.Event.When,
	}
}

// day truncates t to UTC midnight.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
