package extract

import (
	"math"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// Quantity finds figures with their unit and what they count: durations
// of the main event ("lasted around six hours"), casualty and other counts
// ("12 killed", "247 of 288 votes", "31 allies"), percentages with a known
// measure ("60% enriched uranium", "turnout of 72 percent") and sums of
// money ("$6 billion"). Each claim carries the interval the figure allows
// in Low/High: hedges widen it ("about", "more than", "nearly"), ranges
// span it ("four to five hours"), and a round figure allows its rounding.
var Quantity = &Extractor{
	Name:  "quantity",
	Kinds: []compare.Kind{compare.KindQuantity},
	Run:   runQuantity,
	add:   appendQuantity,
}

// Unbounded is the High of an interval with no upper bound ("more than
// seven hours"); a finite value so that claims stay JSON-encodable.
const Unbounded = math.MaxFloat64

// approxShare is how far "about", "around" or "roughly" may stray from the
// figure, as a share of it.
const approxShare = 0.15

// qtyWords are number words by value.
var qtyWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"dozen": 12, "an": 1, "a": 1,
}

var qtyScales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6,
}

// qtyUnit is a unit of measure: its attribute and its factor to the
// canonical unit (hours for durations).
type qtyUnit struct {
	attr, unit string
	factor     float64
}

var qtyUnits = map[string]qtyUnit{
	"hour": {"duration", "hour", 1}, "hours": {"duration", "hour", 1}, "hr": {"duration", "hour", 1},
	"hrs": {"duration", "hour", 1}, "minute": {"duration", "hour", 1.0 / 60}, "minutes": {"duration", "hour", 1.0 / 60},
	"min": {"duration", "hour", 1.0 / 60}, "mins": {"duration", "hour", 1.0 / 60},
	"day": {"duration", "hour", 24}, "days": {"duration", "hour", 24},
	"percent": {"percent", "%", 1}, "per": {"percent", "%", 1}, "%": {"percent", "%", 1},
	"dollars": {"money", "USD", 1}, "dollar": {"money", "USD", 1}, "euros": {"money", "EUR", 1},
	"pounds": {"money", "GBP", 1},
	// Currencies written after the figure: "4 cents", "16 pence", "4.7
	// billion francs". They are sums of money, not counts of things.
	"cents": {"money", "USD", 0.01}, "cent": {"money", "USD", 0.01}, "pence": {"money", "GBP", 0.01},
	"euro": {"money", "EUR", 1}, "pound": {"money", "GBP", 1},
	"francs": {"money", "franc", 1}, "marks": {"money", "DEM", 1}, "guilders": {"money", "NLG", 1},
	"yen": {"money", "JPY", 1}, "yuan": {"money", "CNY", 1}, "rupees": {"money", "INR", 1},
	"rubles": {"money", "RUB", 1}, "roubles": {"money", "RUB", 1}, "pesos": {"money", "peso", 1},
	"lire": {"money", "lira", 1}, "lira": {"money", "lira", 1}, "dinars": {"money", "dinar", 1},
	"riyals": {"money", "riyal", 1}, "rials": {"money", "rial", 1}, "shekels": {"money", "ILS", 1},
}

var qtyCurrency = map[string]string{"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}

// qtyHedges turn a figure into an interval.
var qtyHedges = map[string]string{
	"about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
	"some": "approx", "estimated": "approx", "circa": "approx", "~": "approx",
	"nearly": "below", "almost": "below", "close to": "below", "just under": "below",
	"more than": "above", "over": "above", "upwards of": "above", "above": "above", "in excess of": "above",
	"at least": "atleast", "just over": "justover",
	"less than": "under", "under": "under", "fewer than": "under", "below": "under",
	"as many as": "approx", "up to": "cap", "no more than": "cap", "not more than": "cap",
}

// casualtyWords make a count a death or injury toll.
var casualtyWords = map[string]string{
	"killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "death": "killed",
	"fatalities": "killed", "lives": "killed", "killing": "killed", "injured": "injured", "wounded": "injured",
	"injuries": "injured", "hurt": "injured",
}

// qtySkipNouns after a number are not what it counts (dates, ages, times).
var qtySkipNouns = map[string]bool{
	"years": true, "year": true, "year-old": true, "years-old": true, "times": true, "of": true,
	"and": true, "to": true, "in": true, "on": true, "at": true, "for": true, "the": true, "a": true,
	"or": true, "per": true, "by": true, "from": true, "with": true, "percent": true, "months": true,
	"month": true, "weeks": true, "week": true, "am": true, "pm": true, "a.m": true, "p.m": true,
	"is": true, "was": true, "were": true, "are": true, "as": true, "that": true, "than": true,
	"out": true, "points": true, "point": true, "round": true, "rounds": true, "th": true, "st": true,
	"nd": true, "rd": true, "million": true, "billion": true, "thousand": true, "hundred": true,
	"o'clock": true, "km": true, "miles": true, "kilometres": true, "kilometers": true, "metres": true,
	"meters": true, "feet": true,
}

var qtyMonths = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// qtyFigure is a number found in the tokens [from, to).
type qtyFigure struct {
	from, to  int
	low, high float64 // equal unless a range ("four to five", "4-5")
	round     float64 // the rounding the figure's last digit allows
	unitTok   int     // token index of an attached unit ("four-hour"), or -1
	unitWord  string
}

func runQuantity(env *Env) []compare.Claim { return appendQuantity(env, nil) }

func appendQuantity(env *Env, out []compare.Claim) []compare.Claim {
	toks := env.Tokens
	sents := env.Sentences()
	for i := 0; i < len(toks); i++ {
		if t := &toks[i]; t.Kind == Punct || t.Kind == Word && !t.is(lxQtyStart) {
			continue // qtyNumber reads no figure here
		}
		f, ok := env.qtyFigureAt(i)
		if !ok {
			continue
		}
		c, end, ok := env.qtyClaim(sents, f)
		if ok {
			out = append(out, c)
		}
		i = max(i, f.to-1, end-1)
	}
	return out
}

// qtyNumber parses one token as a number: "6", "6.5", "1,000", "2-1/2",
// "1/2", a number word, or "two-and-a-half(-hour)". It returns the value,
// the rounding its last digit allows, and a unit word glued to it.
func qtyNumber(t *Token) (v, round float64, unit string, ok bool) {
	switch t.Kind {
	case Number:
		s := strings.ReplaceAll(t.Text, ",", "")
		if whole, frac, isMixed := strings.Cut(s, "-"); isMixed && strings.Contains(frac, "/") {
			w, err := strconv.ParseFloat(whole, 64)
			fv, ok2 := qtyFraction(frac)
			if err != nil || !ok2 {
				return 0, 0, "", false
			}
			return w + fv, 0.25, "", true
		}
		if strings.Contains(s, "/") {
			fv, ok2 := qtyFraction(s)
			return fv, 0.25, "", ok2
		}
		if strings.Contains(s, "-") {
			return 0, 0, "", false // a range token is handled by the caller
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, 0, "", false
		}
		return f, smallRounding(f, qtyRounding(s)), "", true
	case Word:
		// Most words are not numbers: look the first part up before
		// splitting (this runs on every word of every article).
		// (Tokenize flags the words whose part before any hyphen is a
		// number word or "half".)
		if !t.is(lxQtyStart) {
			return 0, 0, "", false
		}
		var buf [8]string
		parts := splitHyphens(buf[:0], t.Lower)
		v, n := qtyWordValue(parts)
		if n == 0 {
			return 0, 0, "", false
		}
		round = smallRounding(v, 0.5)
		if v != math.Trunc(v) {
			round = 0.25
		}
		return v, round, afterParts(t.Lower, n), true
	}
	return 0, 0, "", false
}

// splitHyphens is strings.Split(s, "-"), appending to dst.
func splitHyphens(dst []string, s string) []string {
	for {
		i := strings.IndexByte(s, '-')
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

// afterParts is strings.Join(strings.Split(s, "-")[n:], "-"): what
// follows the first n hyphen-separated parts.
func afterParts(s string, n int) string {
	for ; n > 0; n-- {
		i := strings.IndexByte(s, '-')
		if i < 0 {
			return ""
		}
		s = s[i+1:]
	}
	return s
}

// qtyWordValue reads number words: "two", "twenty-five", "two and a half",
// "a half". It returns the value and how many words it used.
func qtyWordValue(ws []string) (float64, int) {
	if len(ws) == 0 {
		return 0, 0
	}
	if ws[0] == "half" {
		return 0.5, 1
	}
	v, ok := qtyWords[ws[0]]
	if !ok || ws[0] == "a" || ws[0] == "an" {
		return 0, 0
	}
	n := 1
	if v >= 20 && v < 100 && len(ws) > 1 {
		if u, ok := qtyWords[ws[1]]; ok && u < 10 && ws[1] != "a" && ws[1] != "an" {
			v += u
			n++
		}
	}
	if len(ws) >= n+3 && ws[n] == "and" && (ws[n+1] == "a" || ws[n+1] == "one") && ws[n+2] == "half" {
		return v + 0.5, n + 3
	}
	return v, n
}

func qtyFraction(s string) (float64, bool) {
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		return 0, false
	}
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil || y == 0 {
		return 0, false
	}
	return x / y, true
}

// qtyRounding is half the place value of a figure's last significant
// digit: "6" ±0.5, "6.5" ±0.05, "200000" ±50000. Below 1000 trailing
// zeros are taken as significant ("60%", "100 people").
func qtyRounding(s string) float64 {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return 0.5 * math.Pow(10, -float64(len(s)-i-1))
	}
	if len(s) < 4 {
		return 0.5
	}
	z := 0
	for k := len(s) - 1; k > 0 && s[k] == '0'; k-- {
		z++
	}
	return 0.5 * math.Pow(10, float64(z))
}

// qtyFigureAt reads a figure starting at token i: a number, a range
// ("four to five", "4-5", "between 4 and 5"), word numbers over several
// tokens ("two and a half"), a scale ("6 billion").
func (env *Env) qtyFigureAt(i int) (qtyFigure, bool) {
	toks := env.Tokens
	t := &toks[i]
	f := qtyFigure{from: i, to: i + 1, unitTok: -1}
	if t.Kind == Number && strings.Count(t.Text, "-") == 1 && !strings.Contains(t.Text, "/") {
		a, b, _ := strings.Cut(strings.ReplaceAll(t.Text, ",", ""), "-")
		x, err1 := strconv.ParseFloat(a, 64)
		y, err2 := strconv.ParseFloat(b, 64)
		if err1 != nil || err2 != nil || y <= x {
			return f, false
		}
		f.low, f.high, f.round = x, y, 0
	} else {
		v, round, unit, ok := qtyNumber(&toks[i])
		if !ok {
			return f, false
		}
		f.low, f.high, f.round = v, v, round
		if unit != "" {
			f.unitTok, f.unitWord = i, unit
		}
		// "twenty four", as transcripts write 24: the tens and the units
		// over two tokens.
		if t.Kind == Word && unit == "" && i+1 < len(toks) && qtyTens(v) {
			if u, ok := qtyWords[toks[i+1].Lower]; ok && u >= 1 && u <= 9 && toks[i+1].Lower != "a" && toks[i+1].Lower != "an" {
				v += u
				f.low, f.high, f.round = v, v, smallRounding(v, 0.5)
				f.to = i + 2
			}
		}
		// "two and a half" over four tokens
		if t.Kind == Word && unit == "" && i+3 < len(toks) && toks[i+1].Lower == "and" &&
			(toks[i+2].Lower == "a" || toks[i+2].Lower == "one") && toks[i+3].Lower == "half" {
			f.low += 0.5
			f.high += 0.5
			f.round = 0.25
			f.to = i + 4
		}
	}
	// A scale word: "6 billion", "17 million".
	if f.to < len(toks) && toks[f.to].is(lxQtyScale) {
		if s, ok := qtyScales[toks[f.to].Lower]; ok {
			f.low *= s
			f.high *= s
			f.round = max(f.round*s, 0.05*s)
			f.to++
		}
	}
	// A range: "four to five", "4 and 5" after "between".
	if f.unitTok < 0 && f.to+1 < len(toks) && (toks[f.to].Lower == "to" || toks[f.to].Lower == "and" && i > 0 && toks[i-1].Lower == "between" || toks[f.to].Text == "-" || toks[f.to].Text == "–") {
		if v, _, unit, ok := qtyNumber(&toks[f.to+1]); ok && v > f.low {
			if s, ok := qtyScales[toks[min(f.to+2, len(toks)-1)].Lower]; ok && f.to+2 < len(toks) {
				v *= s
			}
			f.high = v
			f.round = 0
			if unit != "" {
				f.unitTok, f.unitWord = f.to+1, unit
			}
			f.to += 2
		}
	}
	if t.Kind == Word && f.unitWord == "" && f.to < len(toks) {
		// A bare "one" or "a" is too common to be a figure unless a unit follows.
		if !toks[f.to].is(lxQtyUnit) && f.low == 1 {
			return f, false
		}
	}
	return f, true
}

// qtyClaim turns a figure into a claim, reading its hedge, unit, subject
// and speaker from the tokens around it.
// It also returns the token just past the claim.
func (env *Env) qtyClaim(sents []Sentence, f qtyFigure) (compare.Claim, int, bool) {
	toks := env.Tokens
	var c compare.Claim
	s := sentenceOf(sents, f.from)
	from, to := qtyClauseBounds(toks, s, f.from)
	start := f.from
	// Skip dates, times, years, ordinals: "April 12", "12 April", "10:30", "2015".
	if f.from > 0 && toks[f.from-1].is(lxMonth) || f.to < len(toks) && toks[f.to].is(lxMonth) ||
		f.from > 1 && toks[f.from-1].Text == "." && toks[f.from-2].is(lxMonth) {
		return c, 0, false // "Aug. 7, killed 247 people": the day, not a toll
	}
	if f.to+1 < len(toks) && toks[f.to].Text == ":" && toks[f.to+1].Kind == Number ||
		f.from > 1 && toks[f.from-1].Text == ":" && toks[f.from-2].Kind == Number {
		return c, 0, false // a clock time, "5:03"
	}
	if f.from > 0 && (toks[f.from-1].Lower == "including" || toks[f.from-1].Lower == "among") ||
		f.from > 1 && toks[f.from-1].Lower == "all" && toks[f.from-2].Lower == "including" {
		return c, 0, false // "198 people, including three children": a part of another count
	}
	if toks[f.from].Kind == Number && f.low == f.high && f.low >= 1000 && f.low <= 2100 && !strings.Contains(toks[f.from].Text, ",") && f.to == f.from+1 {
		return c, 0, false
	}
	if f.from > 0 && (toks[f.from-1].Lower == "no" || toks[f.from-1].Lower == "article" || toks[f.from-1].Lower == "resolution" || toks[f.from-1].Text == "#") {
		return c, 0, false
	}
	// Currency before: "$6 billion".
	unit, attr := "", ""
	factor := 1.0
	if f.from > 0 {
		if cur, ok := qtyCurrency[toks[f.from-1].Text]; ok {
			unit, attr = cur, "money"
			start = f.from - 1
		}
	}
	next := f.to
	// An attached unit: "four-hour", "two-and-a-half-hour", "5-hour".
	uw := f.unitWord
	if uw == "" && next+1 < len(toks) && toks[next].Text == "-" && toks[next+1].Kind == Word {
		uw = toks[next+1].Lower
		next += 2
	}
	if uw != "" {
		head, _, _ := strings.Cut(uw, "-")
		u, ok := qtyUnits[head]
		if !ok || head == "percent" {
			return c, 0, false // "42-year-old", "five-day-old": not a figure we read
		}
		attr, unit, factor = u.attr, u.unit, u.factor
	} else if attr == "" && next < len(toks) {
		w := toks[next].Lower
		if w == "per" && next+1 < len(toks) && toks[next+1].Lower == "cent" {
			attr, unit = "percent", "%"
			next += 2
		} else if u, ok := qtyUnits[w]; ok && w != "per" {
			attr, unit, factor = u.attr, u.unit, u.factor
			next++
		}
	}
	low, high, round := f.low*factor, f.high*factor, f.round*factor
	// The hedge before the figure.
	hedge := ""
	var key [64]byte
	for n := 3; n >= 1 && hedge == ""; n-- {
		if start-n < from {
			continue
		}
		// The n words before, joined by spaces.
		ws := key[:0]
		for k, t := range toks[start-n : start] {
			if k > 0 {
				ws = append(ws, ' ')
			}
			ws = append(ws, t.Lower...)
		}
		if h, ok := qtyHedges[string(ws)]; ok {
			hedge = h
			start -= n
		}
	}
	if hedge == "" && start > from && toks[start-1].Lower == "an" && start > from+1 && toks[start-2].Lower == "estimated" {
		hedge = "approx"
		start -= 2
	}
	if hedge == "" && start > from && toks[start-1].Lower == "all" {
		hedge = "all" // "all nine people on board": a complete count, not a rising toll
		start--
	}
	subject := ""
	switch attr {
	case "duration":
		subject = env.qtyDurationSubject(s, from, to, start, next)
		if subject == "" {
			return c, 0, false
		}
	case "percent":
		if end, share, r, ok := qtySplit(toks, s, next); ok {
			// "won by 53 percent to 47 percent": the winning share.
			subject, next = "vote-share", end
			low, high, round = share, share, r
			break
		}
		subject = qtyPercentSubject(toks, from, to)
		if subject == "" {
			return c, 0, false
		}
	case "money":
		subject, _ = qtyNounAfter(toks, next, to, true)
		if subject == "" {
			subject = "money"
		}
	default:
		// A count: "12 killed", "31 allies", "247 of 288 votes".
		attr, unit = "count", ""
		if t := toks[f.from].Text; toks[f.from].Kind == Number && len(t) >= 5 && !strings.ContainsAny(t, ",.") {
			return c, 0, false // "the 80486 chip": news writes counts this large with commas
		}
		if next+2 < len(toks) && toks[next].Lower == "of" && toks[next+1].Kind == Number {
			next += 2 // "247 of 288 votes": the count is the first figure
		} else if next+3 < len(toks) && toks[next].Lower == "of" && totalDeterminers[toks[next+1].Lower] && toks[next+2].Kind == Number {
			next += 3 // "412 of the 650 seats": the total is the body's, not a claim
		}
		noun, at := qtyNounAfter(toks, next, to, false)
		if noun == "other" || noun == "more" {
			return c, 0, false // "Raisi, Amir-Abdollahian and six others were killed": a remainder, not a toll
		}
		subject = qtyCasualty(toks, from, to, next)
		if subject != "" && noun != "" && !personNouns[noun] && !crowdNouns[noun] && !casualtyAfter(toks, next, to) {
			// "… were killed, and officials said 12 buildings were damaged":
			// a thing counted is not a toll.
			subject = ""
		}
		if subject == "" {
			if !qtyCountNoun(toks, at, f) {
				return c, 0, false // "19 has", "80486 chip", "two vital U.S.": no thing counted
			}
			subject = noun
			if crowdNouns[subject] {
				subject = "people" // a crowd: "20,000 supporters" and "100,000 people" count the same thing
			}
		}
		if subject == "" {
			return c, 0, false
		}
		if at >= 0 {
			next = at + 1
		}
		unit = subject
		if owner := qtyOwner(toks, from, start); owner != "" && !casualtySubjects[subject] {
			// "Labour won 412 seats", "the Conservatives won 121 seats":
			// two parties' seats, not two versions of one count.
			subject += "@" + owner
		}
		round = 0 // counts are exact unless hedged or round (below)
		if toks[f.from].Kind == Number && f.low == f.high {
			if r := qtyRounding(strings.ReplaceAll(toks[f.from].Text, ",", "")); r >= 5 {
				round = r
			}
		}
		if f.to > f.from+1 && qtyScales[toks[f.to-1].Lower] > 0 {
			round = f.round * factor
		}
	}
	if env.qtyFuture(commaStretch(toks, from, to, f.from)) {
		return c, 0, false // "officials had expected four to five hours"
	}
	low, high = qtyInterval(low, high, round, hedge)
	end := toks[max(next, f.to)-1].Span.End
	span := compare.Span{Start: toks[start].Span.Start, End: end}
	c = env.claim(compare.KindQuantity, span, subject, attr, qtyValue(low, high, unit, hedge))
	c.Low, c.High, c.Unit = low, high, unit
	if np, ok := env.qtySpeaker(from, to, f.from); ok {
		c.Speaker = env.slice(compare.Span{Start: toks[np[0]].Span.Start, End: toks[np[1]-1].Span.End})
		c.Related = []compare.Span{{Start: toks[np[0]].Span.Start, End: toks[np[1]-1].Span.End}}
	}
	return c, max(next, f.to), true
}

// qtyTens reports whether v is a whole ten from twenty to ninety.
func qtyTens(v float64) bool {
	return v >= 20 && v <= 90 && math.Mod(v, 10) == 0
}

// qtyInterval widens [low, high] by the figure's rounding and its hedge.
func qtyInterval(low, high, round float64, hedge string) (float64, float64) {
	switch hedge {
	case "approx":
		return max(0, min(low-round, low*(1-approxShare))), max(high+round, high*(1+approxShare))
	case "below":
		return max(0, low*(1-approxShare)), high
	case "above", "atleast":
		return low, Unbounded
	case "justover":
		return low, high * (1 + approxShare)
	case "under":
		return 0, high
	case "cap":
		return low, high // a limit is stated as the figure itself
	}
	return max(0, low-round), high + round
}

// qtyValue is a quantity claim's value: "[5.75,6.25] hour approx".
func qtyValue(low, high float64, unit, hedge string) string {
	var buf [64]byte
	b := append(buf[:0], '[')
	b = appendQty(b, low)
	b = append(b, ',')
	b = appendQty(b, high)
	b = append(b, "] "...)
	b = append(b, unit...)
	if hedge != "" {
		b = append(b, ' ')
		b = append(b, hedge...)
	}
	return string(b)
}

func appendQty(b []byte, v float64) []byte {
	if v == Unbounded {
		return append(b, "inf"...)
	}
	return strconv.AppendFloat(b, v, 'g', 6, 64)
}

// qtyDurationSubject says whose length a duration is: the main event's
// ("the talks lasted around six hours", "a two-hour session"), another
// round's ("round-1"), or a death's delay ("died three hours after").
//
// A duration that shifts or separates times ("brought forward by two
// hours", "two hours later", "within 50 days") is no event's length; one
// that follows a shooting ("died three hours later") is a death's delay.
func (env *Env) qtyDurationSubject(s Sentence, from, to, at, next int) string {
	toks := env.Tokens
	if at > from && (toks[at-1].Lower == "by" || toks[at-1].Lower == "within") {
		return ""
	}
	if next < s.To {
		switch toks[next].Lower {
		case "later", "after":
			// The death comes first: "died three hours after he was shot",
			// not "votes two days after Abe killing".
			for k := s.From; k < at; k++ {
				if w := toks[k].Lower; toks[k].is(lxCasualty) && casualtyWords[w] == "killed" && w != "lives" {
					return "death"
				}
			}
			return ""
		case "earlier", "before", "ago", "early", "late", "ahead", "behind":
			return ""
		}
	}
	lasted := false
	for k := from; k < to; k++ {
		w := toks[k].Lower
		if toks[k].is(lxCasualty) && casualtyWords[w] == "killed" && w != "lives" {
			return "death"
		}
		if w == "lasted" || w == "lasting" || w == "lasts" || w == "last" && k > from && toks[k-1].Lower != "the" {
			lasted = true
		}
		// "the two sides spent less than three hours together"
		if w == "together" && k > at && hasWordBefore(toks, from, at, "spent", "spend", "spends") {
			lasted = true
		}
	}
	// The nearest event noun in the clause decides which event.
	best := -1
	for k := from; k < to; k++ {
		if toks[k].is(lxEventNoun) && (best < 0 || qtyAbs(k-at) < qtyAbs(best-at)) {
			best = k
		}
	}
	if best >= 0 {
		m := env.classifyMention(s, best)
		switch {
		case m.Ref == MainEvent || IsMainEvent(m.Ref) && qtyGenericEventNouns[toks[best].Lower]:
			// "a 90-minute encounter" in a report of a debate is the debate.
			return MainEvent
		case m.Ref != "":
			return m.Ref
		}
		return ""
	}
	if lasted {
		return MainEvent
	}
	return ""
}

// qtyClauseBounds are the bounds of the clause of token i, as
// clauseBounds, except that the colon of a clock time ("5:03 p.m.") does
// not end a clause.
func qtyClauseBounds(toks []Token, s Sentence, i int) (int, int) {
	from, to := s.From, s.To
	isBreak := func(k int) bool {
		if toks[k].Text == ":" && k > s.From && k+1 < s.To && toks[k-1].Kind == Number && toks[k+1].Kind == Number {
			return false
		}
		return isClauseBreak(toks[k].Text)
	}
	for k := i - 1; k >= s.From; k-- {
		if isBreak(k) {
			from = k + 1
			break
		}
	}
	for k := i + 1; k < s.To; k++ {
		if isBreak(k) {
			to = k
			break
		}
	}
	return from, to
}

// qtyGenericEventNouns name whatever event the article is about, not an
// event of their own family.
var qtyGenericEventNouns = map[string]bool{"encounter": true, "gathering": true}

func qtyAbs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// qtyPercentSubject names the measure a percentage gives, when the clause
// says it: enrichment of uranium, or turnout.
func qtyPercentSubject(toks []Token, from, to int) string {
	for k := from; k < to; k++ {
		w := toks[k].Lower
		switch {
		case strings.HasPrefix(w, "enrich") || w == "uranium" || w == "purity":
			return "uranium-enrichment"
		case w == "turnout":
			return "turnout"
		}
	}
	return ""
}

// qtySplit reads the second half of a vote's split after a percentage
// ("52 percent to 48 percent", "52% to 48%") starting at token i, in a
// sentence about a vote. It returns the token past it, the larger share
// and its rounding. A lone share ("Scotland voted 62 percent to remain")
// is not a split.
func qtySplit(toks []Token, s Sentence, i int) (int, float64, float64, bool) {
	if i+2 >= s.To || toks[i].Lower != "to" || toks[i+1].Kind != Number {
		return 0, 0, 0, false
	}
	second, r2, _, ok := qtyNumber(&toks[i+1])
	end := i + 2
	switch {
	case !ok:
		return 0, 0, 0, false
	case toks[end].Text == "%" || toks[end].Lower == "percent":
		end++
	case toks[end].Lower == "per" && end+1 < s.To && toks[end+1].Lower == "cent":
		end += 2
	default:
		return 0, 0, 0, false
	}
	at := i - 2
	if toks[i-1].Lower == "cent" {
		at = i - 3
	}
	first, r1, _, ok := qtyNumber(&toks[at])
	if at > s.From && (toks[at-1].Lower == "from" || toks[at-1].Lower == "between") {
		return 0, 0, 0, false // "rose from 40 percent to 45 percent": a change
	}
	if !ok || first+second > 100.5 {
		return 0, 0, 0, false
	}
	vote := false
	for k := s.From; k < s.To; k++ {
		switch toks[k].Lower {
		case "voted", "vote", "votes", "won", "win", "wins", "referendum", "election", "ballot", "margin":
			vote = true
		}
	}
	if !vote {
		return 0, 0, 0, false
	}
	if second > first {
		return end, second, r2, true
	}
	return end, first, r1, true
}

// qtyCasualty is the toll a count gives ("killed", "injured") when the
// words around it say so, else "".
func qtyCasualty(toks []Token, from, to, next int) string {
	// The nearest toll word decides: "137 killed and 316 wounded".
	best, dist := "", 0
	for k := max(from, next-6); k < min(to, next+5); k++ {
		if !toks[k].is(lxCasualty) {
			continue
		}
		if s, ok := casualtyWords[toks[k].Lower]; ok {
			d := qtyAbs(k - next)
			if k >= next {
				d-- // a word after the figure binds closer: "12 killed"
			}
			if best == "" || d < dist {
				best, dist = s, d
			}
		}
	}
	return best
}

// qtyNounAfter is the singular of the first noun after token i ("allies"
// → "ally"), past one adjective, and its index; "", -1 when none stands
// there.
func qtyNounAfter(toks []Token, i, to int, skipPreps bool) (string, int) {
	if skipPreps && i < to && (toks[i].Lower == "in" || toks[i].Lower == "of" || toks[i].Lower == "worth") {
		i++
	}
	for k := i; k < to && k < i+3; k++ {
		t := &toks[k]
		if t.Kind != Word || t.is(lxQtySkipNoun|lxMonth) || t.Upper && k == i && !skipPreps {
			return "", -1
		}
		if k+1 < to && toks[k+1].Kind == Word && !toks[k+1].is(lxQtySkipNoun) && k < i+1 && !strings.HasSuffix(t.Lower, "s") {
			continue // an adjective or noun modifier: "installed centrifuges"
		}
		return qtySingular(t.Lower), k
	}
	return "", -1
}

// totalDeterminers stand between "of" and the total in "412 of the 650 seats".
var totalDeterminers = map[string]bool{"the": true, "its": true, "their": true, "all": true}

// casualtySubjects are the subjects qtyCasualty gives a toll.
var casualtySubjects = map[string]bool{"killed": true, "injured": true}

// ownerVerbs have a count as object and its owner as subject: "Labour
// won 412 seats", "the Liberal Democrats took 72 seats".
var ownerVerbs = map[string]bool{
	"won": true, "wins": true, "win": true, "took": true, "takes": true, "secured": true,
	"secures": true, "gained": true, "gains": true, "captured": true, "captures": true,
	"holds": true, "held": true, "retained": true, "retains": true, "lost": true, "loses": true,
	"garnered": true, "received": true, "receives": true, "claimed": true,
}

// qtyOwner is who owns the count whose figure (with its hedge) starts at
// token start: the proper name before a verb of winning or holding
// ("Labour won 412 seats", "The Conservatives, who won 121 seats") or
// before a possessive ("Labour's 412 seats"), lower case without "the" and
// "party"; "" when there is none. The clause starts at from.
func qtyOwner(toks []Token, from, start int) string {
	k := start - 1
	for k >= from && (toks[k].Lower == "a" || toks[k].Lower == "total" || toks[k].Lower == "of") {
		k-- // "won a total of 412 seats"
	}
	switch {
	case k >= from && isPossessive(toks[k]):
		k--
	case k >= from && ownerVerbs[toks[k].Lower]:
		k--
		for k >= from && (toks[k].Lower == "also" || toks[k].Lower == "only" || toks[k].Lower == "narrowly") {
			k--
		}
		if k-1 >= from && (toks[k].Lower == "who" || toks[k].Lower == "which") && toks[k-1].Text == "," {
			k -= 2 // "The Conservatives, who won 121 seats"
		}
	default:
		return ""
	}
	end := k + 1
	for k >= from && end-k <= 4 && toks[k].Kind == Word && toks[k].Upper {
		k--
	}
	var words []string
	for _, t := range toks[k+1 : end] {
		if t.Lower != "the" {
			words = append(words, t.Lower)
		}
	}
	if n := len(words); n > 1 && words[n-1] == "party" {
		words = words[:n-1]
	}
	return strings.Join(words, " ")
}

func qtySingular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") ||
		strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zzes")):
		return w[:len(w)-2] // "businesses", "churches", "taxes"
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// qtyFuture reports whether the clause speaks of an expectation rather
// than a fact: "officials had expected", "is scheduled to".
func (env *Env) qtyFuture(from, to int) bool {
	for k := from; k < to; k++ {
		switch env.Tokens[k].Lower {
		case "expected", "planned", "scheduled", "hoped", "forecast", "projected":
			return true
		}
	}
	return false
}

// qtySpeaker finds who gives a figure: "Iran said 100", "100, according
// to Iran", "the US put the toll at 120" is not read.
func (env *Env) qtySpeaker(from, to, at int) ([2]int, bool) {
	toks := env.Tokens
	for v := at - 1; v >= from; v-- {
		if toks[v].Kind == Word && toks[v].is(lxSayVerb) {
			return env.npBefore(from, v)
		}
	}
	for k := at; k+1 < to; k++ {
		if toks[k].Lower == "according" && toks[k+1].Lower == "to" {
			return env.npForward(k+2, to)
		}
	}
	return [2]int{}, false
}

// smallRounding narrows the rounding of a small whole figure: "two hours"
// is said of 1¾ to 2¼ hours, not of 90 minutes ("an hour and a half"),
// while "six" still allows "around six" to stray by its hedge.
func smallRounding(v, round float64) float64 {
	if v >= 1 && v <= 12 && v == math.Trunc(v) && round == 0.5 {
		return 0.25
	}
	return round
}

func hasWordBefore(toks []Token, from, at int, words ...string) bool {
	for k := from; k < at; k++ {
		for _, w := range words {
			if toks[k].Lower == w {
				return true
			}
		}
	}
	return false
}

// commaStretch narrows [from, to) to the commas around token i: "spent
// less than three hours together, well short of the four to five hours
// officials had expected" — the expectation is not about the three hours.
func commaStretch(toks []Token, from, to, i int) (int, int) {
	lo, hi := i, i
	for lo > from && toks[lo-1].Text != "," {
		lo--
	}
	for hi < to && toks[hi].Text != "," {
		hi++
	}
	return lo, hi
}

// qtyCountNoun reports whether the word at (the noun qtyNounAfter found)
// can be what figure f counts: a plural for any figure above one ("three
// suspects", not "80486 chip" or "19 has"), and not a word that names no
// identifiable thing ("10 others", "two more", "390,000 shares").
func qtyCountNoun(toks []Token, at int, f qtyFigure) bool {
	if at < 0 {
		return false
	}
	w := toks[at].Lower
	if qtyVagueCounts[w] {
		return false
	}
	return f.high <= 1 || qtyPlural(w)
}

// qtyPlural reports whether a word has the form of a plural noun.
func qtyPlural(w string) bool {
	if qtyIrregularPlurals[w] {
		return true
	}
	return len(w) > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "'s")
}

// qtyIrregularPlurals are plurals without an -s.
var qtyIrregularPlurals = map[string]bool{
	"people": true, "men": true, "women": true, "children": true, "police": true, "personnel": true,
	"staff": true, "cattle": true, "sheep": true, "deer": true, "fish": true, "aircraft": true,
	"crew": true, "livestock": true, "dead": true,
}

// qtyVagueCounts follow a figure without naming what it counts, or name
// things of which a story has many different counts (shares traded,
// held, offered), so that two such figures are never one fact.
var qtyVagueCounts = map[string]bool{
	"has": true, "was": true, "its": true, "this": true, "his": true, "hers": true, "ours": true,
	"theirs": true, "yours": true, "others": true, "more": true, "less": true, "shares": true,
	"share": true, "stocks": true, "times": true, "plus": true, "thus": true, "across": true,
}

// comparableMoney are the things whose sum of money is one fact of a
// story: "a $6 billion aid package", "$1 million in bail". A bare sum
// ("$27", "$5.66 a share") or a sum of something a story has many of
// (costs, prices, losses) names no one thing, and two of them compared
// would be a false alarm.
var comparableMoney = map[string]bool{
	"aid": true, "loan": true, "package": true, "deal": true, "fine": true, "ransom": true,
	"reward": true, "bail": true, "bailout": true, "budget": true, "damage": true, "settlement": true,
	"compensation": true, "grant": true, "contract": true, "funding": true, "pledge": true,
	"donation": true, "penalty": true, "bounty": true, "fund": true, "stimulus": true, "bill": true,
	"agreement": true, "acquisition": true, "takeover": true, "merger": true, "purchase": true,
	"sale": true, "prize": true, "jackpot": true, "reparation": true, "assistance": true,
	"investment": true, "plan": true, "programme": true, "program": true,
}

// ComparableQuantity reports whether figures with this attribute and
// subject name one identifiable thing of a story, so that two of them can
// agree or contradict. Durations and percentages carry a measured subject
// already; counts name what they count; a sum of money must say what it
// pays for.
func ComparableQuantity(attr, subject string) bool {
	if attr == "money" {
		return comparableMoney[subject]
	}
	return true
}

// crowdNouns name the people in a crowd.
var crowdNouns = map[string]bool{
	"supporter": true, "protester": true, "protestor": true, "demonstrator": true, "mourner": true,
	"participant": true, "attendee": true, "marcher": true, "spectator": true, "worshipper": true,
	"worshiper": true, "rallygoer": true, "person": true,
}

// personNouns count people, whose count a toll word nearby can describe.
var personNouns = map[string]bool{
	"people": true, "civilian": true, "soldier": true, "child": true, "woman": true, "man": true,
	"passenger": true, "worker": true, "resident": true, "member": true, "officer": true, "troop": true,
	"fighter": true, "student": true, "victim": true, "palestinian": true, "israeli": true, "ukrainian": true,
	"russian": true, "iranian": true, "american": true,
}

// casualtyAfter reports a toll word in the few tokens after a figure.
func casualtyAfter(toks []Token, next, to int) bool {
	for k := next; k < min(to, next+5); k++ {
		if toks[k].is(lxCasualty) {
			return true
		}
	}
	return false
}
