package temporal

import (
	"strconv"
	"time"
)

// emit formats the expression over tokens [i, j) and records it. Its text
// and value go into p.buf, which finish turns into one string: a Timex then
// costs no allocation of its own.
func (p *parser) emit(i, j int, s sem) {
	start, end := int(p.toks[i].s), int(p.toks[j-1].e)
	tx := Timex{
		Start: start, End: end,
		Type: s.typ, Mod: s.mod, Gran: s.gran,
		Weekday: s.wd, HasWeekday: s.hasWD, Relative: s.relative, Tense: s.tense, Conflict: s.conflict,
	}
	p.buf = append(p.buf, p.text[start:end]...)
	switch s.typ {
	case "DURATION":
		tx.DurMin, tx.DurMax = durBounds(s.dur, s.du, s.dx, s.mod)
		switch {
		case s.durLo > 0:
			// a range is vague in its value and bounded by its two ends
			p.buf = appendDurValue(p.buf, 0, s.du, true)
			tx.DurMin, _ = durBounds(s.durLo, s.du, false, s.mod)
		case s.value != "":
			p.buf = append(p.buf, s.value...) // "a while": no unit
		default:
			p.buf = appendDurValue(p.buf, s.dur, s.du, s.dx)
		}
		tx.Gran = GranInterval
	case "SET":
		if s.value != "" {
			p.buf = append(p.buf, s.value...)
		} else {
			p.buf = appendDurValue(p.buf, s.dur, s.du, false) // "every three months"
		}
		tx.Gran = GranInterval
	default:
		p.buf = appendDateValue(p.buf, &s)
		tx.From, tx.To = interval(&s)
		if s.gran == GranDay && !tx.From.IsZero() {
			p.anchor = tx.From
		}
		if !s.relative && !s.xy && s.refv == "" && s.value == "" && s.gran <= GranYear {
			p.lastY = s.y
		}
		if s.gran == GranQuarter && !s.xy && s.refv == "" && !s.shifted {
			p.qY, p.qQ = s.y, s.q
		}
	}
	p.vend = append(p.vend, int32(len(p.buf)))
	p.out = append(p.out, tx)
}

// finish fills in the Text and Value of every expression from p.buf, which
// holds each one's text followed by its value.
func (p *parser) finish() {
	all := string(p.buf)
	off := 0
	for i := range p.out {
		t := &p.out[i]
		te, ve := off+t.End-t.Start, int(p.vend[i])
		t.Text, t.Value = all[off:te], all[te:ve]
		off = ve
	}
}

// appendPad appends n in decimal, zero-padded on the left to width bytes.
func appendPad(dst []byte, n, width int) []byte {
	var b [20]byte
	d := strconv.AppendInt(b[:0], int64(n), 10)
	for k := len(d); k < width; k++ {
		dst = append(dst, '0')
	}
	return append(dst, d...)
}

// appendNum appends v without trailing zeros: 2, 2.5.
func appendNum(dst []byte, v float64) []byte {
	return strconv.AppendFloat(dst, v, 'f', -1, 64)
}

// appendDurValue appends an ISO 8601 duration: P2Y, PT4H, PT2H30M, PXY. A
// fraction goes into the next smaller unit when it fits exactly there.
func appendDurValue(dst []byte, v float64, u unit, fuzzy bool) []byte {
	if whole := float64(int64(v)); !fuzzy && v != whole && v < 1e6 {
		frac := v - whole
		per, subu := 0.0, uNone
		switch u {
		case uYear:
			per, subu = 12, uMonth
		case uMonth:
			per, subu = 30, uDay
		case uDay:
			per, subu = 24, uHour
		case uHour:
			per, subu = 60, uMinute
		case uMinute:
			per, subu = 60, uSecond
		}
		if x := frac * per; per != 0 && x == float64(int64(x)) {
			// "P1Y6M", "P2DT12H", "PT2H30M", "PT30M"
			dst = append(dst, 'P')
			if u == uHour || u == uMinute {
				dst = append(dst, 'T')
			}
			if whole != 0 {
				dst = append(strconv.AppendInt(dst, int64(whole), 10), unitLetter(u)...)
			}
			if u == uDay {
				dst = append(dst, 'T')
			}
			return append(strconv.AppendInt(dst, int64(x), 10), unitLetter(subu)...)
		}
	}
	num := func(dst []byte, k float64) []byte {
		if fuzzy {
			return append(dst, 'X')
		}
		return appendNum(dst, v*k)
	}
	switch u {
	case uSecond, uMinute, uHour:
		dst = num(append(dst, "PT"...), 1)
		return append(dst, unitLetter(u)...)
	case uDecade:
		if !fuzzy {
			return append(num(append(dst, 'P'), 10), 'Y')
		}
		return append(dst, "PXDE"...)
	case uCentury:
		if !fuzzy {
			return append(num(append(dst, 'P'), 100), 'Y')
		}
		return append(dst, "PXCE"...)
	case uMillennium:
		if !fuzzy {
			return append(num(append(dst, 'P'), 1000), 'Y')
		}
		return append(dst, "PXML"...)
	case uFortnight:
		if !fuzzy {
			return append(num(append(dst, 'P'), 2), 'W')
		}
		return append(dst, "PXW"...)
	case uWeekend:
		return append(num(append(dst, 'P'), 1), "WE"...)
	case uQuarter:
		// TimeBank writes quarters as quarters: "every quarter" P1Q, "several quarters" PXQ
		if !fuzzy && v != float64(int64(v)) {
			return append(num(append(dst, 'P'), 3), 'M')
		}
		return append(num(append(dst, 'P'), 1), 'Q')
	}
	return append(num(append(dst, 'P'), 1), unitLetter(u)...)
}

// appendDateValue appends the value of a DATE or TIME.
func appendDateValue(dst []byte, s *sem) []byte {
	if s.refv != "" {
		return append(dst, s.refv...)
	}
	if s.value != "" {
		return append(dst, s.value...)
	}
	year := func(dst []byte) []byte {
		if s.xy {
			return append(dst, "XXXX"...)
		}
		return appendPad(dst, s.y, 4)
	}
	switch s.gran {
	case GranCentury:
		if s.xy {
			return append(dst, "XX"...)
		}
		return appendPad(dst, s.y/100, 2)
	case GranDecade:
		if s.xy {
			return append(dst, "XXX"...)
		}
		return strconv.AppendInt(dst, int64(s.y/10), 10)
	case GranYear:
		return year(dst)
	case GranHalf:
		return strconv.AppendInt(append(year(dst), "-H"...), int64(s.h), 10)
	case GranQuarter:
		return strconv.AppendInt(append(year(dst), "-Q"...), int64(s.q), 10)
	case GranSeason:
		return append(append(year(dst), '-'), [...]string{"", "SP", "SU", "FA", "WI"}[s.s]...)
	case GranMonth:
		if s.xm {
			return append(year(dst), "-XX"...)
		}
		return appendPad(append(year(dst), '-'), s.m, 2)
	case GranWeek:
		dst = append(year(dst), "-W"...)
		if s.xw {
			dst = append(dst, "XX"...)
		} else {
			dst = appendPad(dst, s.w, 2)
		}
		if s.weekend {
			dst = append(dst, "-WE"...)
		}
		return dst
	}
	dst = year(dst)
	switch {
	case s.xm:
		dst = append(dst, "-XX-XX"...)
	case s.xd:
		dst = append(appendPad(append(dst, '-'), s.m, 2), "-XX"...)
	default:
		dst = appendPad(append(appendPad(append(dst, '-'), s.m, 2), '-'), s.d, 2)
	}
	if s.typ == "TIME" {
		switch {
		case s.clock:
			dst = appendPad(append(appendPad(append(dst, 'T'), s.hour, 2), ':'), s.min, 2)
		case s.tod != "":
			dst = append(append(dst, 'T'), s.tod...)
		}
	}
	return dst
}

// interval is the half-open time span a resolved DATE/TIME covers.
func interval(s *sem) (time.Time, time.Time) {
	if s.refv != "" || s.value != "" || s.xy {
		return time.Time{}, time.Time{}
	}
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	switch s.gran {
	case GranTime:
		if s.xm || s.xd {
			return time.Time{}, time.Time{}
		}
		t := d(s.y, s.m, s.d)
		if s.clock {
			from := t.Add(time.Duration(s.hour)*time.Hour + time.Duration(s.min)*time.Minute)
			if s.min != 0 {
				return from, from.Add(time.Minute)
			}
			return from, from.Add(time.Hour)
		}
		return t, t.AddDate(0, 0, 1)
	case GranDay:
		if s.xm || s.xd {
			return time.Time{}, time.Time{}
		}
		t := d(s.y, s.m, s.d)
		return t, t.AddDate(0, 0, 1)
	case GranWeek:
		if s.xw {
			return time.Time{}, time.Time{}
		}
		// ISO week: Monday of the week holding 4 January, plus w-1 weeks
		jan4 := d(s.y, 1, 4)
		mon := jan4.AddDate(0, 0, -(isoWD(jan4.Weekday())-1)+7*(s.w-1))
		if s.weekend {
			return mon.AddDate(0, 0, 5), mon.AddDate(0, 0, 7)
		}
		return mon, mon.AddDate(0, 0, 7)
	case GranMonth:
		if s.xm {
			return time.Time{}, time.Time{}
		}
		t := d(s.y, s.m, 1)
		return t, t.AddDate(0, 1, 0)
	case GranQuarter:
		t := d(s.y, 3*(s.q-1)+1, 1)
		return t, t.AddDate(0, 3, 0)
	case GranHalf:
		t := d(s.y, 6*(s.h-1)+1, 1)
		return t, t.AddDate(0, 6, 0)
	case GranSeason:
		t := d(s.y, 3*s.s, 1) // SP Mar, SU Jun, FA Sep, WI Dec
		return t, t.AddDate(0, 3, 0)
	case GranYear:
		return d(s.y, 1, 1), d(s.y+1, 1, 1)
	case GranDecade:
		return d(s.y, 1, 1), d(s.y+10, 1, 1)
	case GranCentury:
		return d(s.y, 1, 1), d(s.y+100, 1, 1)
	}
	return time.Time{}, time.Time{}
}
