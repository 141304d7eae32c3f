package temporal

import (
	"strconv"
	"time"
)

// emit formats the expression over tokens [i, j) and records it.
func (p *parser) emit(i, j int, s sem) {
	start, end := int(p.toks[i].s), int(p.toks[j-1].e)
	tx := Timex{
		Start: start, End: end, Text: string(p.text[start:end]),
		Type: s.typ, Mod: s.mod, Gran: s.gran,
		Weekday: s.wd, HasWeekday: s.hasWD, Relative: s.relative, Tense: s.tense, Conflict: s.conflict,
	}
	switch s.typ {
	case "DURATION":
		tx.Value = durValue(s.dur, s.du, s.dx)
		if s.value != "" {
			tx.Value = s.value // "a while": no unit
		}
		tx.DurMin, tx.DurMax = durBounds(s.dur, s.du, s.dx, s.mod)
		if s.durLo > 0 {
			// a range is vague in its value and bounded by its two ends
			tx.Value = durValue(0, s.du, true)
			tx.DurMin, _ = durBounds(s.durLo, s.du, false, s.mod)
		}
		tx.Gran = GranInterval
	case "SET":
		tx.Value = s.value
		tx.Gran = GranInterval
	default:
		tx.Value = dateValue(&s)
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
	p.out = append(p.out, tx)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func pad4(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// durValue formats an ISO 8601 duration: P2Y, PT4H, PT2H30M, PXY. A
// fraction goes into the next smaller unit when it fits exactly there.
func durValue(v float64, u unit, fuzzy bool) string {
	if whole := float64(int64(v)); !fuzzy && v != whole && v < 1e6 {
		frac := v - whole
		sub, per, subu := "", 0.0, uNone
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
			sub = strconv.FormatInt(int64(x), 10) + unitLetter(subu)
			w := ""
			if whole != 0 {
				w = strconv.FormatInt(int64(whole), 10) + unitLetter(u)
			}
			switch {
			case u == uYear || u == uMonth:
				return "P" + w + sub
			case u == uDay:
				return "P" + w + "T" + sub
			}
			return "PT" + w + sub
		}
	}
	n := "X"
	if !fuzzy {
		n = strconv.FormatFloat(v, 'f', -1, 64)
	}
	switch u {
	case uSecond, uMinute, uHour:
		return "PT" + n + unitLetter(u)
	case uDecade:
		if !fuzzy {
			return "P" + strconv.FormatFloat(v*10, 'f', -1, 64) + "Y"
		}
		return "P" + n + "DE"
	case uCentury:
		if !fuzzy {
			return "P" + strconv.FormatFloat(v*100, 'f', -1, 64) + "Y"
		}
		return "P" + n + "CE"
	case uMillennium:
		if !fuzzy {
			return "P" + strconv.FormatFloat(v*1000, 'f', -1, 64) + "Y"
		}
		return "P" + n + "ML"
	case uFortnight:
		if !fuzzy {
			return "P" + strconv.FormatFloat(v*2, 'f', -1, 64) + "W"
		}
		return "PXW"
	case uWeekend:
		return "P" + n + "WE"
	case uQuarter:
		// TimeBank writes quarters as quarters: "every quarter" P1Q, "several quarters" PXQ
		if !fuzzy && v != float64(int64(v)) {
			return "P" + strconv.FormatFloat(v*3, 'f', -1, 64) + "M"
		}
		return "P" + n + "Q"
	}
	return "P" + n + unitLetter(u)
}

// dateValue formats a DATE or TIME value.
func dateValue(s *sem) string {
	if s.refv != "" {
		return s.refv
	}
	if s.value != "" {
		return s.value
	}
	y := pad4(s.y)
	if s.xy {
		y = "XXXX"
	}
	switch s.gran {
	case GranCentury:
		if s.xy {
			return "XX"
		}
		return pad2(s.y / 100)
	case GranDecade:
		if s.xy {
			return "XXX"
		}
		return strconv.Itoa(s.y / 10)
	case GranYear:
		return y
	case GranHalf:
		return y + "-H" + strconv.Itoa(s.h)
	case GranQuarter:
		return y + "-Q" + strconv.Itoa(s.q)
	case GranSeason:
		return y + "-" + [...]string{"", "SP", "SU", "FA", "WI"}[s.s]
	case GranMonth:
		if s.xm {
			return y + "-XX"
		}
		return y + "-" + pad2(s.m)
	case GranWeek:
		v := y + "-W" + pad2(s.w)
		if s.xw {
			v = y + "-WXX"
		}
		if s.weekend {
			v += "-WE"
		}
		return v
	}
	v := y + "-" + pad2(s.m) + "-" + pad2(s.d)
	if s.xm {
		v = y + "-XX-XX"
	} else if s.xd {
		v = y + "-" + pad2(s.m) + "-XX"
	}
	if s.typ == "TIME" {
		switch {
		case s.clock:
			v += "T" + pad2(s.hour) + ":" + pad2(s.min)
		case s.tod != "":
			v += "T" + s.tod
		}
	}
	return v
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
