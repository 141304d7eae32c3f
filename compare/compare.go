// Package compare is the vocabulary of crosscheck: documents, the claims
// extracted from them, the groups align builds, the findings rules report
// and the report the printers render. It holds types and small pure helpers
// only; every stage of the pipeline speaks in these terms.
package compare

import (
	"bytes"
	"sort"
	"time"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) in Document.Text.
type Span struct{ Start, End int }

// Len is the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether the spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Segment is the part of an article a span lies in.
type Segment string

// The segments of an article. The headline block may span several lines
// (a headline and a repeated or secondary headline); the lede is the first
// paragraph of prose after it.
const (
	SegHeadline Segment = "headline"
	SegLede     Segment = "lede"
	SegBody     Segment = "body"
)

// Section is a segment with its byte range.
type Section struct {
	Segment Segment
	Span    Span
}

// Position is a 1-based line and column; Column counts Unicode code points.
type Position struct{ Line, Column int }

// Document is one loaded article. Text holds the original bytes of the
// file (or JSONL field); every Span indexes into it. Markup, front matter
// and comments stay in Text and are listed in Mask, so offsets stay true.
type Document struct {
	ID    string // base name without extension, or the JSONL record id; unique in a run
	Path  string // as given on the command line, or path#line for JSONL records
	Title string
	// Outlet and URL are empty when unknown.
	Outlet, URL string
	// Published is nil when unknown; PublishedFrom says where it came from
	// ("front-matter:date", "html:meta", "json-ld", "jsonl", "dateline").
	Published     *time.Time
	PublishedFrom string
	// Reference is the time relative expressions resolve against; see
	// docs/ARCHITECTURE.md, "The time model". ReferenceFrom says which rule
	// chose it ("as-of", "published", "story", "run-date").
	Reference     time.Time
	ReferenceFrom string
	// Story groups documents about one story when the input says so.
	Story string
	// Line is the 1-based line of Text's first byte in the file Path names
	// (JSONL records and HTML bodies start further down); LineBase maps
	// offsets for printing.
	Text      []byte
	Mask      []Span    // not prose: front matter, markup, comments
	Sections  []Section // headline block, lede, body; sorted, non-overlapping
	Sentences []Span    // prose sentences, sorted
	// Ignores are inline suppressions found while loading (Markdown/HTML
	// comments, front matter); check applies them.
	Ignores []Ignore
	// Source maps a Text offset to the offset in the original file when
	// Text is not the file's bytes (HTML bodies, JSON-escaped records).
	// Nil means identity.
	Source func(off int) (path string, line, col int)

	lineStarts []int
}

// Ignore is an inline suppression directive.
type Ignore struct {
	Rule   string // rule name or "all"
	Reason string
	Until  *time.Time
	Span   Span // the region it covers
	At     Span // where the directive itself stands
	// Block is true for a disable…enable region, false for the next paragraph.
	Block bool
}

// IndexLines records the start of every line; call once after Text is set.
// Position builds the index itself when it is missing, but only calls from
// one goroutine at a time may do that.
func (d *Document) IndexLines() {
	n := bytes.Count(d.Text, []byte{'\n'}) + 1
	if cap(d.lineStarts) < n {
		d.lineStarts = make([]int, 0, n) // one exact allocation
	}
	d.lineStarts = append(d.lineStarts[:0], 0)
	for i := 0; ; {
		j := bytes.IndexByte(d.Text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		d.lineStarts = append(d.lineStarts, i)
	}
}

// DropLineIndex frees the index IndexLines built, for a document that
// maps its positions through Source from now on. Position rebuilds it if
// asked again.
func (d *Document) DropLineIndex() { d.lineStarts = nil }

// Position converts a byte offset into a 1-based line and code-point column.
func (d *Document) Position(off int) Position {
	if d.lineStarts == nil {
		d.IndexLines()
	}
	if off < 0 {
		off = 0
	}
	if off > len(d.Text) {
		off = len(d.Text)
	}
	i := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	start := d.lineStarts[i]
	return Position{Line: i + 1, Column: runeCount(d.Text[start:off]) + 1}
}

// runeCount is utf8.RuneCount without its allocation: that converts the
// part of its input from the first non-ASCII byte on to a string, a copy
// on the heap past 32 bytes.
func runeCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); n++ {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(p[i:])
		i += size
	}
	return n
}

// SegmentAt returns the segment containing off (body when none is listed).
func (d *Document) SegmentAt(off int) Segment {
	for _, s := range d.Sections {
		if s.Span.Start <= off && off < s.Span.End {
			return s.Segment
		}
	}
	return SegBody
}

// SentenceAt returns the sentence containing off, or a zero span.
func (d *Document) SentenceAt(off int) Span {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > off })
	if i < len(d.Sentences) && d.Sentences[i].Start <= off {
		return d.Sentences[i]
	}
	return Span{}
}

// Masked reports whether off lies in markup or front matter.
func (d *Document) Masked(off int) bool {
	i := sort.Search(len(d.Mask), func(i int) bool { return d.Mask[i].End > off })
	return i < len(d.Mask) && d.Mask[i].Start <= off
}

// Slice returns the text of a span.
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return string(d.Text[s.Start:s.End])
}

// Kind is the kind of a claim, and of the finding about it.
type Kind string

// Claim and finding kinds; the JSON contract lists them.
const (
	KindWeekday        Kind = "weekday"
	KindDate           Kind = "date"
	KindOffice         Kind = "office"
	KindAdministration Kind = "administration"
	KindOrdinal        Kind = "ordinal"
	KindLocation       Kind = "location"
	KindQuantity       Kind = "quantity"
	KindQuote          Kind = "quote"
	KindEra            Kind = "era"
	KindTimex          Kind = "timex" // any temporal expression, for extract output
)

// Granularity of a time value, coarsest last.
type Granularity int

// Granularities.
const (
	GranUnknown Granularity = iota
	GranDay
	GranWeek
	GranMonth
	GranQuarter
	GranSeason
	GranYear
	GranDecade
	GranInterval
)

// TimeRef is the time a claim speaks of: the half-open interval
// [From, To) at the given granularity. The zero value means unknown.
type TimeRef struct {
	From, To time.Time
	Gran     Granularity
	// Basis says why: "event" (the article's main event), "reference",
	// "marker:former", "marker:then", "explicit", "past".
	Basis string
}

// Known reports whether the time is set.
func (t TimeRef) Known() bool { return !t.From.IsZero() }

// Claim is one statement extracted from a document.
type Claim struct {
	Kind Kind
	Doc  *Document `json:"-"` // reports render claims with the document's ID and path
	Span Span
	// Subject is what the claim is about: an event ("talks") or an entity
	// ("IR/foreign-minister"); Subject+"/"+Attr is the slot align groups by.
	Subject string
	Attr    string
	// Value is canonical: "2025-04-11", "2025-04", "Friday",
	// "person/hossein-amir-abdollahian", "2", "OM/muscat".
	Value string
	When  TimeRef
	Text  string // as written
	// Segment is where the claim stands (headline, lede, body).
	Segment Segment

	// Kind-specific details; zero when they do not apply.
	Timex     string  // TIMEX3 value for temporal claims
	TimexType string  // DATE, TIME, DURATION, SET
	Speaker   string  // quotes: who is quoted, canonical when known
	Marker    string  // "former", "then", "late", "acting", …
	Low, High float64 // quantities: the interval the figure allows
	Unit      string  // quantities: "hour", "%", "USD", "vote", …
	Related   []Span  // other spans that support the claim (a speaker's name)
	// Valid is the window in which a time-bounded claim can be true (the
	// named person's term, a president's time in office); nil otherwise.
	Valid *Window
	// Evidence is the kb fact Valid rests on.
	Evidence []Evidence
}

// Window is a time interval; a zero bound is open.
type Window struct {
	From, To time.Time
}

// Intersect returns the overlap of two windows and whether it is non-empty.
func (w Window) Intersect(o Window) (Window, bool) {
	r := w
	if r.From.IsZero() || (!o.From.IsZero() && o.From.After(r.From)) {
		r.From = o.From
	}
	if r.To.IsZero() || (!o.To.IsZero() && o.To.Before(r.To)) {
		r.To = o.To
	}
	ok := r.From.IsZero() || r.To.IsZero() || r.From.Before(r.To)
	return r, ok
}

// Contains reports whether t lies in [From, To).
func (w Window) Contains(t time.Time) bool {
	return (w.From.IsZero() || !t.Before(w.From)) && (w.To.IsZero() || t.Before(w.To))
}

// AtEventTime reports whether a claim speaks of the time of its article's
// main event (or the article's reference time), as opposed to an earlier
// time a marker or the context gives, or an unknown time: an article with
// no date of its own whose text does not date its event.
func (c Claim) AtEventTime() bool {
	if !c.When.Known() || (c.When.Basis != "event" && c.When.Basis != "reference") {
		return false
	}
	return c.Doc == nil || c.Doc.ReferenceFrom != "run-date" || c.When.Basis == "event"
}

// Slot is the alignment key of a claim.
func (c Claim) Slot() string { return string(c.Kind) + ":" + c.Subject + "/" + c.Attr }

// Type is the type of a finding.
type Type string

// Finding types.
const (
	Agreement     Type = "agreement"
	Contradiction Type = "contradiction"
	Anachronism   Type = "anachronism"
)

// Severity of a finding; higher is more severe.
type Severity int

// Severities.
const (
	SeverityNone Severity = iota
	Info
	Warning
	Error
)

var severityNames = [...]string{"none", "info", "warning", "error"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return "unknown"
	}
	return severityNames[s]
}

// ParseSeverity parses "none", "info", "warning" or "error".
func ParseSeverity(s string) (Severity, bool) {
	for i, n := range severityNames {
		if n == s {
			return Severity(i), true
		}
	}
	return 0, false
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Evidence is a knowledge-base fact a finding rests on.
type Evidence struct {
	Text   string // "Hossein Amir-Abdollahian: foreign minister of Iran 2021-08-25 – 2024-05-19 (died 2024-05-19)"
	Source string // where the fact comes from
	// The fact as data, for timelines: a term of office (Person, Office,
	// From, To) or a death (Person, Died). Zero fields do not apply.
	Person string
	Office string
	From   *time.Time
	To     *time.Time
	Died   *time.Time
}

// DiffOp is one operation of a word diff.
type DiffOp struct {
	Op   string `json:"op"` // "equal", "delete", "insert"
	Text string `json:"text"`
}

// Diff is a word diff between two texts, A as stated first and B as
// stated in the other place.
type Diff struct {
	A       string   `json:"a"`
	B       string   `json:"b"`
	Ops     []DiffOp `json:"ops"`
	Unified string   `json:"unified"` // "Neither side wants [-unproductive discussions-]{+talks …+}"
}

// Finding is what a rule reports: a primary claim, the claims it is
// compared with, and the evidence it rests on.
type Finding struct {
	ID       string // F1, F2, … in report order
	Rule     string
	Type     Type
	Kind     Kind
	Severity Severity
	Subject  string
	Message  string
	Claims   []Claim // primary first
	Evidence []Evidence
	Diff     *Diff
	// Fingerprint identifies the finding across edits: the rule and the
	// normalised claims, never line numbers.
	Fingerprint string
	// Suppressed says why a finding was kept out of the results (with
	// --show-suppressed); empty for reported findings.
	Suppressed string
}

// Era is the window in which a document's time-bounded claims can all be
// true; a nil bound is open.
type Era struct {
	From, To *time.Time
	Empty    bool
}

// DocError is a document that could not be loaded or checked.
type DocError struct {
	Path    string
	Message string
}

func (e DocError) Error() string { return e.Path + ": " + e.Message }

// Report is the result of a run.
type Report struct {
	AsOf      *time.Time
	Documents []*Document
	Eras      map[string]Era // by document ID
	Findings  []Finding
	Errors    []DocError
	// Rules lists every rule that ran, for printers that describe them.
	Rules []*Rule
}

// Count returns the number of findings of each type.
func (r *Report) Count() map[Type]int {
	n := map[Type]int{}
	for _, f := range r.Findings {
		n[f.Type]++
	}
	return n
}
