// Package temporal finds temporal expressions in running text and
// normalises them to TIMEX3-style values against a document's reference
// time, keeping their granularity ("April 2025" stays a month).
//
// The tagger is a hand-written scanner: a table-driven tokenizer looks each
// word up once in a lexicon (months, weekdays, number words, units,
// relative determiners, tense cues), and a small recursive-descent grammar
// runs only at tokens that can begin an expression. No regular expressions:
// Go's regexp runs alternations of this size at about 1 MB/s.
//
// Resolution rules, in brief:
//   - A weekday that is the reference date's weekday is that day ("on
//     Saturday" in a Saturday paper), unless "last"/"next" says otherwise
//     ("next Saturday" then is a week on). Otherwise the tense around it
//     decides: a modal or auxiliary ("will", "is due to", "will be held"), a
//     deadline ("until Tuesday", "as soon as Tuesday") or an infinitive of
//     intention ("plans to meet on Friday") looks forward; a past form looks
//     back; no cue means the past, as news mostly reports what happened. A
//     possessive ("Saturday's talks") takes the tense of the verb after it.
//   - A month or month-day without a year takes the year that puts it
//     nearest the reference date; a tense pointing the other way costs 120
//     days. A weekday written next to it picks the year it falls on; if no
//     year fits, or the year is written, a mismatch sets Conflict.
//   - "three days later", "the following week", "the next day", "that same
//     day" count from the last day-precise date the text named (else the
//     reference date); "the following year", "that year" from the last year
//     named. In earnings prose "the quarter", "a year earlier", "the
//     year-ago period" refer to the quarter last named.
//   - Durations keep the bounds the wording allows in DurMin/DurMax; see Timex.
//
// Values follow TIMEX3: decades are "199", centuries "19", weeks ISO
// "2025-W15", fractions go to the next unit ("PT2H30M"), vague counts use X
// ("PXY"), quarters count in quarters ("P2Q"), a range ("two to three
// weeks") is vague ("PXW") with its ends in DurMin/DurMax. Frequencies are
// SETs on the frequency ("twice a month": "a month" P1M; "24 hours a day"
// P1D), but an amount per period ("$5 billion a year") is not tagged, as
// TimeBank mostly leaves it. Tag measures itself against TempEval-3 in
// tempeval_test.go.
package temporal

import (
	"math"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// Options tune the tagger.
type Options struct {
	// DayFirst reads numeric dates such as 12/04/2025 day-first; the default
	// is month-first, as in US news.
	DayFirst bool
	// Mask reports offsets that are markup, not prose; tokens starting there
	// are skipped. May be nil.
	Mask func(off int) bool
	// Buffers, when set, is scratch memory Tag reuses from call to call;
	// nil allocates it afresh for each call. See Buffers.
	Buffers *Buffers
}

// Buffers is scratch memory for a caller that tags many documents in
// turn: with it, Tag allocates only what it returns (the []Timex, and one
// string holding all their texts and values; nothing when it finds no
// expression). The returned timexes never share memory with the Buffers:
// they stay valid and unchanged whatever later calls do. One Buffers
// serves one call at a time. The zero value is ready to use.
type Buffers struct {
	toks []token
	out  []Timex
	buf  []byte
	vend []int32
}

// keepTimexes bounds the expressions a Buffers keeps room for, so that one
// huge document does not pin its scratch for the rest of a run.
const keepTimexes = 1 << 12

// Granularity is the precision of a time value, finest first.
type Granularity int

// Granularities. GranTime is finer than a day (a clock time or a part of
// the day); GranInterval is an open reference such as PRESENT_REF.
const (
	GranUnknown Granularity = iota
	GranTime
	GranDay
	GranWeek
	GranMonth
	GranQuarter
	GranSeason
	GranHalf
	GranYear
	GranDecade
	GranCentury
	GranInterval
)

// Compare maps the granularity onto the project-wide one; times and days
// are both GranDay there, halves are intervals, centuries decades' coarser kin.
func (g Granularity) Compare() compare.Granularity {
	switch g {
	case GranTime, GranDay:
		return compare.GranDay
	case GranWeek:
		return compare.GranWeek
	case GranMonth:
		return compare.GranMonth
	case GranQuarter:
		return compare.GranQuarter
	case GranSeason:
		return compare.GranSeason
	case GranYear:
		return compare.GranYear
	case GranDecade, GranCentury:
		return compare.GranDecade
	case GranHalf, GranInterval:
		return compare.GranInterval
	}
	return compare.GranUnknown
}

// Timex is one temporal expression.
type Timex struct {
	Start, End int // byte span in the input, half-open
	Text       string
	Type       string // "DATE", "TIME", "DURATION", "SET"
	Value      string // TIMEX3 value
	Mod        string // TIMEX3 mod: "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS", "START", "MID", "END"
	Gran       Granularity
	// From and To are the resolved half-open interval of a DATE or TIME
	// (zero when unresolved). START/MID/END mods do not narrow it.
	From, To   time.Time
	Weekday    time.Weekday
	HasWeekday bool // a weekday word was written
	Relative   bool // resolved against the reference time or an anchor
	Tense      string
	// DurMin and DurMax bound a DURATION: "more than 2-1/2 hours" is
	// (2h30m, MaxInt64]. "about"/"around"/"nearly" widen an exact length by
	// ±20%; a vague count ("several years", "weeks") is one unit to
	// unbounded. Months are 30.44 days, years 365.25.
	DurMin, DurMax time.Duration
	// Conflict is set when the text contradicts itself, e.g. a weekday
	// written next to a date that falls on another weekday.
	Conflict string
}

// Tag finds the temporal expressions of text, sorted by Start and
// non-overlapping. ref is the document's reference date (UTC midnight);
// a zero ref leaves relative values unresolved ("XXXX-XX-XX").
func Tag(text []byte, ref time.Time, opt Options) []Timex {
	b := opt.Buffers
	if b == nil {
		b = &Buffers{}
	}
	n := len(text)/256 + 4 // about one expression in 290 bytes of news
	p := &parser{text: text, opt: opt, out: b.out[:0], buf: b.buf[:0], vend: b.vend[:0]}
	if opt.Buffers == nil {
		p.out, p.buf, p.vend = make([]Timex, 0, n), make([]byte, 0, 32*n), make([]int32, 0, n)
	}
	if !ref.IsZero() {
		p.ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
		p.hasRef = true
	}
	toks := b.toks[:0]
	if want := min(len(text)/4+8, 4*chunkTokens+64); cap(toks) < want {
		toks = make([]token, 0, want)
	}
	for pos := 0; pos < len(text); {
		toks, pos = tokenize(text, pos, toks[:0], opt.Mask)
		p.toks = toks
		p.run()
	}
	p.finish()
	if opt.Buffers == nil {
		return p.out
	}
	// hand back a copy and keep the scratch, cleared of the strings it
	// would otherwise pin
	out := make([]Timex, len(p.out))
	copy(out, p.out)
	clear(p.out)
	b.toks, b.buf, b.vend, b.out = toks[:0], p.buf[:0], p.vend[:0], p.out[:0]
	if cap(p.out) > keepTimexes {
		b.out, b.buf, b.vend = nil, nil, nil
	}
	return out
}

// Compatible reports whether two expressions can speak of the same time:
// dates and times whose intervals overlap ("2025-04" and "2025-04-12"),
// durations whose allowed lengths overlap ("more than 2-1/2 hours" and
// "over two hours"). Expressions of different kinds, or too vague to
// compare (PRESENT_REF, an unresolved year), are compatible.
func Compatible(a, b Timex) bool {
	if a.Type == "DURATION" || b.Type == "DURATION" {
		if a.Type != b.Type {
			return true
		}
		return a.DurMin <= b.DurMax && b.DurMin <= a.DurMax
	}
	if a.Type == "SET" || b.Type == "SET" {
		return true
	}
	if !a.From.IsZero() && !b.From.IsZero() {
		return a.From.Before(b.To) && b.From.Before(a.To)
	}
	// An unresolved weekday still contradicts another weekday, or a resolved day.
	wa, oka := weekdayOf(a)
	wb, okb := weekdayOf(b)
	if oka && okb {
		return wa == wb
	}
	return true
}

func weekdayOf(t Timex) (time.Weekday, bool) {
	if t.HasWeekday {
		return t.Weekday, true
	}
	if !t.From.IsZero() && t.Gran <= GranDay && t.To.Sub(t.From) <= 24*time.Hour {
		return t.From.Weekday(), true
	}
	return 0, false
}

// unitLen is the nominal length of a unit.
func unitLen(u unit) time.Duration {
	const day = 24 * time.Hour
	switch u {
	case uSecond:
		return time.Second
	case uMinute:
		return time.Minute
	case uHour:
		return time.Hour
	case uDay:
		return day
	case uWeek:
		return 7 * day
	case uFortnight:
		return 14 * day
	case uWeekend:
		return 2 * day
	case uMonth:
		return time.Duration(30.44 * float64(day))
	case uQuarter:
		return time.Duration(91.31 * float64(day))
	case uYear:
		return time.Duration(365.25 * float64(day))
	case uDecade:
		return time.Duration(3652.5 * float64(day))
	case uCentury:
		return time.Duration(36525 * float64(day))
	case uMillennium:
		return math.MaxInt64 // longer than a Duration holds
	}
	return 0
}

// durBounds turns an amount, a unit and a mod into the lengths it allows.
func durBounds(v float64, u unit, fuzzy bool, mod string) (lo, hi time.Duration) {
	ul := float64(unitLen(u))
	if fuzzy {
		return time.Duration(ul), math.MaxInt64
	}
	x := v * ul
	if x > float64(math.MaxInt64)/2 {
		x = float64(math.MaxInt64) / 2
	}
	d := time.Duration(x)
	switch mod {
	case "MORE_THAN", "EQUAL_OR_MORE":
		return d, math.MaxInt64
	case "LESS_THAN", "EQUAL_OR_LESS":
		return 0, d
	case "APPROX":
		return time.Duration(x * 0.8), time.Duration(x * 1.2)
	}
	return d, d
}
