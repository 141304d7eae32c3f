package source

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// dateLayouts are tried in order; the first that parses wins.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"2006/01/02 15:04",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006, 3:04 PM",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	"Mon, Jan 2, 2006",
	"Mon Jan 2 2006",
}

// parseDate reads a publication date in the usual machine and human
// forms. A date without a zone is taken as UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, " UTC")
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	if isISODate(s) {
		// Only the "2006-01-02" layout can read ten bytes of this shape.
		return parseISODate(s)
	}
	return parseDateLayouts(s)
}

// parseDateLayouts is parseDate after trimming: every layout in turn.
func parseDateLayouts(s string) (time.Time, bool) {
	// "Sept." and "Sept" are not Go month abbreviations.
	s = strings.Replace(s, "Sept.", "Sep", 1)
	s = strings.Replace(s, "Sept ", "Sep ", 1)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	// Abbreviations with a period: "Apr. 12, 2025".
	if i := strings.IndexByte(s, '.'); i > 0 && i <= 4 {
		if t, err := time.Parse("Jan 2, 2006", s[:i]+s[i+1:]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// isISODate reports the shape YYYY-MM-DD.
// parseISODate is time.Parse("2006-01-02", s) for s of isISODate's
// shape, without its layout interpretation: a day outside its month is
// an error, a date without a zone is UTC.
func parseISODate(s string) (time.Time, bool) {
	num := func(i, j int) int {
		n := 0
		for _, c := range []byte(s[i:j]) {
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(0, 4), num(5, 7), num(8, 10)
	if m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

// daysIn is the number of days of a month.
func daysIn(m time.Month, year int) int {
	// The day before the first of the next month.
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// dateline matches the wire dateline that opens a story:
// "WASHINGTON, April 12 (Reuters) —", "MUSCAT, Oman (AP) — ",
// "LONDON, April 12, 2025 -". The city is in capitals.
var dateline = regexp.MustCompile(`^([\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}?)((?:,\s*[\p{Lu}][\p{L}.'’ -]{1,30}?)*?)` +
	`(?:,?\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s*\d{4})?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*(?:\s+\d{4})?))?` +
	`\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-|:)\s`)

// yearRx finds four-digit years for dating a dateline without a year.
var yearRx = regexp.MustCompile(`\b(19[5-9]\d|20\d\d)\b`)

// datelineDate reads the date of a dateline at the start of the lede. A
// dateline without a year takes the latest year the text mentions (wire
// copy rarely names the current year otherwise); without any, nothing.
func datelineDate(d *compare.Document) (time.Time, bool) {
	var lede compare.Span
	for _, s := range d.Sections {
		if s.Segment == compare.SegLede {
			lede = s.Span
		}
	}
	if lede.Len() == 0 {
		return time.Time{}, false
	}
	head := d.Text[lede.Start:min(lede.End, lede.Start+160)]
	m := dateline.FindSubmatch(head)
	if m == nil || len(m[3]) == 0 {
		return time.Time{}, false
	}
	md := strings.Join(strings.Fields(string(m[3])), " ")
	md = strings.Replace(md, ",", "", 1)
	fields := strings.Fields(md)
	var month time.Month
	var day, year int
	for _, f := range fields {
		f = strings.TrimSuffix(f, ".")
		if n, err := strconv.Atoi(f); err == nil {
			if n > 31 {
				year = n
			} else {
				day = n
			}
			continue
		}
		month = monthOf(f)
	}
	if month == 0 || day == 0 {
		return time.Time{}, false
	}
	if year == 0 {
		year = latestYear(d.Text)
		if year == 0 {
			return time.Time{}, false
		}
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return time.Time{}, false
	}
	return t, true
}

func monthOf(s string) time.Month {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s[:3]) {
			return m
		}
	}
	return 0
}

// latestYear returns the latest year mentioned in text that is not a
// deadline ("by 2030", "until 2030"), or 0.
func latestYear(text []byte) int {
	best := 0
	for _, loc := range yearRx.FindAllIndex(text, -1) {
		before := strings.ToLower(string(text[max(0, loc[0]-8):loc[0]]))
		if strings.HasSuffix(before, "by ") || strings.HasSuffix(before, "until ") || strings.HasSuffix(before, "through ") || strings.HasSuffix(before, "before ") {
			continue
		}
		y, _ := strconv.Atoi(string(text[loc[0]:loc[1]]))
		best = max(best, y)
	}
	return best
}

// setDateline fills Published from the dateline when nothing else did.
func setDateline(d *compare.Document) {
	if d.Published != nil {
		return
	}
	if t, ok := datelineDate(d); ok {
		d.Published, d.PublishedFrom = timePtr(t), "dateline"
	}
}

// parseDateOK reports whether parseDate reads s.
func parseDateOK(s string) bool {
	_, ok := parseDate(s)
	return ok
}

// timePtr returns a pointer to a copy of t. Taking &t of a variable
// declared in an if statement would put t on the heap whether or not the
// branch runs.
func timePtr(t time.Time) *time.Time { return &t }
