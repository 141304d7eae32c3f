package temporal

import "encoding/binary"

// unit is a calendar or clock unit a duration or relative expression counts in.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uFortnight
	uWeekend
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
	uMillennium
)

// Tense cues.
const (
	cueNone int8 = iota
	cuePast
	cueFuture
	cuePresent
)

// Relative determiners ("last week", "next Friday", "this year").
const (
	relNone int8 = iota
	relLast
	relNext
	relThis
	relPast // "past", "previous": last, but "the past two months" is a duration
	relComing
	relFollowing // anchored to the event just named
	relCurrent
)

// Function words the grammar looks at by identity.
const (
	fwNone uint8 = iota
	fwThe
	fwOf
	fwA
	fwAgo
	fwEarlier
	fwLater
	fwAnd
	fwHalf
	fwEnd
	fwBeginning
	fwMiddle
	fwEvery
	fwFiscal
	fwFrom
	fwNow
	fwHence
	fwAm
	fwPm
	fwNoon
	fwMidnight
	fwOr
	fwSo
	fwTo
	fwIn
	fwAt
	fwOn
	fwPeriod
	fwTimes
	fwOClock
	fwLocal
	fwTime
	fwSince
	fwThat
	fwSame
	fwBefore
	fwAfter
	fwLatest
	fwOver
	fwPer
	fwCouple
	fwFew
	fwSeveral
	fwMany
	fwBetween
	fwUntil
	fwBy
	fwMore
	fwThan
	fwLess
	fwLeast
	fwUp
	fwNo
	fwMost
	fwS // the "s" of "Friday's" or "1990s" split off
	fwTh
	fwEach
	fwHundred
	fwThousand
	fwTonight
	fwOvernight
	fwFull
	fwThese
	fwAhead
	fwDawn // "dawn", "daybreak", "sunrise": a morning without a clock
	fwDusk // "dusk", "sunset", "nightfall": an evening without a clock
	fwQ    // the "Q" of "Q3 2012"
	fwH    // the "H" of "H1 2012"
)

// lexEntry is what the scanner knows about one lower-cased word. A word can
// play several roles ("second" is an ordinal and a unit, "may" a month and
// a modal); the grammar picks the role from context.
type lexEntry struct {
	month     int8 // 1..12
	abbr      bool // month or weekday abbreviation: needs "." or a number after it
	wday      int8 // time.Weekday+1
	num       int16
	hasNum    bool
	ord       int8 // ordinal 1..31
	unit      unit
	plural    bool
	season    int8 // 1 SP, 2 SU, 3 FA, 4 WI
	rel       int8
	tod       string // "MO", "AF", "EV", "NI"
	ref       string // PRESENT_REF, PAST_REF, FUTURE_REF
	day       int8   // today 1, yesterday 2, tomorrow 3
	mod       string // early/late/mid
	approx    string // about, over, nearly …
	set       unit   // daily, weekly …
	tense     int8
	decade    int8 // "nineties" → 9
	tz        bool
	fw        uint8
	tensAdj   int16 // "twenty" etc: can take a ones word after it
	holiday   int8
	long      bool  // "yearlong": a one-unit duration by itself
	startable bool  // may begin an expression; computed
	lead      uint8 // the word is nothing but "the", "a"/"an" or "that"; computed, see parser.hopeless
}

// Words that start an expression only before a word the grammar knows
// (parser.hopeless).
const (
	leadNone uint8 = iota
	leadThe
	leadA
	leadThat
)

// Holidays with a fixed or computable date.
const (
	holNone int8 = iota
	holChristmas
	holChristmasEve
	holThanksgiving
	holEaster
	holHalloween
	holNewYear
	holNewYearsEve
)

var lexicon = buildLexicon()

// lexTable is lexicon as an open-addressing hash table keyed by the
// lower-cased word packed into two machine words (lexKey): the tokenizer
// loads a word's bytes with two 8-byte reads instead of hashing it byte by
// byte, and a probe compares two integers instead of two strings.
type lexTable struct {
	keys    []lexKey
	entries []*lexEntry
	// start holds each slot's lexEntry.startable, so that the tokenizer
	// learns it from the table's own memory instead of loading the entry
	start []bool
	shift uint // 64 - log2(len(keys)): the hash's top bits pick the slot
	mask  uint64
}

// lexKey is a word of at most 16 bytes, little-endian, zero-padded; a
// lexicon word has no zero byte, so the padding also encodes its length.
type lexKey struct{ lo, hi uint64 }

var lexTab = buildLexTable(lexicon)

func (k lexKey) hash() uint64 {
	return (k.lo ^ k.hi*0xc2b2ae3d27d4eb4f) * 0x9e3779b97f4a7c15
}

func keyOf(w string) lexKey {
	var b [16]byte
	copy(b[:], w)
	return lexKey{binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])}
}

func buildLexTable(m map[string]*lexEntry) *lexTable {
	size, bits := 1, uint(0)
	for size < 4*len(m) {
		size <<= 1
		bits++
	}
	t := &lexTable{keys: make([]lexKey, size), entries: make([]*lexEntry, size), start: make([]bool, size), shift: 64 - bits, mask: uint64(size - 1)}
	for w, e := range m {
		k := keyOf(w)
		i := k.hash() >> t.shift
		for t.entries[i] != nil {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.entries[i], t.start[i] = k, e, e.startable
	}
	return t
}

// slot returns the slot of the word with key k plus one and whether the
// word may start an expression, or 0 and false when the word is not in the
// lexicon. An empty slot has the zero key, which no word has (a word is at
// least one letter), so a probe reads the keys alone.
func (t *lexTable) slot(k lexKey) (uint16, bool) {
	for i := k.hash() >> t.shift; ; i = (i + 1) & t.mask {
		ki := t.keys[i]
		if ki == k {
			return uint16(i + 1), t.start[i]
		}
		if ki == (lexKey{}) {
			return 0, false
		}
	}
}

func buildLexicon() map[string]*lexEntry {
	m := map[string]*lexEntry{}
	get := func(w string) *lexEntry {
		e := m[w]
		if e == nil {
			e = &lexEntry{}
			m[w] = e
		}
		return e
	}
	months := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	abbrs := [][]string{{"jan"}, {"feb"}, {"mar"}, {"apr"}, nil, {"jun"}, {"jul"}, {"aug"}, {"sep", "sept"}, {"oct"}, {"nov"}, {"dec"}}
	for i, w := range months {
		get(w).month = int8(i + 1)
		for _, a := range abbrs[i] {
			e := get(a)
			e.month = int8(i + 1)
			e.abbr = true
		}
	}
	wdays := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	wabbr := []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}
	for i, w := range wdays {
		get(w).wday = int8(i + 1)
		get(w + "s").wday = int8(i + 1) // "on Fridays" → set
		get(w + "s").plural = true
		e := get(wabbr[i])
		e.wday = int8(i + 1)
		e.abbr = true
	}
	get("tues").wday, get("tues").abbr = 3, true
	get("thur").wday, get("thur").abbr = 5, true
	get("thurs").wday, get("thurs").abbr = 5, true
	ones := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range ones {
		e := get(w)
		e.num, e.hasNum = int16(i), true
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		e := get(w)
		e.num, e.hasNum, e.tensAdj = int16(20+10*i), true, int16(20+10*i)
	}
	get("dozen").num, get("dozen").hasNum = 12, true
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, w := range ords {
		get(w).ord = int8(i + 1)
	}
	get("thirtieth").ord = 30
	get("last").ord = -1 // "the last quarter" of a year
	units := map[string]unit{"second": uSecond, "minute": uMinute, "hour": uHour, "day": uDay, "week": uWeek,
		"fortnight": uFortnight, "weekend": uWeekend, "month": uMonth, "quarter": uQuarter, "year": uYear,
		"decade": uDecade, "century": uCentury, "millennium": uMillennium}
	for w, u := range units {
		get(w).unit = u
		p := w + "s"
		switch w {
		case "century":
			p = "centuries"
		case "millennium":
			p = "millennia"
		}
		e := get(p)
		e.unit, e.plural = u, true
	}
	for w, u := range map[string]unit{"yearlong": uYear, "weeklong": uWeek, "monthlong": uMonth, "daylong": uDay, "hourlong": uHour} {
		// one-word adjectives of length: a duration of one unit
		e := get(w)
		e.unit, e.long = u, true
	}
	for w, u := range map[string]unit{"sec": uSecond, "secs": uSecond, "min": uMinute, "mins": uMinute, "hr": uHour, "hrs": uHour, "yr": uYear, "yrs": uYear} {
		get(w).unit = u
	}
	for i, w := range []string{"spring", "summer", "fall", "winter"} {
		get(w).season = int8(i + 1)
	}
	get("autumn").season = 3
	for w, r := range map[string]int8{"last": relLast, "next": relNext, "this": relThis, "past": relPast, "previous": relPast,
		"coming": relComing, "upcoming": relComing, "following": relFollowing, "current": relCurrent, "prior": relPast, "preceding": relPast} {
		get(w).rel = r
	}
	for w, t := range map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI"} {
		get(w).tod = t
		get(w).plural = w[len(w)-1] == 's' // "Tuesday nights" recur
	}
	for w, r := range map[string]string{"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
		"recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
		"future": "FUTURE_REF", "present": "PRESENT_REF"} {
		get(w).ref = r
	}
	get("today").day = 1
	get("yesterday").day = 2
	get("tomorrow").day = 3
	for w, md := range map[string]string{"early": "START", "late": "END", "mid": "MID", "earlier": "START", "later": "END", "end": "END", "beginning": "START", "start": "START", "middle": "MID"} {
		get(w).mod = md
	}
	for w, a := range map[string]string{"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
		"nearly": "APPROX", "almost": "APPROX", "over": "MORE_THAN", "more": "MORE_THAN", "less": "LESS_THAN", "under": "LESS_THAN",
		"up": "EQUAL_OR_LESS", "just": "", "fewer": "LESS_THAN", "barely": "APPROX", "only": ""} {
		e := get(w)
		e.approx = a
		if a == "" {
			e.approx = "-" // marker word, no mod of its own
		}
	}
	for w, u := range map[string]unit{"daily": uDay, "weekly": uWeek, "monthly": uMonth, "annually": uYear, "yearly": uYear,
		"quarterly": uQuarter, "hourly": uHour, "nightly": uDay, "biweekly": uFortnight, "annual": uNone} {
		if u != uNone {
			get(w).set = u
		}
	}
	for _, w := range []string{"will", "shall", "ll", "going", "due", "scheduled", "expected", "plans", "plan", "planning", "would", "upcoming", "intends", "hopes", "aims", "to"} {
		get(w).tense = cueFuture
	}
	get("to").tense = cueNone
	for _, w := range []string{"was", "were", "had", "did", "said", "told", "began", "met", "held", "took", "came", "went", "made", "gave",
		"left", "won", "lost", "saw", "got", "fell", "rose", "signed", "ended", "began", "broke", "fled", "led", "sent", "spoke", "wrote",
		"announced", "reported", "killed", "died", "arrived", "returned", "began", "begun", "flew", "struck", "hit", "shot", "found", "paid", "sold", "bought", "ran", "stood", "became", "kept", "brought", "caught", "chose", "drew", "drove", "fought", "forgot", "grew", "heard", "knew", "laid", "meant", "rang", "sat", "slept", "spent", "stole", "swore", "taught", "thought", "threw", "understood", "woke", "wore"} {
		get(w).tense = cuePast
	}
	// The present of a scheduling verb speaks of what is due: "the summit
	// ends on Sunday", "the court hears the case on Monday".
	for _, w := range []string{"is", "are", "am", "ends", "begins", "starts", "opens", "closes", "concludes", "resumes",
		"convenes", "reconvenes", "adjourns", "expires", "departs", "arrives", "kicks", "wraps"} {
		get(w).tense = cuePresent
	}
	for w, d := range map[string]int8{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9} {
		get(w).decade = d
	}
	for _, w := range []string{"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "bst", "cet", "cest", "ist", "jst", "msk", "eet", "eest", "aest", "hkt", "sgt", "pt", "ct", "mt", "z"} {
		get(w).tz = true
	}
	fws := map[string]uint8{"the": fwThe, "of": fwOf, "a": fwA, "an": fwA, "ago": fwAgo, "earlier": fwEarlier, "later": fwLater,
		"and": fwAnd, "half": fwHalf, "end": fwEnd, "beginning": fwBeginning, "start": fwBeginning, "middle": fwMiddle, "every": fwEvery,
		"fiscal": fwFiscal, "from": fwFrom, "now": fwNow, "hence": fwHence, "am": fwAm, "pm": fwPm, "noon": fwNoon, "midday": fwNoon,
		"midnight": fwMidnight, "or": fwOr, "so": fwSo, "to": fwTo, "in": fwIn, "at": fwAt, "on": fwOn, "period": fwPeriod,
		"times": fwTimes, "once": fwTimes, "twice": fwTimes, "o": fwOClock, "local": fwLocal, "time": fwTime, "since": fwSince,
		"that": fwThat, "same": fwSame, "before": fwBefore, "after": fwAfter, "latest": fwLatest, "over": fwOver, "per": fwPer,
		"couple": fwCouple, "few": fwFew, "several": fwSeveral, "many": fwMany, "between": fwBetween, "until": fwUntil,
		"by": fwBy, "more": fwMore, "than": fwThan, "less": fwLess, "least": fwLeast, "up": fwUp, "no": fwNo, "most": fwMost,
		"s": fwS, "th": fwTh, "st": fwTh, "nd": fwTh, "rd": fwTh, "each": fwEach, "hundred": fwHundred, "thousand": fwThousand,
		"tonight": fwTonight, "these": fwThese, "ahead": fwAhead, "overnight": fwOvernight, "full": fwFull, "fewer": fwLess,
		"dawn": fwDawn, "daybreak": fwDawn, "sunrise": fwDawn, "dusk": fwDusk, "sunset": fwDusk, "nightfall": fwDusk,
		"q": fwQ, "h": fwH, "fy": fwFiscal}
	for w, f := range fws {
		get(w).fw = f
	}
	for w, h := range map[string]int8{"christmas": holChristmas, "thanksgiving": holThanksgiving, "easter": holEaster, "halloween": holHalloween, "new": holNewYear} {
		get(w).holiday = h
	}
	for _, e := range m {
		e.startable = e.month != 0 || e.wday != 0 || e.hasNum || e.ord != 0 || e.unit != uNone || e.season != 0 ||
			e.rel != relNone || e.tod != "" || e.ref != "" || e.day != 0 || e.mod != "" || e.approx != "" || e.set != uNone ||
			e.decade != 0 || e.holiday != 0 ||
			e.fw == fwThe || e.fw == fwA || e.fw == fwHalf || e.fw == fwEvery || e.fw == fwFiscal || e.fw == fwNoon ||
			e.fw == fwMidnight || e.fw == fwDawn || e.fw == fwDusk || e.fw == fwQ || e.fw == fwH || e.fw == fwTonight || e.fw == fwOvernight || e.fw == fwEach || e.fw == fwCouple ||
			e.fw == fwFew || e.fw == fwSeveral || e.fw == fwMany || e.fw == fwMore || e.fw == fwLess || e.fw == fwAt || e.fw == fwUp ||
			e.fw == fwNo || e.fw == fwEnd || e.fw == fwBeginning || e.fw == fwMiddle || e.fw == fwThese || e.fw == fwThat
		switch *e {
		case lexEntry{fw: fwThe, startable: true}:
			e.lead = leadThe
		case lexEntry{fw: fwA, startable: true}:
			e.lead = leadA
		case lexEntry{fw: fwThat, startable: true}:
			e.lead = leadThat
		}
	}
	return m
}

// maxLexLen bounds the words worth looking up; TestLexicon checks it.
const maxLexLen = 14
