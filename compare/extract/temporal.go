package extract

import (
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// Temporal extracts the weekday and date of events: the main event
// ("began on Friday", "on April 12") and counted rounds ("the first round,
// on April 12"). A weekday written beside a date that falls on another
// weekday yields two weekday claims at one place, which the weekday rule
// reports as a contradiction inside the article.
var Temporal = &Extractor{
	Name:  "temporal",
	Kinds: []compare.Kind{compare.KindWeekday, compare.KindDate},
	Run:   runTemporal,
	add:   appendTemporal,
}

func runTemporal(env *Env) []compare.Claim { return appendTemporal(env, nil) }

func appendTemporal(env *Env, out []compare.Claim) []compare.Claim {
	sents := env.Sentences()
	for _, tx := range env.Timexes {
		if tx.Type != "DATE" && tx.Type != "TIME" {
			continue
		}
		gran := granOf(tx.Value)
		if gran == compare.GranUnknown && !tx.HasWeekday {
			continue
		}
		if gran >= compare.GranYear && !tx.HasWeekday {
			continue // years date background events; EventYear handles them
		}
		i := env.tokenAt(tx.Start)
		if i >= len(env.Tokens) {
			continue
		}
		j := env.tokenAt(tx.End)
		s := sentenceOf(sents, i)
		closing := env.closingDay(s, i, j)
		subject := env.attachAs(s, i, j, closing)
		if tx.Conflict != "" && tx.HasWeekday && gran == compare.GranDay && !tx.From.IsZero() && subject == "" {
			// "on Wednesday, April 24" in 2025 is wrong whatever it dates.
			subject = fmt.Sprintf("date@%d", tx.Start)
		}
		if subject == "" || (isEvent(subject) && env.farFromReference(tx.From)) {
			continue
		}
		span := compare.Span{Start: tx.Start, End: tx.End}
		when := compare.TimeRef{From: tx.From, To: tx.To, Gran: gran, Basis: "explicit"}
		if tx.Relative {
			when.Basis = "relative"
		}
		weekdayAttr, dateAttr := "weekday", "date"
		if isEvent(subject) && closing {
			// "the summit ends on Sunday" dates the last day of an event
			// whose first may be another: its own slot.
			weekdayAttr, dateAttr = AttrClosingWeekday, AttrClosingDate
		}
		if tx.HasWeekday {
			c := env.claim(compare.KindWeekday, span, subject, weekdayAttr, tx.Weekday.String())
			c.When, c.Timex, c.TimexType = when, tx.Value, tx.Type
			out = append(out, c)
			if tx.Conflict != "" && gran == compare.GranDay && !tx.From.IsZero() {
				// The date says another weekday than the one written.
				d := c
				d.Value = tx.From.Weekday().String()
				d.Marker = "derived"
				out = append(out, d)
			}
		} else if gran == compare.GranDay && !tx.Relative && !tx.From.IsZero() {
			// A full written date implies its weekday.
			c := env.claim(compare.KindWeekday, span, subject, weekdayAttr, tx.From.Weekday().String())
			c.When, c.Timex, c.TimexType, c.Marker = when, tx.Value, tx.Type, "derived"
			out = append(out, c)
		}
		if gran == compare.GranUnknown || tx.From.IsZero() {
			continue
		}
		if tx.Type == "TIME" && !tx.HasWeekday && !strings.ContainsAny(tx.Text, "0123456789") || tx.Type == "TIME" && !tx.HasWeekday && !hasMonthName(tx.Text) {
			continue // "11:30 a.m.", "last night": the day is the tagger's guess
		}
		c := env.claim(compare.KindDate, span, subject, dateAttr, tx.Value)
		c.When, c.Timex, c.TimexType = when, tx.Value, tx.Type
		switch {
		case tx.Relative && tx.HasWeekday && !strings.ContainsAny(tx.Text, "0123456789"):
			c.Marker = "weekday" // a bare weekday resolved against the reference
		case tx.Relative:
			c.Marker = "relative"
		}
		out = append(out, c)
	}
	return out
}

// The attributes of the weekday and date an event ends on.
const (
	AttrClosingWeekday = "weekday/end"
	AttrClosingDate    = "date/end"
)

// closingDay reports whether the time at tokens [i, j) of sentence s is
// the day an event ends: after a verb of ending ("ends on Sunday",
// "wraps up on Sunday", "runs until Sunday") or before an apposition
// that says so ("Sunday, the final day of the summit").
func (env *Env) closingDay(s Sentence, i, j int) bool {
	toks := env.Tokens
	k := i - 1
	if k >= s.From && (toks[k].Lower == "until" || toks[k].Lower == "till" || toks[k].Lower == "through") {
		return true
	}
	for ; k >= s.From && k >= i-3; k-- {
		w := toks[k].Lower
		if w == "up" && k > s.From && closingVerbs[toks[k-1].Lower] {
			return true // "wraps up on Sunday"
		}
		if closingVerbs[w] {
			return true
		}
		if w != "on" && w != "by" && w != "late" && w != "early" && w != "officially" && w != "formally" {
			break
		}
	}
	if j+3 < s.To && toks[j].Text == "," && toks[j+1].Lower == "the" {
		switch toks[j+2].Lower {
		case "last", "final", "closing":
			return toks[j+3].Lower == "day"
		}
	}
	return false
}

// closingVerbs end an event; "wrap" and "wind" take "up"/"down".
var closingVerbs = map[string]bool{
	"end": true, "ends": true, "ended": true, "ending": true,
	"close": true, "closes": true, "closed": true,
	"conclude": true, "concludes": true, "concluded": true, "concluding": true,
	"adjourn": true, "adjourns": true, "adjourned": true,
	"wrap": true, "wraps": true, "wrapped": true, "wrapping": true,
}

// mainEventTime dates the main event from its first attached date.
func (env *Env) mainEventTime() (compare.TimeRef, bool, bool) {
	env.dating = true
	defer func() { env.dating = false }()
	sents := env.Sentences()
	// The main event is dated where news dates it: in the headline, the
	// lede or the sentences right after it. A date deep in the body dates
	// something else ("will debate on October 7").
	lead := leadEnd(env, sents, 4)
	for _, tx := range env.Timexes {
		if tx.Start >= lead {
			break
		}
		if tx.Type != "DATE" || tx.From.IsZero() {
			continue
		}
		gran := granOf(tx.Value)
		if gran == compare.GranUnknown || gran >= compare.GranYear {
			continue
		}
		i := env.tokenAt(tx.Start)
		if i >= len(env.Tokens) {
			continue
		}
		s := sentenceOf(sents, i)
		if !env.isMain(env.attach(s, i, env.tokenAt(tx.End))) || env.farFromReference(tx.From) {
			continue
		}
		upcoming := !env.Doc.Reference.IsZero() && tx.From.After(env.Doc.Reference)
		return compare.TimeRef{From: tx.From, To: tx.To, Gran: gran, Basis: "event"}, upcoming, true
	}
	return compare.TimeRef{}, false, false
}

// granOf reads the granularity of a TIMEX3 date value; a time of day
// ("2022-02-24TMO") dates its day.
func granOf(v string) compare.Granularity {
	if len(v) > 10 && v[10] == 'T' {
		v = v[:10]
	}
	switch {
	case len(v) == 10 && v[4] == '-' && v[7] == '-' && isDigit(v[0]) && isDigit(v[9]):
		return compare.GranDay
	case len(v) == 8 && v[4] == '-' && v[5] == 'W':
		return compare.GranWeek
	case len(v) == 7 && v[4] == '-' && v[5] == 'Q':
		return compare.GranQuarter
	case len(v) == 7 && v[4] == '-' && isDigit(v[5]):
		return compare.GranMonth
	case len(v) == 7 && v[4] == '-':
		return compare.GranSeason
	case len(v) == 4 && isDigit(v[3]):
		return compare.GranYear
	case len(v) == 3 && isDigit(v[2]):
		return compare.GranDecade
	}
	return compare.GranUnknown
}

// maxEventDistance is how far from an article's reference time its main
// event can lie: news reports what happened or will happen within weeks;
// a date years away dates a background event ("her accession on
// 6 February 1952").
const maxEventDistance = 120 * 24 * time.Hour

func (env *Env) farFromReference(t time.Time) bool {
	ref := env.Doc.Reference
	if ref.IsZero() || t.IsZero() {
		return false
	}
	d := t.Sub(ref)
	return d > maxEventDistance || d < -maxEventDistance
}

// leadEnd returns the offset where the lead ends: the headline block and
// the first n sentences of prose after it.
func leadEnd(env *Env, sents []Sentence, n int) int {
	count := 0
	for _, s := range sents {
		if s.From >= len(env.Tokens) {
			break
		}
		if env.Doc.SegmentAt(env.Tokens[s.From].Span.Start) == compare.SegHeadline {
			continue
		}
		count++
		if count > n {
			return env.Tokens[s.From].Span.Start
		}
	}
	return len(env.Doc.Text)
}

func hasMonthName(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if monthNames[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}
