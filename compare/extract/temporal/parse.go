package temporal

import (
	"strconv"
	"time"
)

// sem is the meaning of an expression before it is formatted.
type sem struct {
	typ  string
	gran Granularity
	// y/m/d/w/q/h/s: year, month, day, ISO week, quarter, half, season;
	// xy/xm/xd mark parts that stay unknown.
	y, m, d, w, q, h, s int
	xy, xm, xd, xw      bool
	wd                  time.Weekday
	hasWD               bool
	weekend             bool
	hour, min           int
	clock               bool
	tod                 string
	refv                string
	dur                 float64
	du                  unit
	dx                  bool    // vague count: "several years"
	durLo               float64 // a range's lower count: "two to three weeks"
	adj                 bool    // a hyphenated adjective: "two-year"
	value               string
	mod                 string
	relative            bool
	tense               string
	conflict            string
	shifted             bool // a quarter counted from the topic one ("a year earlier"): not a new topic
}

type parser struct {
	text   []byte
	toks   []token
	ref    time.Time
	hasRef bool
	opt    Options
	anchor time.Time // the last day-precise date named: "three days later" counts from it
	qY, qQ int       // the last quarter named: "the quarter", "a year earlier" in earnings prose
	lastY  int       // the year of the last date named: "that year"
	out    []Timex
	buf    []byte  // the text and value of each expression in out, in order (see emit)
	vend   []int32 // where each expression's value ends in buf
}

func (p *parser) lx(i int) *lexEntry {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tkWord {
		return nil
	}
	return p.toks[i].entry()
}

func (p *parser) fw(i int) uint8 {
	if e := p.lx(i); e != nil {
		return e.fw
	}
	return fwNone
}

func (p *parser) punct(i int, c byte) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tkPunct && p.toks[i].p == c
}

func (p *parser) num(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tkNum || p.toks[i].nd > 9 {
		return 0, false
	}
	return p.digits(i), true
}

// digits is the value of the digit run at token i, -1 past nine digits.
func (p *parser) digits(i int) int {
	t := &p.toks[i]
	if t.nd > 9 {
		return -1
	}
	v := 0
	for _, c := range p.text[t.s:t.e] {
		v = v*10 + int(c-'0')
	}
	return v
}

// adj reports whether tokens i and i+1 touch (no space between them).
func (p *parser) adj(i int) bool {
	return i >= 0 && i+1 < len(p.toks) && p.toks[i].e == p.toks[i+1].s
}

// hy skips a hyphen joining token i-1 and i: "third-quarter", "two-year".
func (p *parser) hy(i int) int {
	if p.punct(i, '-') && p.adj(i-1) && p.adj(i) {
		return i + 1
	}
	return i
}

// dot skips an abbreviation's period.
func (p *parser) dot(i int) int {
	if p.punct(i, '.') && p.adj(i-1) {
		return i + 1
	}
	return i
}

func (p *parser) run() {
	toks := p.toks
	for i := 0; i < len(toks); {
		if !toks[i].start || p.hopeless(i) {
			i++
			continue
		}
		s, j, ok := p.match(i)
		if !ok || j <= i || j > len(toks) {
			i++
			continue
		}
		p.emit(i, j, s)
		i = j
		// "March 21-22", "April 24 and 25": the second day of a range takes
		// the first one's month
		if s.typ == "DATE" && s.gran == GranDay && !s.hasWD && s.value == "" && !s.xm && p.toks[j-1].kind == tkNum {
			sep := p.punct(j, '-')
			words := !sep && (p.fw(j) == fwAnd || p.fw(j) == fwTo || p.is(j, "through"))
			if d2, j2, ok := p.dayNum(j + 1); (sep || words) && ok && d2 > s.d && (p.lx(j2) == nil || p.lx(j2).month == 0) && (s.xy || validDate(s.y, s.m, d2)) &&
				(!words || j2 >= len(toks) || toks[j2].kind == tkPunct) {
				s2 := s
				s2.d, s2.conflict, s2.mod = d2, "", ""
				p.emit(j+1, j2, s2)
				i = j2
			}
		}
	}
}

// hopeless reports, for the commonest tokens that may start an expression,
// that the one at i cannot, judged by the token after it: "the", "a"/"an"
// and "that" before a word outside the lexicon, an apostrophe before
// anything but digits ("'90s"). They are about half the tokens match would
// otherwise try, nearly all in vain. The words listed are those the grammar
// reads by their spelling after such a lead (theExpr: "the near future";
// quantity: "a business day"; core: "for a while"); a new rule of that kind
// must be added here, which TestHopeless checks on generated text.
func (p *parser) hopeless(i int) bool {
	if i+1 >= len(p.toks) {
		return false
	}
	t, next := &p.toks[i], &p.toks[i+1]
	if t.kind == tkPunct {
		return next.kind != tkNum // an apostrophe: only "'90s"
	}
	if t.kind != tkWord || next.kind != tkWord || next.lx != 0 {
		return false
	}
	switch t.entry().lead {
	case leadThe:
		return !p.is(i+1, "near") && !p.is(i+1, "short") && !p.is(i+1, "long")
	case leadA:
		for _, w := range [...]string{"trading", "business", "working", "school", "additional", "extra", "further", "while"} {
			if p.is(i+1, w) {
				return false
			}
		}
		return true
	case leadThat:
		return true
	}
	return false
}

// match tries every construction that can start at token i; the longest wins.
func (p *parser) match(i int) (sem, int, bool) {
	// approxExpr and posModExpr are tried only where their first lines
	// would not turn the token down: a failed call still costs a zeroed sem
	if e := p.lx(i); e != nil && (e.approx != "" || e.fw == fwAt || e.fw == fwNo) {
		if s, j, ok := p.approxExpr(i); ok {
			return s, j, true
		}
	}
	if p.mayPosMod(i) {
		if s, j, ok := p.posModExpr(i); ok {
			return s, j, true
		}
	}
	if p.fw(i) == fwThe {
		if s, j, ok := p.theExpr(i + 1); ok {
			return s, j, true
		}
	}
	s, j, ok := p.core(i)
	// "this year's third quarter", "next year's first quarter"
	if ok && s.typ == "DATE" && s.gran == GranYear && s.refv == "" && p.punct(j, '\'') && p.is(j+1, "s") {
		if q, j2, ok2 := p.quarterExpr(j+2, false); ok2 {
			q.y, q.xy, q.relative = s.y, s.xy, s.relative
			return q, j2, true
		}
		// "last year's quarter": the quarter under discussion, in that year
		if u := p.lx(j + 2); u != nil && u.unit == uQuarter && !u.plural && p.qQ != 0 && !s.xy {
			return sem{typ: "DATE", gran: GranQuarter, y: s.y, q: p.qQ, relative: true, shifted: s.y != p.qY}, j + 3, true
		}
	}
	return s, j, ok
}

// approxExpr: "about two weeks", "more than 2-1/2 hours", "at least 30 days".
func (p *parser) approxExpr(i int) (sem, int, bool) {
	e := p.lx(i)
	if e == nil {
		return sem{}, 0, false
	}
	mod, k := e.approx, i+1
	switch {
	case e.fw == fwAt && p.is(i+1, "least"):
		mod, k = "EQUAL_OR_MORE", i+2
	case e.fw == fwAt && p.is(i+1, "most"):
		mod, k = "EQUAL_OR_LESS", i+2
	case e.fw == fwNo && (p.fw(i+1) == fwMore || p.fw(i+1) == fwLess) && p.fw(i+2) == fwThan:
		mod, k = "EQUAL_OR_LESS", i+3
		if p.fw(i+1) == fwLess {
			mod = "EQUAL_OR_MORE"
		}
	}
	if mod == "" {
		return sem{}, 0, false
	}
	switch {
	case k > i+1:
	case e.fw == fwMore || e.fw == fwLess:
		if p.fw(k) != fwThan {
			return sem{}, 0, false
		}
		k++
	case e.fw == fwUp:
		if p.fw(k) != fwTo {
			return sem{}, 0, false
		}
		k++
	}
	if mod == "-" {
		return sem{}, 0, false
	}
	s, j, ok := p.quantity(k)
	if !ok {
		if mod == "APPROX" {
			if s, j, ok := p.clockTime(k); ok {
				s.mod = mod
				return s, j, true
			}
		}
		return sem{}, 0, false
	}
	if s.mod == "" {
		s.mod = mod
	}
	return s, j, true
}

// mayPosMod reports whether posModExpr can match at i, by the word it
// turns on (after "the"): "end", "beginning", "middle", an ordinal ("first
// half"), or without "the" an "early"/"late"/"mid" word.
func (p *parser) mayPosMod(i int) bool {
	the := p.fw(i) == fwThe
	if the {
		i++
	}
	e := p.lx(i)
	return e != nil && (e.fw == fwEnd || e.fw == fwBeginning || e.fw == fwMiddle || e.ord != 0 || !the && e.mod != "")
}

// posModExpr: "early next year", "late November", "mid-1996", "the end of 1990",
// "earlier this year", "the first half of 1989".
func (p *parser) posModExpr(i int) (sem, int, bool) {
	k := i
	mod := ""
	half := 0
	the := p.fw(k) == fwThe
	if the {
		k++
	}
	e := p.lx(k)
	if e == nil {
		return sem{}, 0, false
	}
	switch {
	case e.fw == fwEnd || e.fw == fwBeginning || e.fw == fwMiddle:
		mod = e.mod
		if p.fw(k+1) != fwOf {
			return sem{}, 0, false
		}
		k += 2
		if p.fw(k) == fwThe {
			// "the end of the year/month/week": the current one
			if u := p.lx(k + 1); u != nil && !u.plural && (u.unit == uYear || u.unit == uMonth || u.unit == uWeek || u.unit == uQuarter || u.unit == uDecade) {
				s, ok := p.relUnit(relThis, u.unit, k)
				if ok {
					s.mod = mod
					return s, k + 2, true
				}
			}
		}
	case e.ord != 0 && p.lx(k+1) != nil && p.lx(k+1).fw == fwHalf && p.fw(k+2) == fwOf:
		switch e.ord {
		case 1:
			half = 1
		case 2, -1:
			half = 2
		default:
			return sem{}, 0, false
		}
		k += 3
		if p.fw(k) == fwThe {
			if u := p.lx(k + 1); u != nil && u.unit == uYear && !u.plural {
				s, ok := p.relUnit(relThis, uYear, k)
				if ok {
					return halfOf(s, half), k + 2, true
				}
			}
		}
	case !the && (e.mod == "START" || e.mod == "END" || e.mod == "MID") && e.fw != fwEnd:
		mod = e.mod
		k = p.hy(k + 1)
		if e.fw == fwEarlier || e.fw == fwLater {
			// "earlier in the year", "later in the month": the unit just spoken of
			// (not "later in the day", which TimeML leaves untagged)
			if p.fw(k) == fwIn && p.fw(k+1) == fwThe {
				if u := p.lx(k + 2); u != nil && !u.plural && u.unit >= uWeek && u.unit <= uYear && u.unit != uWeekend && u.unit != uFortnight {
					s, j, ok := p.thatExpr(k + 1)
					if ok {
						s.mod = mod
						return s, j, true
					}
				}
			}
			// only "earlier this year", "later that month"
			r := p.lx(k)
			if r == nil || (r.rel != relThis && r.fw != fwThat) {
				return sem{}, 0, false
			}
		} else if t := p.lx(k); t != nil && t.tod != "" && !t.plural {
			// "mid-afternoon", "early morning", "late evening": that part of the day
			s := sem{typ: "TIME", gran: GranTime, tod: t.tod, relative: true}
			p.setDay(&s, p.anchorOrRef())
			// "mid-afternoon yesterday", "early morning Friday"
			if d := p.lx(k + 1); d != nil && (d.day != 0 || d.wday != 0 && !d.plural) {
				if ds, j, ok := p.core(k + 1); ok && ds.typ == "DATE" && ds.gran == GranDay {
					s.y, s.m, s.d, s.xy, s.xm, s.xd = ds.y, ds.m, ds.d, ds.xy, ds.xm, ds.xd
					s.hasWD, s.wd, s.tense = ds.hasWD, ds.wd, ds.tense
					return s, j, true
				}
			}
			return s, k + 1, true
		}
	default:
		return sem{}, 0, false
	}
	s, j, ok := p.theOrCore(k)
	if !ok || s.typ == "DURATION" || s.typ == "SET" || s.refv != "" || s.value != "" {
		return sem{}, 0, false
	}
	if half != 0 {
		if s.gran != GranYear {
			return sem{}, 0, false
		}
		return halfOf(s, half), j, true
	}
	s.mod = mod
	return s, j, true
}

func halfOf(s sem, h int) sem {
	s.gran, s.h = GranHalf, h
	return s
}

func (p *parser) theOrCore(k int) (sem, int, bool) {
	if p.fw(k) == fwThe {
		return p.theExpr(k + 1)
	}
	return p.core(k)
}

// theExpr parses what may follow "the" (token k is after it); the span
// includes the article.
func (p *parser) theExpr(k int) (sem, int, bool) {
	// "the near future", "the short term", "the long term": "near" and
	// "term" are not in the lexicon, so look before the nil check
	if (p.is(k, "near") || p.is(k, "short") || p.is(k, "long")) && (p.is(k+1, "term") || p.is(k+1, "future") && !p.is(k, "short")) {
		return sem{typ: "DATE", gran: GranInterval, refv: "FUTURE_REF"}, k + 2, true
	}
	e := p.lx(k)
	if e == nil {
		// "the 1990s", "the '90s", "the 2015 deal" (year only), "the 20th century"
		if s, j, ok := p.decade(k); ok {
			return s, j, true
		}
		// "the 1988 third quarter", "the 1988 quarter"
		if y, ok := p.year(k); ok {
			if q, j, ok := p.quarterExpr(k+1, false); ok {
				q.y, q.xy, q.relative = y, false, false
				return q, j, true
			}
			// "the 1988 quarter", "the 1989 period" in earnings prose
			if u := p.lx(k + 1); u != nil && (u.unit == uQuarter && !u.plural || u.fw == fwPeriod) && p.qQ != 0 {
				return sem{typ: "DATE", gran: GranQuarter, y: y, q: p.qQ, shifted: true}, k + 2, true
			}
		}
		if n, ok := p.num(k); ok && p.toks[k].nd <= 2 && p.fw(k+1) == fwTh && p.adj(k) {
			if c := p.lx(k + 2); c != nil && c.unit == uCentury && !c.plural && n >= 1 && n <= 21 {
				return sem{typ: "DATE", gran: GranCentury, y: (n - 1) * 100}, k + 3, true
			}
			// "on the 15th," a day of the month in view: the last one named
			if n >= 1 && n <= 31 && (p.fw(k-2) == fwOn || p.fw(k-2) == fwBy || p.fw(k-2) == fwUntil) &&
				(k+2 >= len(p.toks) || p.toks[k+2].kind == tkPunct && p.toks[k+2].p != '-') {
				s := sem{typ: "DATE", gran: GranDay, d: n, relative: true}
				if base := p.anchorOrRef(); !base.IsZero() && validDate(base.Year(), int(base.Month()), n) {
					s.y, s.m = base.Year(), int(base.Month())
				} else {
					s.xy, s.xm = true, true
				}
				return s, k + 2, true
			}
		}
		return sem{}, 0, false
	}
	switch {
	case e.decade != 0:
		return sem{typ: "DATE", gran: GranDecade, y: 1900 + 10*int(e.decade)}, k + 1, true
	case e.ref == "FUTURE_REF" && e.fw == fwNone && p.toks[k].e-p.toks[k].s == 6: // "the future"
		return sem{typ: "DATE", gran: GranInterval, refv: "FUTURE_REF"}, k + 1, true
	case e.ref == "PRESENT_REF" && p.is(k, "present"):
		return sem{typ: "DATE", gran: GranInterval, refv: "PRESENT_REF"}, k + 1, true
	}
	// "the week of March 6": the week holding that day
	if e.unit == uWeek && !e.plural && p.fw(k+1) == fwOf {
		if m := p.lx(k + 2); m != nil && m.month != 0 {
			if d, j, ok := p.writtenDate(k + 2); ok && d.gran == GranDay && d.value == "" && !d.xy && !d.xm && !d.xd {
				y, w := time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).ISOWeek()
				return sem{typ: "DATE", gran: GranWeek, y: y, w: w, relative: d.relative, tense: d.tense}, j, true
			}
		}
	}
	// "the weeks ahead"
	if e.unit >= uDay && e.plural && e.unit != uWeekend && p.fw(k+1) == fwAhead {
		return sem{typ: "DURATION", dx: true, du: e.unit}, k + 2, true
	}
	// "over the years", "in the months before the vote"
	if e.unit >= uDay && e.plural && e.unit != uWeekend && (p.is(k-2, "over") || p.is(k-2, "through") || p.is(k-2, "during") || p.is(k-2, "in") || p.is(k-2, "for")) {
		return sem{typ: "DURATION", dx: true, du: e.unit}, k + 1, true
	}
	if p.is(k, "past") && !p.startsQuantity(k+1) {
		if u := p.lx(k + 1); u == nil || (u.unit == uNone && u.season == 0) {
			return sem{typ: "DATE", gran: GranInterval, refv: "PAST_REF"}, k + 1, true
		}
	}
	// "the past two months", "the next 10 days", "the first nine months"
	if e.rel == relPast || e.rel == relNext || e.rel == relLast || e.rel == relComing || e.ord == 1 || e.fw == fwLatest || e.rel == relFollowing || e.rel == relCurrent {
		if s, j, ok := p.quantity(k + 1); ok && s.typ == "DURATION" {
			return s, j, true
		}
	}
	if s, j, ok := p.quantity(k); ok && s.typ == "DURATION" && !s.adj {
		return s, j, true
	}
	// "the first hours", "the early years", "the final days", "the past
	// years", "the next months": a vague stretch
	if e.ord == 1 || e.ord == -1 || e.rel == relPast || e.rel == relNext || e.rel == relFollowing || p.is(k, "early") || p.is(k, "final") {
		if u := p.lx(k + 1); u != nil && u.plural && u.unit >= uHour && u.unit != uWeekend && u.unit <= uDecade {
			if d := p.lx(k + 3); p.fw(k+2) == fwOf && d != nil && (d.wday != 0 || d.day != 0 || d.month != 0) {
				// "the early hours of Thursday": a part of that day, which is tagged by itself
				return sem{}, 0, false
			}
			return sem{typ: "DURATION", dx: true, du: u.unit}, k + 2, true
		}
	}
	// "in the morning": that part of the day just spoken of
	if e.tod != "" && !e.plural && p.fw(k-2) == fwIn {
		s := sem{typ: "TIME", gran: GranTime, tod: e.tod, relative: true}
		p.setDay(&s, p.anchorOrRef())
		return s, k + 1, true
	}
	// "the weekend"
	if e.unit == uWeekend && !e.plural && p.hasRef {
		s, ok := p.relUnit(relThis, uWeekend, k)
		return s, k + 1, ok
	}
	if e.ord >= 1 {
		if s, j, ok := p.ordDay(k, k-1); ok {
			return s, j, true
		}
	}
	// "the following week", "the next day", "the previous day", "the day before"
	if e.rel == relFollowing || e.rel == relNext || e.rel == relPast || e.fw == fwSame {
		if u := p.lx(k + 1); u != nil && !u.plural && (u.unit >= uDay && u.unit <= uYear || u.tod != "") {
			if s, ok := p.anchored(e, u, k+1); ok {
				return s, k + 2, true
			}
		}
	}
	if e.unit == uDay && !e.plural {
		if f := p.fw(k + 1); f == fwBefore || f == fwAfter {
			shift := 1
			if f == fwBefore {
				shift = -1
			}
			// "the day before yesterday", "the day before last Tuesday's hearing"
			if s, j, ok := p.match(k + 2); ok && s.typ == "DATE" && s.gran == GranDay && !s.xy && !s.xm && !s.xd && s.value == "" && s.refv == "" {
				t := time.Date(s.y, time.Month(s.m), s.d, 0, 0, 0, 0, time.UTC)
				return daySem(t.AddDate(0, 0, shift), true), j, true
			}
			// "they had met the day before.": from the last day named
			if k+2 >= len(p.toks) || p.toks[k+2].kind == tkPunct && p.toks[k+2].p != '\'' {
				if base := p.anchorOrRef(); !base.IsZero() {
					return daySem(base.AddDate(0, 0, shift), true), k + 2, true
				}
			}
		}
	}
	// "the third quarter", "the latest quarter", "the current quarter", "the first half"
	if s, j, ok := p.quarterExpr(k, true); ok {
		return s, j, true
	}
	if e.rel == relCurrent || e.fw == fwLatest {
		if u := p.lx(k + 1); u != nil && u.unit == uQuarter && !u.plural {
			if e.fw == fwLatest {
				s, ok := p.topicQuarter(0)
				return s, k + 2, ok
			}
			s, ok := p.relUnit(relThis, uQuarter, k)
			return s, k + 2, ok
		}
		if e.fw == fwLatest && p.fw(k+1) == fwPeriod {
			s, ok := p.topicQuarter(0)
			return s, k + 2, ok
		}
	}
	// "the year ended March 31" is a fiscal year: a duration; "for the
	// year", "the week" otherwise speak of the current one
	if (e.unit == uYear || e.unit == uWeek || e.unit == uMonth) && !e.plural && !p.punct(k+1, '-') {
		if p.is(k+1, "ended") || p.is(k+1, "ending") || p.is(k+1, "through") {
			return sem{typ: "DURATION", dur: 1, du: e.unit}, k + 1, true
		}
		_, yearAfter := p.year(k + 1)
		if _, _, ok := p.spokenYear(k + 1); ok {
			yearAfter = true // "the year two thousand"
		}
		if p.is(k-2, "for") || p.is(k-2, "during") || p.is(k-2, "in") && (p.punct(k+1, ',') || p.punct(k+1, '.')) ||
			p.fw(k-2) == fwOf && !yearAfter || p.punct(k+1, '\'') && p.is(k+2, "s") {
			// "the first nine months of the year", "the week's most active session"
			s, ok := p.relUnit(relThis, e.unit, k)
			return s, k + 1, ok
		}
	}
	// "the fiscal year", "the full year", "the latest fiscal year"
	if j := k + b2i(e.fw == fwLatest); p.fw(j) == fwFiscal || p.fw(j) == fwFull {
		if u := p.lx(j + 1); u != nil && u.unit == uYear && !u.plural && !p.punct(j+2, '-') {
			if y, ok := p.year(j + 2); ok {
				return sem{typ: "DATE", gran: GranYear, y: y}, j + 3, true
			}
			if p.is(j+2, "ended") || p.is(j+2, "ending") {
				return sem{typ: "DURATION", dur: 1, du: uYear}, j + 2, true
			}
			n := 0
			if j > k {
				n = -1 // the latest is the last one closed
			}
			s, ok := p.relUnit(relThis, uYear, k)
			s.y += n
			return s, j + 2, ok
		}
	}
	// "the quarter": the one under discussion
	if e.unit == uQuarter && !e.plural && !p.punct(k+1, '-') && p.fw(k+1) != fwOf {
		// "the quarter a year ago": the same quarter of the year before
		if p.fw(k+1) == fwA && p.lx(k+2) != nil && p.lx(k+2).unit == uYear && !p.lx(k+2).plural && (p.fw(k+3) == fwAgo || p.fw(k+3) == fwEarlier) {
			s, ok := p.topicQuarter(-1)
			return s, k + 4, ok
		}
		s, ok := p.topicQuarter(0)
		return s, k + 1, ok
	}
	// "the year two thousand"
	if e.unit == uYear && !e.plural {
		if s, j, ok := p.spokenYear(k + 1); ok {
			return s, j, true
		}
		if y, ok := p.year(k + 1); ok {
			return sem{typ: "DATE", gran: GranYear, y: y}, k + 2, true
		}
	}
	// "the year-ago quarter", "the year-earlier period"
	if e.unit == uYear && !e.plural {
		if j := p.hy(k + 1); j > k+1 {
			if f := p.fw(j); f == fwAgo || f == fwEarlier {
				if u := p.lx(j + 1); u != nil && (u.unit == uQuarter || u.fw == fwPeriod) {
					s, ok := p.topicQuarter(-1)
					return s, j + 2, ok
				}
				// "the year-ago third quarter", "the year-earlier nine months"
				if q, j2, ok := p.quarterExpr(j+1, false); ok {
					if !q.xy {
						q.y--
					}
					q.shifted = true
					return q, j2, true
				}
				if d, j2, ok := p.quantity(j + 1); ok && d.typ == "DURATION" {
					return d, j2, true
				}
			}
		}
	}
	// seasons: "the summer", "the summer of 2025"
	if e.season != 0 {
		return p.seasonExpr(k)
	}
	if e.rel != relNone && e.rel != relFollowing {
		s, j, ok := p.relExpr(k)
		if ok && s.gran != GranTime {
			return s, j, true
		}
	}
	return sem{}, 0, false
}

// is reports whether token i is the word w (lower-case), ignoring case.
func (p *parser) is(i int, w string) bool {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tkWord {
		return false
	}
	t := &p.toks[i]
	if int(t.e-t.s) != len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if p.text[int(t.s)+k]|0x20 != w[k] {
			return false
		}
	}
	return true
}

func (p *parser) startsQuantity(i int) bool {
	if _, ok := p.num(i); ok {
		return true
	}
	e := p.lx(i)
	return e != nil && (e.hasNum || e.fw == fwA || e.fw == fwFew || e.fw == fwSeveral || e.fw == fwCouple || e.fw == fwMany || e.fw == fwHalf)
}

// anchored resolves "the following week", "the next day", "the previous
// day", "the same day" against the last day-precise date named (or the
// reference time when there is none).
func (p *parser) anchored(det, u *lexEntry, k int) (sem, bool) {
	base := p.anchor
	if base.IsZero() {
		base = p.ref
	}
	if base.IsZero() {
		return sem{}, false
	}
	step := 1
	switch {
	case det.fw == fwSame:
		step = 0
	case det.rel == relPast:
		step = -1
	}
	if u.tod != "" {
		t := base.AddDate(0, 0, step)
		s := daySem(t, true)
		s.typ, s.gran, s.tod = "TIME", GranTime, u.tod
		return s, true
	}
	if step == 0 && u.unit != uDay {
		return sem{}, false
	}
	if u.unit == uYear && p.lastY != 0 {
		// "in 2009 … the following year"
		return sem{typ: "DATE", gran: GranYear, y: p.lastY + step, relative: true}, true
	}
	return shiftSem(base, u.unit, step, true)
}

// anchorOrRef is the last day-precise date named, else the reference date.
func (p *parser) anchorOrRef() time.Time {
	if !p.anchor.IsZero() {
		return p.anchor
	}
	return p.ref
}

// shiftSem is the unit-granular time n units from base.
func shiftSem(base time.Time, u unit, n int, relative bool) (sem, bool) {
	var t time.Time
	switch u {
	case uDay:
		t = base.AddDate(0, 0, n)
		return daySem(t, relative), true
	case uWeek, uWeekend:
		t = base.AddDate(0, 0, 7*n)
		y, w := t.ISOWeek()
		return sem{typ: "DATE", gran: GranWeek, y: y, w: w, weekend: u == uWeekend, relative: relative}, true
	case uFortnight:
		return shiftSem(base, uWeek, 2*n, relative)
	case uMonth:
		t = time.Date(base.Year(), base.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return sem{typ: "DATE", gran: GranMonth, y: t.Year(), m: int(t.Month()), relative: relative}, true
	case uQuarter:
		q := (int(base.Month())-1)/3 + n
		y := base.Year() + floorDiv(q, 4)
		q = q - 4*floorDiv(q, 4)
		return sem{typ: "DATE", gran: GranQuarter, y: y, q: q + 1, relative: relative}, true
	case uYear:
		return sem{typ: "DATE", gran: GranYear, y: base.Year() + n, relative: relative}, true
	case uDecade:
		return sem{typ: "DATE", gran: GranDecade, y: (base.Year()/10 + n) * 10, relative: relative}, true
	case uCentury:
		return sem{typ: "DATE", gran: GranCentury, y: (base.Year()/100 + n) * 100, relative: relative}, true
	}
	return sem{}, false
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func daySem(t time.Time, relative bool) sem {
	return sem{typ: "DATE", gran: GranDay, y: t.Year(), m: int(t.Month()), d: t.Day(), relative: relative}
}

// relUnit resolves "this|last|next UNIT" against the reference time.
func (p *parser) relUnit(rel int8, u unit, at int) (sem, bool) {
	n := 0
	switch rel {
	case relLast, relPast:
		n = -1
	case relNext, relComing:
		n = 1
	}
	if !p.hasRef {
		s := sem{typ: "DATE", relative: true, xy: true}
		switch u {
		case uDay:
			s.gran, s.xm, s.xd = GranDay, true, true
		case uWeek, uWeekend:
			s.gran, s.xw, s.weekend = GranWeek, true, u == uWeekend
		case uMonth:
			s.gran, s.xm = GranMonth, true
		case uQuarter:
			s.gran = GranQuarter
		case uYear:
			s.gran = GranYear
		case uDecade:
			s.gran = GranDecade
		case uCentury:
			s.gran = GranCentury
		default:
			return sem{}, false
		}
		return s, true
	}
	if u == uWeekend && rel == relThis {
		// "this weekend" / "the weekend": the coming one, or the one just past
		// when the verb is in the past tense
		t := p.ref
		if p.tenseAt(at, at+1) == cuePast && t.Weekday() != time.Saturday && t.Weekday() != time.Sunday {
			t = t.AddDate(0, 0, -7)
		}
		return shiftSem(t, uWeekend, 0, true)
	}
	return shiftSem(p.ref, u, n, true)
}

// topicQuarter is the quarter under discussion (the last one named in the
// document, else the last completed one) moved by years: earnings prose
// says "the quarter", "a year earlier", "the year-ago period" of it.
func (p *parser) topicQuarter(years int) (sem, bool) {
	if p.qQ != 0 {
		return sem{typ: "DATE", gran: GranQuarter, y: p.qY + years, q: p.qQ, relative: true, shifted: years != 0}, true
	}
	if !p.hasRef {
		return sem{typ: "DATE", gran: GranQuarter, xy: true, relative: true}, true
	}
	s, _ := shiftSem(p.ref, uQuarter, -1, true)
	s.y += years
	s.shifted = years != 0
	return s, true
}

// thatExpr: "that day", "that same day", "that year", "that week": the
// unit of the time just named.
func (p *parser) thatExpr(i int) (sem, int, bool) {
	k := i + 1
	if p.fw(k) == fwSame {
		k++
	}
	u := p.lx(k)
	if u != nil && u.tod != "" && !u.plural {
		// "that night", "that same morning"
		s := sem{typ: "TIME", gran: GranTime, tod: u.tod, relative: true}
		p.setDay(&s, p.anchorOrRef())
		return s, k + 1, true
	}
	if u == nil || u.plural || u.unit < uDay || u.unit > uYear || u.unit == uWeekend || u.unit == uFortnight {
		return sem{}, 0, false
	}
	base := p.anchor
	if u.unit == uYear && p.lastY != 0 {
		return sem{typ: "DATE", gran: GranYear, y: p.lastY, relative: true}, k + 1, true
	}
	if u.unit == uQuarter {
		if p.qQ == 0 {
			return sem{}, 0, false
		}
		s, ok := p.topicQuarter(0)
		return s, k + 1, ok
	}
	if base.IsZero() {
		base = p.ref
	}
	if base.IsZero() {
		return sem{}, 0, false
	}
	s, ok := shiftSem(base, u.unit, 0, true)
	return s, k + 1, ok
}

// core parses an expression without a leading modifier.
func (p *parser) core(i int) (sem, int, bool) {
	if i < 0 || i >= len(p.toks) {
		return sem{}, 0, false
	}
	t := &p.toks[i]
	switch t.kind {
	case tkNum:
		return p.numExpr(i)
	case tkPunct:
		if t.p == '\'' {
			return p.decade(i)
		}
		return sem{}, 0, false
	}
	e := t.entry()
	if e == nil {
		return sem{}, 0, false
	}
	switch {
	case e.month != 0:
		if s, j, ok := p.monthExpr(i); ok {
			return s, j, true
		}
	case e.wday != 0:
		return p.weekdayExpr(i)
	case e.day != 0:
		return p.dayWord(i)
	case e.fw == fwTonight || e.fw == fwOvernight:
		s := sem{typ: "TIME", gran: GranTime, tod: "NI", relative: true}
		p.setDay(&s, p.ref)
		return s, i + 1, true
	case e.fw == fwNoon || e.fw == fwMidnight || e.fw == fwDawn || e.fw == fwDusk:
		return p.clockTime(i)
	case e.fw == fwQ || e.fw == fwH:
		// "Q3 2012", "H1 2012": only with the year, as "Q3" alone names cars and "H1" flu
		if n, ok := p.num(i + 1); ok && p.toks[i].cap && p.adj(i) && p.toks[i+1].nd == 1 && !p.adj(i+1) && n >= 1 && (n <= 2 || e.fw == fwQ && n <= 4) {
			if y, ok := p.year(i + 2); ok && !(p.adj(i+2) && p.toks[i+3].kind != tkPunct) {
				if e.fw == fwH {
					return sem{typ: "DATE", gran: GranHalf, y: y, h: n}, i + 3, true
				}
				return sem{typ: "DATE", gran: GranQuarter, y: y, q: n}, i + 3, true
			}
		}
		return sem{}, 0, false
	case e.fw == fwFiscal:
		if p.lx(i+1) != nil && p.lx(i+1).unit == uYear && !p.lx(i+1).plural {
			if y, ok := p.year(i + 2); ok {
				return sem{typ: "DATE", gran: GranYear, y: y}, i + 3, true
			}
		}
		if y, ok := p.year(i + 1); ok {
			return sem{typ: "DATE", gran: GranYear, y: y}, i + 2, true
		}
		return sem{}, 0, false
	case e.season != 0:
		return p.seasonExpr(i)
	case e.holiday != 0:
		return p.holiday(i)
	case e.hasNum && (e.num >= 10 && e.num <= 20) || p.is(i, "two"):
		if s, j, ok := p.spokenYear(i); ok {
			return s, j, true
		}
	case e.set != uNone:
		if e.set >= uMonth && i+1 < len(p.toks) && p.toks[i+1].kind == tkWord && !p.toks[i+1].cap && p.toks[i+1].lx == 0 {
			// "quarterly dividend", "monthly report": a kind of thing, not a schedule claim
			return sem{}, 0, false
		}
		return sem{typ: "SET", dur: 1, du: e.set}, i + 1, true
	case e.fw == fwEvery || e.fw == fwEach:
		return p.setExpr(i)
	case e.fw == fwThese:
		if u := p.lx(i + 1); u != nil && u.unit == uDay && u.plural {
			return sem{typ: "DATE", gran: GranInterval, refv: "PRESENT_REF"}, i + 2, true
		}
		return sem{}, 0, false
	case e.fw == fwThat:
		return p.thatExpr(i)
	}
	if e.ref != "" {
		if s, j, ok := p.refExpr(i); ok {
			return s, j, true
		}
	}
	if e.rel != relNone {
		if s, j, ok := p.relExpr(i); ok {
			return s, j, true
		}
	}
	if e.ord != 0 || e.unit == uQuarter {
		if s, j, ok := p.quarterExpr(i, false); ok {
			return s, j, true
		}
	}
	if e.ord >= 1 {
		if s, j, ok := p.ordDay(i, i); ok {
			return s, j, true
		}
	}
	if e.long {
		return sem{typ: "DURATION", dur: 1, du: e.unit, adj: true}, i + 1, true
	}
	if e.unit >= uHour && e.unit != uWeekend && p.punct(i+1, '-') && p.adj(i) && p.is(i+2, "long") {
		// "decades-long", "day-long"
		return sem{typ: "DURATION", dur: 1, du: e.unit, dx: e.plural, adj: true}, i + 3, true
	}
	if e.unit >= uWeek && e.unit != uWeekend && e.plural && p.punct(i+1, '-') && p.adj(i) && p.is(i+2, "old") && p.adj(i+1) {
		// "a decades-old conflict", "years-old slump": the age of a thing (a
		// person's age has a count: "a 6-year-old", which stays untagged)
		return sem{typ: "DURATION", dx: true, du: e.unit, adj: true}, i + 3, true
	}
	if e.unit == uYear && !e.plural {
		// "year-end", "year-ago", "year-earlier"
		if j := p.hy(i + 1); j > i+1 || p.fw(j) == fwEnd {
			switch p.fw(j) {
			case fwEnd:
				if p.hasRef {
					return sem{typ: "DATE", gran: GranYear, y: p.ref.Year(), mod: "END", relative: true}, j + 1, true
				}
			case fwAgo, fwEarlier:
				if p.qQ != 0 {
					s, _ := p.topicQuarter(-1)
					return s, j + 1, true
				}
				if p.hasRef {
					return sem{typ: "DATE", gran: GranYear, y: p.ref.Year() - 1, relative: true}, j + 1, true
				}
			}
		}
	}
	if s, j, ok := p.quantity(i); ok {
		return s, j, true
	}
	// "for a while", "for some time": a length of unknown size
	if p.is(i-1, "for") && (e.fw == fwA && p.is(i+1, "while") || p.is(i, "some") && p.fw(i+1) == fwTime) {
		return sem{typ: "DURATION", value: "PXX"}, i + 2, true
	}
	return sem{}, 0, false
}

// spokenYear: "nineteen ninety-six", "two thousand", "two thousand and
// one" as broadcast transcripts write years.
func (p *parser) spokenYear(i int) (sem, int, bool) {
	e := p.lx(i)
	if p.is(i, "two") && p.fw(i+1) == fwThousand {
		// only after "the year" or "in": "two thousand years" is a duration
		if !(p.lx(i-1) != nil && p.lx(i-1).unit == uYear || p.fw(i-1) == fwIn || p.fw(i-1) == fwSince) || p.lx(i+2) != nil && p.lx(i+2).unit != uNone {
			return sem{}, 0, false
		}
		y, j := 2000, i+2
		if p.fw(j) == fwAnd {
			j++
		}
		if o := p.lx(j); o != nil && o.hasNum && o.num >= 1 && o.num <= 19 && !(p.lx(j+1) != nil && p.lx(j+1).unit != uNone) {
			y += int(o.num)
			j++
		} else if j > i+2 {
			j--
		}
		return sem{typ: "DATE", gran: GranYear, y: y}, j, true
	}
	if e == nil || e.num < 10 || e.num > 20 {
		return sem{}, 0, false
	}
	t := p.lx(i + 1)
	if t == nil || !t.hasNum || t.num < 10 || (t.num < 20 && t.num != 10) {
		if t == nil || !t.hasNum || t.num < 10 {
			return sem{}, 0, false
		}
	}
	y, j := int(e.num)*100+int(t.num), i+2
	if t.tensAdj != 0 {
		k := p.hy(j)
		if o := p.lx(k); o != nil && o.hasNum && o.num >= 1 && o.num <= 9 && o.tensAdj == 0 {
			y += int(o.num)
			j = k + 1
		}
	}
	if u := p.lx(j); u != nil && u.unit != uNone {
		return sem{}, 0, false
	}
	return sem{typ: "DATE", gran: GranYear, y: y}, j, true
}

// year reads a four-digit year at i.
func (p *parser) year(i int) (int, bool) {
	n, ok := p.num(i)
	if !ok || p.toks[i].nd != 4 || n < 1000 || n > 2199 {
		return 0, false
	}
	// "1,990" is a number, not a year
	if p.punct(i-1, ',') && p.adj(i-1) && i >= 2 && p.toks[i-2].kind == tkNum && p.adj(i-2) {
		return 0, false
	}
	return n, true
}

// optYear reads ", 2025" or " 2025" after a month-day; returns the new end.
func (p *parser) optYear(j int) (int, int, bool) {
	k := j
	if p.punct(k, ',') {
		k++
	}
	if y, ok := p.year(k); ok && !p.punct(k+1, '%') {
		return y, k + 1, true
	}
	// "April 12 '25" is rare in news; ignore.
	return 0, j, false
}

// dayNum reads a day of the month at i: "12", "12th", returns the next token.
func (p *parser) dayNum(i int) (int, int, bool) {
	n, ok := p.num(i)
	if !ok || p.toks[i].nd > 2 || n < 1 || n > 31 {
		return 0, 0, false
	}
	j := i + 1
	if p.fw(j) == fwTh && p.adj(i) {
		j++
	}
	if p.adj(j-1) && j < len(p.toks) {
		// "12:30", "12.5", "12-year", "12%" are not days
		nt := &p.toks[j]
		digitAfter := j+1 < len(p.toks) && p.toks[j+1].kind == tkNum && p.adj(j)
		if nt.kind == tkNum || nt.kind == tkPunct && (nt.p == '%' || (nt.p == ':' || nt.p == '.') && digitAfter) {
			return 0, 0, false
		}
	}
	return n, j, true
}

// monthExpr: "April 12, 2025", "Apr. 12", "April 2025", "April of 2025",
// "April", "April 11-12".
func (p *parser) monthExpr(i int) (sem, int, bool) {
	t := &p.toks[i]
	e := t.entry()
	m := int(e.month)
	j := i + 1
	if e.abbr {
		j = p.dot(j)
		if j == i+1 {
			if _, ok := p.num(j); !ok {
				return sem{}, 0, false
			}
		}
	}
	if !t.cap {
		return sem{}, 0, false
	}
	// "12 April" handled by numExpr; here the month comes first
	if d, k, ok := p.dayNum(j); ok {
		s := sem{typ: "DATE", gran: GranDay, m: m, d: d}
		if y, k2, ok := p.optYear(k); ok {
			s.y = y
			k = k2
		} else {
			p.guessYear(&s, i, k)
		}
		return s, k, true
	}
	if y, k, ok := p.optYear(j); ok {
		return sem{typ: "DATE", gran: GranMonth, y: y, m: m}, k, true
	}
	if ys, k, ok := p.spokenYear(j); ok {
		// "January nineteen ninety-seven"
		return sem{typ: "DATE", gran: GranMonth, y: ys.y, m: m}, k, true
	}
	if p.fw(j) == fwOf {
		if y, ok := p.year(j + 1); ok {
			return sem{typ: "DATE", gran: GranMonth, y: y, m: m}, j + 2, true
		}
	}
	// "January this year", "June last year"
	if r := p.lx(j); r != nil && (r.rel == relThis || r.rel == relLast || r.rel == relNext) {
		if u := p.lx(j + 1); u != nil && u.unit == uYear && !u.plural {
			if ys, ok := p.relUnit(r.rel, uYear, j); ok {
				return sem{typ: "DATE", gran: GranMonth, y: ys.y, xy: ys.xy, m: m, relative: true}, j + 2, true
			}
		}
	}
	// a bare month: "May" and "March" are also words; want a cue before
	if m == 5 || m == 3 || e.abbr {
		f := p.fw(i - 1)
		pe := p.lx(i - 1)
		if !(f == fwIn || f == fwSince || f == fwUntil || f == fwBy || f == fwOf || f == fwFrom || f == fwTo || f == fwEnd ||
			pe != nil && (pe.mod != "" || pe.rel != relNone || pe.fw == fwBetween || pe.fw == fwAnd || pe.fw == fwBefore || pe.fw == fwAfter) || p.punct(i-1, '-')) {
			return sem{}, 0, false
		}
	}
	s := sem{typ: "DATE", gran: GranMonth, m: m}
	p.guessYear(&s, i, j)
	return s, j, true
}

// guessYear supplies the year of a month or month-day written without one:
// the nearest such date to the reference date, weighed by the tense.
func (p *parser) guessYear(s *sem, i, j int) {
	if !p.hasRef {
		s.xy = true
		return
	}
	s.relative = true
	tense := p.tenseAt(i, j)
	s.tense = tenseName(tense)
	d := s.d
	if s.gran == GranMonth {
		d = 1
	}
	s.y = p.nearestYear(tense, func(y int) (time.Time, time.Time) {
		t := time.Date(y, time.Month(s.m), d, 0, 0, 0, 0, time.UTC)
		if s.gran == GranMonth {
			return t, t.AddDate(0, 1, 0)
		}
		return t, t.AddDate(0, 0, 1)
	})
}

// nearestYear picks, among the reference year and its neighbours, the year
// whose date lies nearest the reference date; a tense pointing the other
// way costs a few months ("the talks began on Dec. 5" read in January is
// last December even though next December is nearer).
func (p *parser) nearestYear(tense int8, date func(y int) (time.Time, time.Time)) int {
	ry := p.ref.Year()
	best, bestDist := ry, time.Duration(1<<62)
	for _, y := range []int{ry - 1, ry, ry + 1} {
		t, end := date(y)
		var dist time.Duration
		switch {
		case !end.After(p.ref):
			dist = p.ref.Sub(end)
			if tense == cueFuture {
				dist += tensePenalty
			}
		case t.After(p.ref):
			dist = t.Sub(p.ref)
			if tense == cuePast {
				dist += tensePenalty
			}
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// tensePenalty is how much farther a date may be when it agrees with the tense.
const tensePenalty = 120 * 24 * time.Hour

func tenseName(c int8) string {
	switch c {
	case cuePast:
		return "past"
	case cueFuture:
		return "future"
	case cuePresent:
		return "present"
	}
	return ""
}

// tenseAt finds the nearest tense cue around tokens [i, j) inside the sentence.
func (p *parser) tenseAt(i, j int) int8 {
	if p.is(i-1, "until") || p.is(i-1, "till") {
		return cueFuture // a deadline
	}
	for k := min(i, len(p.toks)) - 1; k >= 0 && k >= i-8; k-- {
		if p.boundary(k) {
			break
		}
		if c := p.cue(k); c != cueNone {
			return c
		}
		if k >= i-4 && p.infinitive(k) {
			return cueFuture // "planned to leave Nairobi on Thursday"
		}
	}
	for k := max(j, 0); k < len(p.toks) && k < j+12; k++ {
		if p.boundary(k) {
			break
		}
		if c := p.cue(k); c != cueNone {
			return c
		}
	}
	return cueNone
}

// infinitive reports whether token k is "to" before a verb (a lower-case
// word that is not a determiner): the infinitive of an intention.
func (p *parser) infinitive(k int) bool {
	if !p.is(k, "to") || k+1 >= len(p.toks) {
		return false
	}
	t := &p.toks[k+1]
	if t.kind != tkWord || t.cap {
		return false
	}
	if e := t.entry(); e != nil && (e.fw != fwNone || e.month != 0 || e.wday != 0 || e.hasNum || e.rel != relNone) {
		return false
	}
	for _, w := range [...]string{"his", "her", "their", "its", "our", "my", "your", "these", "those", "be", "about"} {
		if p.is(k+1, w) {
			return false
		}
	}
	return true
}

// cueAfter finds the first tense cue from token j on, inside the sentence.
func (p *parser) cueAfter(j int) int8 {
	for k := max(j, 0); k < len(p.toks) && k < j+8; k++ {
		if p.boundary(k) {
			break
		}
		if c := p.cue(k); c != cueNone {
			return c
		}
	}
	return cueNone
}

func (p *parser) boundary(k int) bool {
	t := &p.toks[k]
	if t.kind != tkPunct {
		return false
	}
	switch t.p {
	case '!', '?', ';', '\n', 0:
		return true
	case '.':
		// an abbreviation's period ("Sept.", "Mr.") is not a sentence end
		if k > 0 && p.adj(k-1) && p.toks[k-1].kind == tkWord && p.toks[k-1].e-p.toks[k-1].s <= 4 {
			return false
		}
		return true
	}
	return false
}

// cue is the tense token k signals: a modal or auxiliary, a past form; a
// participle takes the tense of its auxiliary ("will be held" is future).
func (p *parser) cue(k int) int8 {
	t := &p.toks[k]
	if t.kind != tkWord {
		return cueNone
	}
	c := cueNone
	if e := t.entry(); e != nil {
		c = e.tense
	}
	if c == cueNone && t.e-t.s > 4 && p.text[t.e-1]|0x20 == 'd' && p.text[t.e-2]|0x20 == 'e' && !t.cap {
		c = cuePast
	}
	if c == cueFuture && (p.is(k, "plans") || p.is(k, "plan")) && !p.is(k+1, "to") {
		return cueNone // the noun: "set aside vacation plans"
	}
	if c != cuePast {
		return c
	}
	for a := k - 1; a >= 0 && a >= k-3; a-- {
		if p.is(a, "be") || p.is(a, "being") || p.is(a, "been") {
			continue
		}
		if p.is(a, "has") || p.is(a, "have") {
			return cuePast
		}
		w := p.lx(a)
		if w == nil {
			break
		}
		if w.tense == cueFuture {
			return cueFuture
		}
		if w.tense == cuePresent {
			return cueFuture // "is scheduled", "are expected"
		}
		if w.tense == cuePast {
			return cuePast
		}
	}
	return c
}

// weekdayExpr: "Friday", "Friday, Oct. 23", "Saturday (April 12)", "Friday
// morning", "Friday's", "Fridays" (a set).
func (p *parser) weekdayExpr(i int) (sem, int, bool) {
	t := &p.toks[i]
	e := t.entry()
	if !t.cap {
		return sem{}, 0, false
	}
	j := i + 1
	if e.abbr {
		j = p.dot(j)
		if j == i+1 {
			return sem{}, 0, false
		}
	}
	wd := time.Weekday(e.wday - 1)
	if tl := p.lx(j); e.plural || tl != nil && tl.tod != "" && tl.plural {
		// "on Mondays", "Tuesday nights"
		s := sem{typ: "SET", value: "XXXX-WXX-" + strconv.Itoa(isoWD(wd))}
		if tl != nil && tl.tod != "" {
			s.value += "T" + tl.tod
			j++
		}
		return s, j, true
	}
	// a written date after the weekday
	k := j
	paren := false
	if p.punct(k, ',') {
		k++
	} else if p.punct(k, '(') {
		k++
		paren = true
	}
	if d, k2, ok := p.writtenDate(k); ok && (!paren || p.punct(k2, ')')) {
		if paren {
			k2++
		}
		d.hasWD, d.wd = true, wd
		if d.relative && !d.xy {
			// The year was guessed: the written weekday may pick it, but only
			// among dates near the reference (a year boundary). "Wednesday,
			// April 24" in April 2025 is a slip for Thursday, not a date of
			// 2024, and must be reported as a conflict.
			for _, y := range []int{d.y, d.y - 1, d.y + 1} {
				if !validDate(y, d.m, d.d) {
					continue
				}
				c := time.Date(y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC)
				if c.Weekday() == wd && (!p.hasRef || absDays(c.Sub(p.ref)) <= 60) {
					d.y = y
					break
				}
			}
		}
		if !d.xy {
			if got := time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).Weekday(); got != wd {
				d.conflict = string(p.text[t.s:p.toks[k2-1].e]) + ": " + time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).Format("January 2, 2006") + " is a " + got.String()
			}
		}
		return d, k2, true
	}
	s := p.resolveWeekday(wd, relNone, i, j)
	// "Friday morning", "Wednesday night"
	if tl := p.lx(j); tl != nil && tl.tod != "" && !tl.plural {
		s.typ, s.gran, s.tod = "TIME", GranTime, tl.tod
		j++
	}
	return s, j, true
}

// writtenDate parses an explicit day date at k: "April 12", "12 April 2025", "2025-04-12".
func (p *parser) writtenDate(k int) (sem, int, bool) {
	if e := p.lx(k); e != nil && e.month != 0 {
		s, j, ok := p.monthExpr(k)
		if ok && s.gran == GranDay {
			return s, j, true
		}
		return sem{}, 0, false
	}
	if _, ok := p.num(k); ok {
		s, j, ok := p.numExpr(k)
		if ok && s.gran == GranDay && s.typ == "DATE" {
			return s, j, true
		}
	}
	return sem{}, 0, false
}

func isoWD(wd time.Weekday) int {
	if wd == time.Sunday {
		return 7
	}
	return int(wd)
}

// resolveWeekday picks the date of a weekday: "last"/"next" explicitly,
// else by the tense around it. A weekday equal to the reference date's is
// that day; past tense looks back, future forward; no cue means the past
// (news reports what happened).
func (p *parser) resolveWeekday(wd time.Weekday, rel int8, i, j int) sem {
	s := sem{typ: "DATE", gran: GranDay, wd: wd, hasWD: true}
	if !p.hasRef {
		s.value = "XXXX-WXX-" + strconv.Itoa(isoWD(wd))
		return s
	}
	s.relative = true
	diff := int(wd) - int(p.ref.Weekday()) // -6..6
	back := (diff - 7) % 7                 // -6..0
	fwd := (diff + 7) % 7                  // 0..6
	var off int
	switch rel {
	case relLast, relPast:
		off = back
		if off == 0 {
			off = -7
		}
		s.tense = "past"
	case relNext, relComing:
		off = fwd
		if off == 0 {
			off = 7
		}
		s.tense = "future"
	case relThis:
		c := p.tenseAt(i, j)
		s.tense = tenseName(c)
		off = fwd
		if c == cuePast {
			off = back
		}
	default:
		var c int8
		switch {
		case p.punct(j, '\'') && p.is(j+1, "s") && p.adj(j-1):
			// "Wednesday's ruling": the verb after the noun phrase decides
			c = p.cueAfter(j + 2)
		case p.is(i-1, "as") && (p.is(i-2, "soon") || p.is(i-2, "early")):
			c = cueFuture // "as soon as Tuesday"
		default:
			c = p.tenseAt(i, j)
		}
		s.tense = tenseName(c)
		switch {
		case diff == 0:
			off = 0
		case c == cueFuture || c == cuePresent:
			off = fwd
		default:
			off = back
		}
	}
	t := p.ref.AddDate(0, 0, off)
	s.y, s.m, s.d = t.Year(), int(t.Month()), t.Day()
	return s
}

// ordDay: "the eighth day of the blockade", "his first day in office". The
// day it is counts from an event the tagger does not know, so it stays
// unresolved unless the sentence says it is today: "today is the eighth day",
// "it's the second day". start is the phrase's first token ("the" or the ordinal).
func (p *parser) ordDay(k, start int) (sem, int, bool) {
	u := p.lx(k + 1)
	if u == nil || u.unit != uDay || u.plural || p.punct(k+2, '-') && p.adj(k+1) {
		return sem{}, 0, false
	}
	s := sem{typ: "DATE", gran: GranDay, relative: true}
	cop := p.lx(start - 1)
	present := cop != nil && cop.tense == cuePresent || p.is(start-1, "s") && p.punct(start-2, '\'')
	if present && p.hasRef {
		p.setDay(&s, p.ref)
		return s, k + 2, true
	}
	s.xy, s.xm, s.xd = true, true, true
	return s, k + 2, true
}

// dayWord: "today", "yesterday", "tomorrow", with "morning"/"night" after it.
func (p *parser) dayWord(i int) (sem, int, bool) {
	e := p.lx(i)
	off := 0
	switch e.day {
	case 2:
		off = -1
	case 3:
		off = 1
	}
	s := sem{typ: "DATE", gran: GranDay, relative: true}
	if p.hasRef {
		t := p.ref.AddDate(0, 0, off)
		s.y, s.m, s.d = t.Year(), int(t.Month()), t.Day()
	} else {
		s.xy, s.xm, s.xd = true, true, true
	}
	j := i + 1
	if tl := p.lx(j); tl != nil && tl.tod != "" && !tl.plural {
		s.typ, s.gran, s.tod = "TIME", GranTime, tl.tod
		j++
	}
	return s, j, true
}

func (p *parser) setDay(s *sem, t time.Time) {
	if t.IsZero() {
		s.xy, s.xm, s.xd = true, true, true
		return
	}
	s.y, s.m, s.d = t.Year(), int(t.Month()), t.Day()
}

// relExpr: "last week", "next month", "this year", "last Friday", "next
// April", "this summer", "last night", "this morning", "this past spring".
func (p *parser) relExpr(i int) (sem, int, bool) {
	e := p.lx(i)
	rel := e.rel
	k := i + 1
	if rel == relThis {
		if n := p.lx(k); n != nil && (n.rel == relPast || n.rel == relComing) {
			rel = n.rel
			k++
		}
	}
	if rel == relFollowing {
		return sem{}, 0, false
	}
	if p.fw(k) == fwFiscal {
		// "last fiscal year", "the current fiscal quarter"
		if u := p.lx(k + 1); u != nil && (u.unit == uYear || u.unit == uQuarter) && !u.plural {
			k++
		}
	}
	n := p.lx(k)
	if n == nil {
		return sem{}, 0, false
	}
	switch {
	case n.unit >= uHour && n.plural && n.unit != uWeekend && rel == relComing:
		// "in coming weeks"
		return sem{typ: "DURATION", dx: true, du: n.unit}, k + 1, true
	case n.unit >= uDay && n.plural && n.unit != uWeekend && rel == relPast && k == i+1 && (p.fw(i-1) == fwIn || p.fw(i-1) == fwOver):
		// "in past years"
		return sem{typ: "DATE", gran: GranInterval, refv: "PAST_REF"}, k + 1, true
	case n.unit != uNone && !n.plural && n.unit >= uDay:
		if n.unit == uDay {
			return sem{}, 0, false
		}
		if (n.unit == uDecade || n.unit == uCentury) && (rel == relPast || rel == relLast) && p.fw(i-1) == fwThe {
			// "the past decade" is the ten years up to now, not the 2000s
			return sem{typ: "DURATION", dur: 1, du: n.unit}, k + 1, true
		}
		s, ok := p.relUnit(rel, n.unit, i)
		if !ok {
			return sem{}, 0, false
		}
		if rel == relCurrent && n.unit != uQuarter && n.unit != uYear {
			return sem{}, 0, false
		}
		return s, k + 1, true
	case n.wday != 0 && !n.plural && p.toks[k].cap:
		j := k + 1
		if n.abbr {
			j = p.dot(j)
		}
		s := p.resolveWeekday(time.Weekday(n.wday-1), rel, i, j)
		if tl := p.lx(j); tl != nil && tl.tod != "" && !tl.plural {
			s.typ, s.gran, s.tod = "TIME", GranTime, tl.tod
			j++
		}
		return s, j, true
	case n.month != 0 && p.toks[k].cap && (rel == relLast || rel == relNext || rel == relPast || rel == relComing):
		// "last Oct. 23": the latest such day before the reference date
		if ms, j, ok := p.monthExpr(k); ok && ms.gran == GranDay && ms.relative && !ms.xy {
			t := time.Date(p.ref.Year(), time.Month(ms.m), ms.d, 0, 0, 0, 0, time.UTC)
			if rel == relNext || rel == relComing {
				if !t.After(p.ref) {
					t = t.AddDate(1, 0, 0)
				}
			} else if !t.Before(p.ref) {
				t = t.AddDate(-1, 0, 0)
			}
			s := daySem(t, true)
			return s, j, true
		}
		if n.abbr {
			return sem{}, 0, false
		}
		fallthrough
	case n.month != 0 && !n.abbr && p.toks[k].cap:
		s := sem{typ: "DATE", gran: GranMonth, m: int(n.month), relative: true}
		if !p.hasRef {
			s.xy = true
			return s, k + 1, true
		}
		ry, rm := p.ref.Year(), int(p.ref.Month())
		switch rel {
		case relLast, relPast:
			s.y = ry
			if s.m >= rm {
				s.y--
			}
		case relNext, relComing:
			s.y = ry
			if s.m <= rm {
				s.y++
			}
		default:
			s.y = ry
		}
		return s, k + 1, true
	case n.holiday != 0 && p.hasRef && (rel == relLast || rel == relNext):
		hs, j, ok := p.holiday(k)
		if !ok || hs.xy {
			return sem{}, 0, false
		}
		t := time.Date(hs.y, time.Month(hs.m), hs.d, 0, 0, 0, 0, time.UTC)
		if rel == relLast && !t.Before(p.ref) {
			hs, _, _ = p.holidayIn(k, hs.y-1)
		} else if rel == relNext && !t.After(p.ref) {
			hs, _, _ = p.holidayIn(k, hs.y+1)
		}
		return hs, j, true
	case n.season != 0:
		s := sem{typ: "DATE", gran: GranSeason, s: int(n.season), relative: true}
		if !p.hasRef {
			s.xy = true
			return s, k + 1, true
		}
		cur, cy := seasonOf(p.ref)
		s.y = cy
		switch rel {
		case relLast, relPast:
			if s.s >= cur {
				s.y--
			}
		case relNext, relComing:
			if s.s <= cur {
				s.y++
			}
		default:
			if s.s == 4 && cur != 4 && p.ref.Month() >= 3 {
				s.y = p.ref.Year()
			}
		}
		return s, k + 1, true
	case n.tod != "" && !n.plural && (rel == relThis || rel == relLast):
		s := sem{typ: "TIME", gran: GranTime, tod: n.tod, relative: true}
		t := p.ref
		if rel == relLast && p.hasRef {
			t = t.AddDate(0, 0, -1)
		}
		p.setDay(&s, t)
		return s, k + 1, true
	}
	return sem{}, 0, false
}

// seasonOf gives the season of t and the year it is labelled with (a
// winter spanning December–February is labelled by its December's year).
func seasonOf(t time.Time) (int, int) {
	m, y := t.Month(), t.Year()
	switch {
	case m >= 3 && m <= 5:
		return 1, y
	case m >= 6 && m <= 8:
		return 2, y
	case m >= 9 && m <= 11:
		return 3, y
	case m == 12:
		return 4, y
	}
	return 4, y - 1
}

// seasonExpr: "summer", "summer 2025", "the summer of 2025".
func (p *parser) seasonExpr(i int) (sem, int, bool) {
	e := p.lx(i)
	s := sem{typ: "DATE", gran: GranSeason, s: int(e.season)}
	j := i + 1
	if y, ok := p.year(j); ok {
		s.y = y
		return s, j + 1, true
	}
	if p.fw(j) == fwOf {
		if y, ok := p.year(j + 1); ok {
			s.y = y
			return s, j + 2, true
		}
		// "the winter of nineteen ninety-four", as broadcasts spell it
		if y, j2, ok := p.spokenYear(j + 1); ok && y.gran == GranYear && !y.xy {
			s.y = y.y
			return s, j2, true
		}
	}
	// "fall" is a verb, "spring" a noun; a bare season wants "in" / "the" before
	// it, and "the fall" a preposition before that ("in the fall", not "the fall of")
	f := p.fw(i - 1)
	if f == fwThe {
		g := p.fw(i - 2)
		if p.fw(j) == fwOf || !(g == fwIn || g == fwBy || g == fwSince || g == fwUntil || g == fwOver || p.is(i-2, "during") || p.is(i-2, "for") ||
			p.is(i-2, "into") || p.is(i-2, "through") || p.is(i-2, "throughout")) {
			return sem{}, 0, false
		}
	} else if !(f == fwIn || f == fwBy || f == fwSince || f == fwUntil || p.lx(i-1) != nil && p.lx(i-1).mod != "") {
		return sem{}, 0, false
	}
	if s.s == 3 && p.is(i, "fall") && f != fwThe && f != fwIn {
		return sem{}, 0, false
	}
	if !p.hasRef {
		s.xy = true
		return s, j, true
	}
	s.relative = true
	cur, cy := seasonOf(p.ref)
	s.y = cy
	c := p.tenseAt(i, j)
	s.tense = tenseName(c)
	if c == cuePast && s.s > cur {
		s.y--
	} else if c == cueFuture && s.s < cur {
		s.y++
	}
	return s, j, true
}

// quarterExpr: "the third quarter", "third-quarter", "the first half",
// "the fourth quarter of 2024", "Q3", "the latest quarter".
func (p *parser) quarterExpr(i int, afterThe bool) (sem, int, bool) {
	e := p.lx(i)
	if e == nil {
		return sem{}, 0, false
	}
	q := 0
	j := i
	if e.fw == fwFiscal && afterThe {
		j++
		e = p.lx(j)
		if e == nil {
			return sem{}, 0, false
		}
	}
	if e.ord >= 1 && e.ord <= 4 {
		q = int(e.ord)
	} else if e.ord == -1 && afterThe {
		q = 4
	} else {
		return sem{}, 0, false
	}
	k := p.hy(j + 1)
	u := p.lx(k)
	if u == nil {
		return sem{}, 0, false
	}
	isHalf := u.fw == fwHalf
	if u.unit != uQuarter && !isHalf {
		return sem{}, 0, false
	}
	if isHalf && q > 2 {
		return sem{}, 0, false
	}
	if !afterThe && k == j+1 && !isHalf {
		// "first quarter" without "the" or hyphen: still a quarter in earnings prose
	}
	s := sem{typ: "DATE", gran: GranQuarter, q: q}
	if isHalf {
		s.gran, s.h, s.q = GranHalf, q, 0
	}
	k++
	if p.fw(k) == fwOf {
		if y, ok := p.year(k + 1); ok {
			s.y = y
			return s, k + 2, true
		}
	}
	if y, ok := p.year(k); ok {
		s.y = y
		return s, k + 1, true
	}
	if !p.hasRef {
		s.xy = true
		return s, k, true
	}
	s.relative = true
	s.y = p.ref.Year()
	cq := (int(p.ref.Month())-1)/3 + 1
	if afterThe && p.punct(j+1, '-') {
		// "the third-quarter results": an adjective, the article is the noun's
		return sem{}, 0, false
	}
	if !isHalf && q > cq {
		// a quarter still to come is spoken of in the future tense; in the
		// past tense it is last year's
		if c := p.tenseAt(i, k); c != cueFuture && c != cuePresent {
			s.y--
		}
	}
	return s, k, true
}

// decade: "1990s", "'90s", "the 90s".
func (p *parser) decade(i int) (sem, int, bool) {
	k := i
	apos := false
	if p.punct(k, '\'') {
		k++
		apos = true
	}
	n, ok := p.num(k)
	if !ok || p.fw(k+1) != fwS || !p.adj(k) {
		return sem{}, 0, false
	}
	switch nd := p.toks[k].nd; {
	case nd == 4 && n%10 == 0 && n >= 1000 && n < 2200:
		return sem{typ: "DATE", gran: GranDecade, y: n}, k + 2, true
	case nd == 2 && n%10 == 0 && (apos || p.fw(i-1) == fwThe):
		c := 1900
		if p.hasRef && n+2000 <= p.ref.Year() && n < 30 {
			c = 2000
		}
		return sem{typ: "DATE", gran: GranDecade, y: c + n}, k + 2, true
	}
	return sem{}, 0, false
}

// numExpr parses an expression starting with a digit run.
func (p *parser) numExpr(i int) (sem, int, bool) {
	t := &p.toks[i]
	n := p.digits(i)
	// ISO 2025-04-12 and 2025/04/12
	if t.nd == 4 && p.adj(i) && (p.punct(i+1, '-') || p.punct(i+1, '/')) && p.adj(i+1) {
		sep := p.toks[i+1].p
		if m, ok := p.num(i + 2); ok && p.toks[i+2].nd <= 2 && p.adj(i+2) && p.punct(i+3, sep) && p.adj(i+3) {
			if d, ok := p.num(i + 4); ok && p.toks[i+4].nd <= 2 && validDate(n, m, d) {
				return sem{typ: "DATE", gran: GranDay, y: n, m: m, d: d}, i + 5, true
			}
		}
		if m, ok := p.num(i + 2); ok && sep == '-' && p.toks[i+2].nd == 2 && m >= 1 && m <= 12 && !(p.adj(i+2) && i+3 < len(p.toks) && p.toks[i+3].kind != tkPunct) {
			if y, ok := p.year(i); ok && !p.punct(i+3, '-') {
				// 2025-04 is a month; 1990-91 is a range of years: emit the first year only
				if m > 12 || (p.toks[i+2].nd == 2 && m >= 13) {
					return sem{typ: "DATE", gran: GranYear, y: y}, i + 1, true
				}
			}
		}
	}
	// numeric dates: 04/12/2025, 12.04.2025, 4/12/25
	if t.nd <= 2 && p.adj(i) && (p.punct(i+1, '/') || p.punct(i+1, '.') || p.punct(i+1, '-')) && p.adj(i+1) {
		sep := p.toks[i+1].p
		if b, ok := p.num(i + 2); ok && p.toks[i+2].nd <= 2 && p.adj(i+2) && p.punct(i+3, sep) && p.adj(i+3) {
			if y, ok := p.num(i + 4); ok && (p.toks[i+4].nd == 4 || p.toks[i+4].nd == 2) && !p.adj(i+4) || ok && i+5 == len(p.toks) {
				if p.toks[i+4].nd == 2 {
					y += 1900
					if y < 1950 {
						y += 100
					}
				}
				m, d := n, b
				if p.opt.DayFirst || sep == '.' {
					m, d = b, n
				}
				if validDate(y, m, d) {
					return sem{typ: "DATE", gran: GranDay, y: y, m: m, d: d}, i + 5, true
				}
			}
		}
	}
	// wire-service clock times: "1400 GMT", "0215 local time"
	if t.nd == 4 && n/100 < 24 && n%100 < 60 {
		end := 0
		if z := p.lx(i + 1); z != nil && z.tz && p.toks[i+1].cap {
			end = i + 2
		} else if p.fw(i+1) == fwLocal && p.fw(i+2) == fwTime {
			end = i + 3
		}
		if end != 0 {
			s := sem{typ: "TIME", gran: GranTime, clock: true, hour: n / 100, min: n % 100}
			if p.hasRef {
				p.setDay(&s, p.ref)
				s.relative = true
			} else {
				s.xy, s.xm, s.xd = true, true, true
			}
			return s, end, true
		}
	}
	// "12 April 2025", "12th of April", "11-12 July"
	if d, j, ok := p.dayNum(i); ok {
		k := j
		if p.fw(k) == fwOf {
			k++
		}
		if me := p.lx(k); me != nil && me.month != 0 && p.toks[k].cap {
			k2 := k + 1
			if me.abbr {
				k2 = p.dot(k2)
			}
			s := sem{typ: "DATE", gran: GranDay, m: int(me.month), d: d}
			if y, k3, ok := p.optYear(k2); ok {
				s.y = y
				k2 = k3
			} else {
				p.guessYear(&s, i, k2)
			}
			if validDate(s.y, s.m, s.d) || s.xy {
				return s, k2, true
			}
		}
		// a range "11-12 July": the first day takes the month of the second
		if p.punct(j, '-') {
			if d2, j2, ok := p.dayNum(j + 1); ok && d2 > d {
				if me := p.lx(j2); me != nil && me.month != 0 && p.toks[j2].cap {
					s := sem{typ: "DATE", gran: GranDay, m: int(me.month), d: d}
					k2 := j2 + 1
					if me.abbr {
						k2 = p.dot(k2)
					}
					if y, _, ok := p.optYear(k2); ok {
						s.y = y
					} else {
						p.guessYear(&s, i, k2)
					}
					return s, j, true
				}
			}
		}
	}
	// clock times
	if s, j, ok := p.clockTime(i); ok {
		return s, j, true
	}
	// "1990s"
	if s, j, ok := p.decade(i); ok {
		return s, j, true
	}
	// durations and "3 years ago"
	if s, j, ok := p.quantity(i); ok {
		return s, j, true
	}
	// "the 20th century" without the article
	if t.nd <= 2 && p.fw(i+1) == fwTh && p.adj(i) && n >= 1 && n <= 21 {
		if c := p.lx(i + 2); c != nil && c.unit == uCentury && !c.plural {
			return sem{typ: "DATE", gran: GranCentury, y: (n - 1) * 100}, i + 3, true
		}
	}
	// ordinals: "3rd quarter"
	if t.nd == 1 && p.fw(i+1) == fwTh && p.adj(i) && n >= 1 && n <= 4 {
		if u := p.lx(p.hy(i + 2)); u != nil && u.unit == uQuarter && !u.plural {
			s := sem{typ: "DATE", gran: GranQuarter, q: n}
			if p.hasRef {
				s.y = p.ref.Year()
				s.relative = true
			} else {
				s.xy = true
			}
			return s, p.hy(i+2) + 1, true
		}
	}
	// years
	if y, ok := p.year(i); ok {
		if p.yearContext(i) {
			return sem{typ: "DATE", gran: GranYear, y: y}, i + 1, true
		}
	}
	return sem{}, 0, false
}

// yearContext filters four-digit numbers that are not years: amounts,
// counts ("1,500 people" is excluded by the comma already), percentages.
func (p *parser) yearContext(i int) bool {
	n := p.digits(i)
	if p.punct(i-1, '$') || p.punct(i-1, '#') || p.punct(i+1, '%') || p.is(i+1, "percent") || p.is(i+1, "pct") {
		return false
	}
	if p.punct(i+1, '.') && p.adj(i) && i+2 < len(p.toks) && p.toks[i+2].kind == tkNum && p.adj(i+1) {
		return false
	}
	if p.punct(i+1, ',') && p.adj(i) && i+2 < len(p.toks) && p.toks[i+2].kind == tkNum && p.adj(i+1) && p.toks[i+2].nd == 3 {
		return false
	}
	if p.punct(i+1, ':') && p.adj(i) {
		return false
	}
	if n < 1900 || n > 2099 {
		f := p.fw(i - 1)
		return f == fwIn || f == fwSince || f == fwOf || f == fwBy || f == fwUntil || f == fwFrom || f == fwFiscal || f == fwBetween
	}
	if e := p.lx(i + 1); e != nil && e.unit != uNone {
		return false
	}
	return true
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	if y == 0 {
		y = 2000
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

// clockTime: "11 pm", "10:30 a.m. EST", "noon", "midnight Friday", "14:00 GMT".
func (p *parser) clockTime(i int) (sem, int, bool) {
	s := sem{typ: "TIME", gran: GranTime, clock: true}
	j := i
	// "dawn" is a time only where a time is expected: "at dawn", "before
	// dusk", "dawn Saturday"; not "as dawn broke", "a pre-dawn raid"
	needDay := false
	if f := p.fw(i); f == fwDawn || f == fwDusk {
		s.clock, s.tod = false, "MO"
		if f == fwDusk {
			s.tod = "EV"
		}
		switch p.fw(i - 1) {
		case fwAt, fwBefore, fwAfter, fwUntil, fwBy, fwFrom, fwSince, fwTo:
		default:
			needDay = !p.is(i-1, "till") && !p.is(i-1, "toward") && !p.is(i-1, "towards") && !p.is(i-1, "around")
		}
		if p.toks[i].cap && i > 0 && p.toks[i-1].kind == tkWord && p.toks[i-1].cap {
			return sem{}, 0, false // a name: "Operation Desert Dawn"
		}
		j++
	} else if f == fwNoon || f == fwMidnight {
		if p.is(i-1, "high") {
			return sem{}, 0, false // "high noon", the film "High Noon"
		}
		s.hour = 12
		if f == fwMidnight {
			s.hour = 24
		}
		j++
	} else {
		h, ok := p.num(i)
		if !ok || p.toks[i].nd > 2 || h > 24 {
			return sem{}, 0, false
		}
		s.hour = h
		j = i + 1
		hasMin := false
		// "10.30am", "10.30 p.m.": the British point only before am/pm
		dotted := p.punct(j, '.') && p.adj(i) && p.adj(j) && (p.fw(j+2) == fwAm || p.fw(j+2) == fwPm || p.is(j+2, "a") || p.is(j+2, "p"))
		if (p.punct(j, ':') || dotted) && p.adj(i) && p.adj(j) {
			if mm, ok := p.num(j + 1); ok && p.toks[j+1].nd == 2 && mm < 60 {
				s.min = mm
				j += 2
				hasMin = true
			} else {
				return sem{}, 0, false
			}
		}
		ampm := 0
		if f := p.fw(j); f == fwAm || f == fwPm {
			ampm = int(f)
			j++
		} else if (p.is(j, "a") || p.is(j, "p")) && p.punct(j+1, '.') && p.adj(j) && p.is(j+2, "m") && p.adj(j+1) {
			ampm = int(fwAm)
			if p.is(j, "p") {
				ampm = int(fwPm)
			}
			j += 3
			j = p.dot(j)
		}
		if ampm == 0 && p.fw(j) == fwIn && p.fw(j+1) == fwThe && s.hour >= 1 && s.hour <= 12 {
			// "4 in the morning", "eight in the evening"
			if t := p.lx(j + 2); t != nil && t.tod != "" && !t.plural {
				ampm = int(fwPm)
				if t.tod == "MO" {
					ampm = int(fwAm)
				}
				j += 3
			}
		}
		if ampm == 0 {
			if dotted {
				return sem{}, 0, false // "at 1.50 a share"
			}
			// a bare "14:00" needs a zone or "local time" to be a time
			if !hasMin {
				if p.fw(j) == fwOClock && p.punct(j+1, '\'') && p.is(j+2, "clock") {
					j += 3
				} else {
					return sem{}, 0, false
				}
			} else if !(p.lx(j) != nil && p.lx(j).tz) && !(p.fw(j) == fwLocal && p.fw(j+1) == fwTime) && !p.atBefore(i) {
				return sem{}, 0, false
			}
		} else if s.hour > 12 || s.hour == 0 {
			return sem{}, 0, false
		}
		if ampm == int(fwPm) && s.hour < 12 {
			s.hour += 12
		}
		if ampm == int(fwAm) && s.hour == 12 {
			s.hour = 0
		}
	}
	if e := p.lx(j); e != nil && e.tz && p.toks[j].cap {
		j++
	} else if p.fw(j) == fwLocal && p.fw(j+1) == fwTime {
		j += 2
	}
	// the day it falls on: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "noon today"
	k := j
	if p.punct(k, ',') {
		k++
	}
	if p.fw(k) == fwOn {
		k++
	}
	if e := p.lx(k); e != nil && (e.wday != 0 || e.day != 0 || e.month != 0) {
		var d sem
		var k2 int
		var ok bool
		switch {
		case e.wday != 0:
			d, k2, ok = p.weekdayExpr(k)
		case e.day != 0:
			d, k2, ok = p.dayWord(k)
		default:
			d, k2, ok = p.writtenDate(k)
		}
		if ok && d.gran == GranDay && d.value == "" {
			s.y, s.m, s.d, s.xy, s.xm, s.xd = d.y, d.m, d.d, d.xy, d.xm, d.xd
			s.hasWD, s.wd, s.relative, s.tense, s.conflict = d.hasWD, d.wd, d.relative, d.tense, d.conflict
			return s, k2, true
		}
	}
	if needDay {
		return sem{}, 0, false
	}
	// "March 5 at 10 a.m.", "Friday, at noon": the day just named
	if d, ok := p.dayBefore(i); ok {
		s.y, s.m, s.d, s.relative = d.Year(), int(d.Month()), d.Day(), true
		return s, j, true
	}
	// undated: the reference day
	if p.hasRef {
		p.setDay(&s, p.ref)
		s.relative = true
	} else {
		s.xy, s.xm, s.xd = true, true, true
	}
	return s, j, true
}

// atBefore reports whether "at" stands before token i, maybe with an
// approximation between: "at 14:00", "at about 8:15".
func (p *parser) atBefore(i int) bool {
	if e := p.lx(i - 1); e != nil && e.approx != "" && e.fw != fwAt {
		i--
	}
	return p.fw(i-1) == fwAt
}

// dayBefore returns the day of a day-precise date that ends just before
// "at" (or "around"/"about") in front of token i: "on March 5 at 10 a.m.".
func (p *parser) dayBefore(i int) (time.Time, bool) {
	k := i - 1
	if e := p.lx(k); e != nil && e.approx != "" {
		k--
	}
	if p.fw(k) != fwAt || len(p.out) == 0 {
		return time.Time{}, false
	}
	k--
	if p.punct(k, ',') {
		k--
	}
	last := &p.out[len(p.out)-1]
	if k < 0 || last.End != int(p.toks[k].e) || last.Type != "DATE" || last.Gran != GranDay || last.From.IsZero() {
		return time.Time{}, false
	}
	return last.From, true
}

// numberPhrase reads a count: "4", "four", "twenty-four", "2.5", "2-1/2",
// "two-and-a-half", "a", "a few", "several", "a couple of", "half a".
func (p *parser) numberPhrase(i int) (v float64, fuzzy bool, j int, ok bool) {
	if n, ok := p.num(i); ok {
		v, j = float64(n), i+1
		if p.toks[i].nd > 7 {
			return 0, false, 0, false
		}
		// thousands separators: 1,000
		for p.punct(j, ',') && p.adj(j-1) && p.adj(j) && j+1 < len(p.toks) && p.toks[j+1].kind == tkNum && p.toks[j+1].nd == 3 {
			v = v*1000 + float64(p.digits(j+1))
			j += 2
		}
		if p.punct(j, '.') && p.adj(j-1) && p.adj(j) {
			if f, ok := p.num(j + 1); ok {
				v += float64(f) / pow10(int(p.toks[j+1].nd))
				j += 2
			}
		}
		// 2-1/2 and 2 1/2
		k := j
		if p.punct(k, '-') && p.adj(k-1) && p.adj(k) {
			k++
		}
		if a, ok := p.num(k); ok && p.punct(k+1, '/') && p.adj(k) && p.adj(k+1) {
			if b, ok := p.num(k + 2); ok && b > a && b > 0 {
				v += float64(a) / float64(b)
				j = k + 3
			}
		}
		return v, false, j, true
	}
	e := p.lx(i)
	if e == nil {
		return 0, false, 0, false
	}
	switch {
	case e.hasNum:
		v, j = float64(e.num), i+1
		if e.tensAdj != 0 {
			k := p.hy(j)
			if o := p.lx(k); o != nil && o.hasNum && o.num >= 1 && o.num <= 9 && o.tensAdj == 0 {
				v += float64(o.num)
				j = k + 1
			}
		}
		if k := p.hy(j); p.fw(k) == fwHundred || p.fw(k) == fwThousand {
			if p.fw(k) == fwHundred {
				v *= 100
			} else {
				v *= 1000
			}
			j = k + 1
		}
	case e.fw == fwA:
		v, j = 1, i+1
		switch p.fw(j) {
		case fwFew:
			return 3, true, j + 1, true
		case fwCouple:
			j++
			if p.fw(j) == fwOf {
				j++
			}
			return 2, false, j, true
		case fwHalf:
			return 0.5, false, j + 1, true
		case fwHundred:
			return 100, false, j + 1, true
		case fwThousand:
			return 1000, false, j + 1, true
		}
	case e.fw == fwHalf:
		j = i + 1
		if p.fw(j) == fwA {
			return 0.5, false, j + 1, true
		}
		// "half-century", "half century", "half-hour"
		if u := p.lx(p.hy(j)); u != nil && !u.plural && (u.unit == uCentury || u.unit == uDecade || u.unit == uHour) {
			return 0.5, false, j, true
		}
		return 0, false, 0, false
	case e.fw == fwSeveral || e.fw == fwFew || e.fw == fwMany:
		return 3, true, i + 1, true
	case e.fw == fwCouple:
		// "the next couple of years"
		if p.fw(i+1) == fwOf {
			return 2, false, i + 2, true
		}
		return 0, false, 0, false
	default:
		return 0, false, 0, false
	}
	// "two and a half", "two-and-a-half"
	k := p.hy(j)
	if p.fw(k) == fwAnd {
		k2 := p.hy(k + 1)
		if p.fw(k2) == fwA {
			k3 := p.hy(k2 + 1)
			if p.fw(k3) == fwHalf {
				if u := p.lx(p.hy(k3 + 1)); u != nil && u.unit != uNone {
					return v + 0.5, false, k3 + 1, true
				}
			}
		}
	}
	return v, false, j, true
}

func pow10(n int) float64 {
	f := 1.0
	for range n {
		f *= 10
	}
	return f
}

// quantity: durations ("four hours", "two-and-a-half-hour", "60 days",
// "a minute and a half", "decades"), "three days ago/later/earlier", and
// "twice a year" sets.
func (p *parser) quantity(i int) (sem, int, bool) {
	v, fuzzy, j, ok := p.numberPhrase(i)
	if !ok {
		// "on weekends", "at weekends": every weekend
		if e := p.lx(i); e != nil && e.unit == uWeekend && e.plural && (p.fw(i-1) == fwOn || p.fw(i-1) == fwAt || p.is(i-1, "during")) {
			return sem{typ: "SET", value: "XXXX-WXX-WE"}, i + 1, true
		}
		if e := p.lx(i); e != nil && e.unit >= uSecond && e.unit != uWeekend && e.plural {
			return p.bareUnit(i, e)
		}
		return sem{}, 0, false
	}
	// a range: "two to three weeks", "12-18 months", "one or two days"
	lo := 0.0
	if !fuzzy && (p.fw(j) == fwTo || p.fw(j) == fwOr || p.punct(j, '-') && p.adj(j-1) && p.adj(j)) {
		if v2, fz2, j2, ok2 := p.numberPhrase(j + 1); ok2 && !fz2 && v2 > v && p.fw(j+1) != fwA {
			if u := p.lx(j2); u != nil && u.unit >= uSecond && u.unit != uWeekend && !u.long && u.plural {
				lo, v, j = v, v2, j2
			}
		}
	}
	k := p.hy(j)
	hyph := k > j
	if k == j && p.fw(k) == fwOf && fuzzy {
		k++
	}
	// "20 more years", "eight trading days"
	if p.fw(k) == fwMore || p.is(k, "trading") || p.is(k, "business") || p.is(k, "working") || p.is(k, "school") ||
		p.is(k, "additional") || p.is(k, "extra") || p.is(k, "further") {
		if u := p.lx(k + 1); u != nil && (u.unit == uDay || u.unit == uWeek || u.unit == uYear || u.unit == uMonth || u.unit == uHour) {
			k++
		}
	}
	u := p.lx(k)
	if u == nil || u.unit == uNone || u.unit == uWeekend || u.long {
		return sem{}, 0, false
	}
	if p.fw(i) == fwA && !u.plural {
		// "a quarter of the vote", "a second term": a fraction, an ordinal
		if u.unit == uQuarter && (p.fw(k+1) == fwOf || p.punct(k+1, '-')) {
			return sem{}, 0, false
		}
		if u.unit == uSecond && k+1 < len(p.toks) && p.toks[k+1].kind == tkWord && !p.toks[k+1].cap && (p.lx(k+1) == nil || p.lx(k+1).unit != uNone) {
			return sem{}, 0, false
		}
	}
	if p.fw(i) == fwA && u.plural && v == 1 && !fuzzy {
		return sem{}, 0, false
	}
	if p.fw(i) == fwA && !u.plural && p.punct(k+1, '-') && p.adj(k) && p.is(k+2, "long") {
		return sem{}, 0, false // "a year-long inquiry": the adjective is the expression
	}
	// ages are not durations: "a 6-year-old", "37 years old"
	if p.is(k+1, "old") || p.punct(k+1, '-') && p.adj(k) && p.is(k+2, "old") {
		return sem{}, 0, false
	}
	// fractions: "three-quarters of the vote"
	if u.unit == uQuarter && u.plural && hyph {
		return sem{}, 0, false
	}
	if !hyph && !u.plural && v != 1 && v != 0.5 && !fuzzy {
		// "12 year" only as an adjective after a hyphen; "the 1990 year" is no duration
		if v >= 1000 || !(p.toks[k].e-p.toks[k].s > 0) {
			return sem{}, 0, false
		}
	}
	if _, isNum := p.num(i); isNum && p.toks[i].nd == 4 && !u.plural && !hyph {
		return sem{}, 0, false
	}
	j = k + 1
	// "a minute and a half", "an hour and a half"
	if p.fw(j) == fwAnd && p.fw(j+1) == fwA && p.fw(j+2) == fwHalf {
		v += 0.5
		j += 3
	}
	s := sem{typ: "DURATION", dur: v, du: u.unit, dx: fuzzy, adj: hyph && !u.plural, durLo: lo}
	// "or so"
	if p.fw(j) == fwOr && p.fw(j+1) == fwSo {
		s.mod = "APPROX"
		j += 2
	}
	switch f := p.fw(j); {
	case f == fwAgo || f == fwHence || f == fwFrom && p.fw(j+1) == fwNow:
		back := f == fwAgo
		end := j + 1
		if f == fwFrom {
			end++
		}
		return p.ago(s, back, false), end, true
	case f == fwEarlier || f == fwLater:
		// "three days later": from the event just named
		if !hyph && p.lx(j+1) == nil || !hyph && p.lx(j+1).unit == uNone {
			return p.ago(s, f == fwEarlier, true), j + 1, true
		}
	}
	// "24 hours a day", "seven days a week": how often, not how long
	if !hyph && s.mod == "" && (p.fw(j) == fwA || p.fw(j) == fwPer) && u.unit <= uMonth {
		if w := p.lx(j + 1); w != nil && !w.plural && w.unit > u.unit && w.unit <= uYear && w.unit != uWeekend && w.unit != uFortnight {
			return sem{typ: "SET", dur: 1, du: w.unit}, j + 2, true
		}
	}
	if p.fw(i) == fwA && !u.plural && v == 1 && p.rate(i-1) {
		// "$500 million a year", "four flights a week": a rate, not a length
		return sem{}, 0, false
	}
	// sets: "twice a year" is tagged on "a year"
	if p.fw(i) == fwA && p.fw(i-1) == fwTimes {
		return sem{typ: "SET", dur: 1, du: u.unit}, j, true
	}
	return s, j, true
}

// bareUnit: a plural unit without a count, "for years", "days after the
// shooting", "it could take months", "years of war", "weeks or months". A
// bare plural with no such cue ("weeks of talks" after "the") is left alone.
func (p *parser) bareUnit(i int, e *lexEntry) (sem, int, bool) {
	if f := p.fw(i + 1); f == fwAgo || (f == fwLater || f == fwEarlier) && (p.lx(i+2) == nil || p.lx(i+2).unit == uNone) {
		// "just months ago", "minutes later"
		return p.ago(sem{typ: "DURATION", dx: true, du: e.unit}, f != fwLater, f != fwAgo), i + 2, true
	}
	s := sem{typ: "DURATION", dx: true, du: e.unit}
	j := i + 1
	// "weeks or months", "days or even weeks": one vague stretch
	if p.fw(j) == fwOr {
		k := j + 1
		if p.is(k, "even") {
			k++
		}
		if u := p.lx(k); u != nil && u.plural && u.unit > e.unit && u.unit != uWeekend {
			j = k + 1
		}
	}
	switch {
	case p.is(i-1, "for") || p.is(i-1, "within") || p.is(i-1, "after") || p.is(i-1, "over") || p.is(i-1, "in") && p.fw(i+1) != fwOf:
		return s, j, true
	case p.lengthVerb(i-1) && !(e.unit == uMinute && p.fw(i+1) == fwOf):
		// "it could take years", "he spent months in hiding"; not "took
		// minutes of the meeting"
		return s, j, true
	case e.unit >= uMinute && (p.fw(i+1) == fwAfter || p.fw(i+1) == fwBefore) && (p.bareStart(i) || p.sentenceStart(i)) &&
		i+2 < len(p.toks) && p.toks[i+2].kind != tkPunct:
		// "days after the shooting", "just weeks before the vote"
		return s, i + 1, true
	case e.unit >= uDay && e.unit <= uDecade && p.fw(i+1) == fwOf && i+2 < len(p.toks) && p.toks[i+2].kind == tkWord && !p.toks[i+2].cap &&
		p.lx(i+2) == nil && p.bareStart(i):
		// "months of delay", "years of war": a stretch of that length
		return s, i + 1, true
	}
	return sem{}, 0, false
}

// bareStart reports whether a bare plural unit at i stands without a
// determiner or count of its own: after a word the lexicon does not know
// ("followed months of talks") or after "just"/"only" ("just weeks").
func (p *parser) bareStart(i int) bool {
	if i == 0 || p.toks[i-1].kind != tkWord {
		return false
	}
	e := p.toks[i-1].entry()
	return e == nil || e.approx == "-"
}

// sentenceStart reports whether token i begins a sentence or quotation,
// capitalised: "Hours after the vote, …".
func (p *parser) sentenceStart(i int) bool {
	if !p.toks[i].cap {
		return false
	}
	if i == 0 {
		return true
	}
	switch c := p.toks[i-1]; {
	case c.kind != tkPunct:
		return false
	case c.p == '"' || c.p == '\'' || c.p == '\n' || c.p == 0:
		return true
	}
	return p.boundary(i - 1)
}

// lengthVerb reports whether token k is a verb that takes a length as its
// object: "take", "spent", "lasted", "waited".
func (p *parser) lengthVerb(k int) bool {
	if k < 0 || k >= len(p.toks) || p.toks[k].kind != tkWord {
		return false
	}
	for _, w := range [...]string{"take", "takes", "took", "taking", "taken", "spend", "spends", "spent", "spending",
		"lasts", "lasted", "lasting", "wait", "waits", "waited", "waiting"} {
		if p.is(k, w) {
			return true
		}
	}
	return false
}

// rate reports whether token k ends an amount a following "a year" divides:
// a number, "million", "percent", a plural noun ("flights", "hours").
func (p *parser) rate(k int) bool {
	if k < 0 || k >= len(p.toks) {
		return false
	}
	t := &p.toks[k]
	switch {
	case t.kind == tkNum || t.kind == tkPunct && t.p == '%':
		return true
	case t.kind != tkWord:
		return false
	case p.is(k, "million") || p.is(k, "billion") || p.is(k, "percent") || p.is(k, "cents") || p.is(k, "dollars"):
		return true
	case t.lx != 0 && t.entry().unit != uNone && t.entry().plural:
		return true // "24 hours a day"
	}
	return t.lx == 0 && !t.cap && t.e-t.s > 3 && p.text[t.e-1] == 's' && p.text[t.e-2] != 's'
}

// ago turns "N units ago/later" into a date at the unit's granularity.
func (p *parser) ago(d sem, back, anchored bool) sem {
	base := p.ref
	if anchored && !p.anchor.IsZero() {
		base = p.anchor
	}
	if base.IsZero() || d.dx {
		r := sem{typ: "DATE", gran: GranInterval, refv: "PAST_REF", relative: true}
		if !back {
			r.refv = "FUTURE_REF"
		}
		if base.IsZero() && !d.dx {
			r = sem{typ: "DATE", gran: GranDay, xy: true, xm: true, xd: true, relative: true}
		}
		return r
	}
	n := int(d.dur)
	if float64(n) != d.dur || n == 0 {
		n = int(d.dur + 0.5)
	}
	if back {
		n = -n
	}
	if d.du == uYear && p.qQ != 0 && !anchored || d.du == uYear && anchored && p.qQ != 0 && p.anchor.IsZero() {
		// "a year earlier" in a report on a quarter is that quarter a year back
		s, _ := p.topicQuarter(n)
		s.mod = d.mod
		return s
	}
	var s sem
	switch d.du {
	case uSecond, uMinute, uHour:
		s = daySem(base, true)
		s.mod = d.mod
		return s
	case uDecade:
		s, _ = shiftSem(base, uYear, 10*n, true)
	case uCentury:
		s, _ = shiftSem(base, uYear, 100*n, true)
	case uMillennium:
		s, _ = shiftSem(base, uYear, 1000*n, true)
	default:
		s, _ = shiftSem(base, d.du, n, true)
	}
	if d.du == uWeek || d.du == uFortnight {
		t := base.AddDate(0, 0, 7*n)
		if d.du == uFortnight {
			t = base.AddDate(0, 0, 14*n)
		}
		s = daySem(t, true)
		s.gran = GranWeek
		s.y, s.w = t.ISOWeek()
	}
	s.mod = d.mod
	return s
}

func unitLetter(u unit) string {
	switch u {
	case uSecond:
		return "S"
	case uMinute:
		return "M"
	case uHour:
		return "H"
	case uDay:
		return "D"
	case uWeek:
		return "W"
	case uFortnight:
		return "W"
	case uMonth:
		return "M"
	case uQuarter:
		return "Q"
	case uYear:
		return "Y"
	case uDecade:
		return "DE"
	case uCentury:
		return "CE"
	}
	return "Y"
}

// refExpr: "now", "currently", "recently", "soon", "current", "recent years".
func (p *parser) refExpr(i int) (sem, int, bool) {
	e := p.lx(i)
	switch {
	case p.is(i, "present"):
		if p.fw(i-1) != fwAt {
			return sem{}, 0, false
		}
	case p.is(i, "future"):
		// "the future" is theExpr's. The bare adjective ("future losses",
		// "future earnings") is left alone: TimeBank tags it in about one
		// case in four. With a plural unit it is a time: "future quarters".
		if u := p.lx(i + 1); p.fw(i-1) != fwThe && u != nil && u.plural && u.unit >= uWeek && u.unit != uWeekend {
			return sem{typ: "DATE", gran: GranInterval, refv: e.ref}, i + 2, true
		}
		return sem{}, 0, false
	case p.is(i, "current"):
		if u := p.lx(i + 1); u != nil && !u.plural && (u.unit == uQuarter || u.unit == uYear || u.unit == uMonth || u.unit == uWeek) {
			s, ok := p.relUnit(relThis, u.unit, i)
			return s, i + 2, ok
		}
	case p.is(i, "recent"):
		if u := p.lx(i + 1); u != nil && u.plural && u.unit >= uDay && u.unit <= uDecade && u.unit != uWeekend {
			return sem{typ: "DURATION", dx: true, du: u.unit}, i + 2, true
		}
		// the adjective alone ("a recent survey") dates nothing checkable
		return sem{}, 0, false
	}
	// "now" as a conjunction ("now that") still points at the present
	return sem{typ: "DATE", gran: GranInterval, refv: e.ref}, i + 1, true
}

// setExpr: "every week", "each year", "every Monday", "each July".
func (p *parser) setExpr(i int) (sem, int, bool) {
	j := i + 1
	v, _, k, ok := p.numberPhrase(j)
	if p.is(j, "other") {
		// "every other day": every second one
		v, k, ok = 2, j+1, true
	}
	if ok {
		j = k
	} else {
		v = 1
	}
	e := p.lx(j)
	if e == nil {
		return sem{}, 0, false
	}
	switch {
	case e.unit >= uSecond && e.unit != uWeekend:
		return sem{typ: "SET", dur: v, du: e.unit}, j + 1, true
	case e.wday != 0 && p.toks[j].cap:
		s := sem{typ: "SET", value: "XXXX-WXX-" + strconv.Itoa(isoWD(time.Weekday(e.wday-1)))}
		if tl := p.lx(j + 1); tl != nil && tl.tod != "" {
			s.value += "T" + tl.tod
			return s, j + 2, true
		}
		return s, j + 1, true
	case e.month != 0 && !e.abbr && p.toks[j].cap:
		return sem{typ: "SET", value: monthSets[e.month]}, j + 1, true
	case e.tod != "":
		return sem{typ: "SET", value: "TXX" + e.tod[:0] + e.tod}, j + 1, true
	case e.season != 0:
		// "every summer"
		return sem{typ: "SET", value: "XXXX-" + [...]string{"", "SP", "SU", "FA", "WI"}[e.season]}, j + 1, true
	}
	return sem{}, 0, false
}

// monthSets are the values of "every January" … "every December".
var monthSets = [...]string{"", "XXXX-01", "XXXX-02", "XXXX-03", "XXXX-04", "XXXX-05", "XXXX-06",
	"XXXX-07", "XXXX-08", "XXXX-09", "XXXX-10", "XXXX-11", "XXXX-12"}

// holiday: "Christmas", "Thanksgiving 2024", "Christmas Eve".
func (p *parser) holiday(i int) (sem, int, bool) { return p.holidayIn(i, 0) }

// holidayIn is holiday with the year forced when force is not zero.
func (p *parser) holidayIn(i, force int) (sem, int, bool) {
	e := p.lx(i)
	if !p.toks[i].cap {
		return sem{}, 0, false
	}
	h := e.holiday
	j := i + 1
	if h == holNewYear {
		// "New Year's Day", "New Year's Eve"
		if !p.is(j, "year") || !p.punct(j+1, '\'') || !p.is(j+2, "s") || !p.is(j+3, "day") && !p.is(j+3, "eve") {
			return sem{}, 0, false
		}
		if p.is(j+3, "eve") {
			h = holNewYearsEve
		}
		j += 4
	}
	switch {
	case h == holChristmas && p.is(j, "eve"):
		h = holChristmasEve
		j++
	case p.is(j, "day"):
		j++
	}
	s := sem{typ: "DATE", gran: GranDay}
	date := func(y int) time.Time {
		switch h {
		case holChristmas:
			return time.Date(y, 12, 25, 0, 0, 0, 0, time.UTC)
		case holChristmasEve:
			return time.Date(y, 12, 24, 0, 0, 0, 0, time.UTC)
		case holHalloween:
			return time.Date(y, 10, 31, 0, 0, 0, 0, time.UTC)
		case holNewYear:
			return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		case holNewYearsEve:
			return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		case holThanksgiving:
			return nthWeekday(y, 11, time.Thursday, 4)
		}
		return easter(y)
	}
	if y, ok := p.year(j); ok && force == 0 {
		s.y = y
		j++
	} else if force != 0 {
		s.y, s.relative = force, true
	} else if p.hasRef {
		s.relative = true
		c := p.tenseAt(i, j)
		s.tense = tenseName(c)
		s.y = p.nearestYear(c, func(y int) (time.Time, time.Time) { t := date(y); return t, t.AddDate(0, 0, 1) })
	} else {
		s.xy = true
	}
	y := s.y
	if s.xy {
		y = 2001
	}
	t := date(y)
	s.m, s.d = int(t.Month()), t.Day()
	if s.xy && (h == holThanksgiving || h == holEaster) {
		s.xm, s.xd = true, true
	}
	return s, j, true
}

func nthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	t := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	off := (int(wd) - int(t.Weekday()) + 7) % 7
	return t.AddDate(0, 0, off+7*(n-1))
}

// easter is the Gregorian Easter Sunday (anonymous algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// absDays is the absolute number of days in a duration.
func absDays(d time.Duration) int {
	n := int(d.Hours() / 24)
	if n < 0 {
		return -n
	}
	return n
}
