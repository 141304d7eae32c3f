package source

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

// FuzzTextHelpers checks the allocation-free helpers against the plain
// definitions they replace.
func FuzzTextHelpers(f *testing.F) {
	for _, s := range [][2]string{{"Talks Resume", "talks, resume!"}, {"  a\u00a0b\t c ", "É\xffé"}, {"2025-04-12", "2025-13-45"}, {"2024-02-29", "2023-02-29"}, {"0000-01-01", "2025-04-31"}, {"1900-02-29", "2000-02-29"},
		{"Mr. Big Ａ", "ＭＲ big a"}, {"x\n\ny  \n", "\u2028\u00a0"}, {"", "-"}} {
		f.Add([]byte(s[0]), []byte(s[1]), uint8(3), uint8(9))
	}
	f.Fuzz(func(t *testing.T, a, b []byte, ms, me uint8) {
		sa, sb := string(a), string(b)
		if got, want := sameText(a, b), normLine(sa) == normLine(sb) && normLine(sa) != ""; got != want {
			t.Fatalf("sameText(%q, %q) = %v", a, b, got)
		}
		if got, want := runeCount(a), utf8.RuneCount(a); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", a, got, want)
		}
		if got, want := fieldCount(a, len(a)+1), len(strings.Fields(sa)); got != want {
			t.Fatalf("fieldCount(%q) = %d, want %d", a, got, want)
		}
		if got, want := normalizeSpace(sa), strings.Join(strings.Fields(sa), " "); got != want {
			t.Fatalf("normalizeSpace(%q) = %q", a, got)
		}
		if isISODate(sa) {
			t1, ok1 := parseISODate(sa)
			t2, err := time.Parse("2006-01-02", sa)
			if ok1 != (err == nil) || t1 != t2 {
				t.Fatalf("parseISODate(%q) = %v %v, time.Parse gives %v %v", a, t1, ok1, t2, err)
			}
		}
		if isISODate(sa) {
			t1, ok1 := parseDate(sa)
			t2, ok2 := parseDateLayouts(sa)
			if ok1 != ok2 || !t1.Equal(t2) {
				t.Fatalf("parseDate(%q) = %v %v, layouts give %v %v", a, t1, ok1, t2, ok2)
			}
		}
		var mask []compare.Span
		if int(ms) < len(a) {
			mask = append(mask, compare.Span{Start: int(ms), End: int(ms) + int(me)%8})
		}
		checkContentSpans(t, a, mask)
	})
}

// checkContentSpans compares contentSpan over every line with a rune by
// rune scan that asks every span whether it masks.
func checkContentSpans(t *testing.T, text []byte, mask []compare.Span) {
	t.Helper()
	cur := maskCursor{mask: mask}
	for ls, next := nextLine(text, 0); next >= 0; ls, next = nextLine(text, next) {
		got, gotOK := contentSpan(text, ls, &cur)
		start, end := -1, -1
		for i := ls.start; i < ls.end; {
			r, n := utf8.DecodeRune(text[i:])
			inMask := false
			for _, m := range mask {
				inMask = inMask || m.Start <= i && i < m.End
			}
			if !unicode.IsSpace(r) && !isSpaceRune(r) && !inMask {
				if start < 0 {
					start = i
				}
				end = i + n
			}
			i += n
		}
		if gotOK != (start >= 0) || gotOK && (got.Start != start || got.End != end) {
			t.Fatalf("contentSpan(%q, %v, mask %v) = %v %v, want %d-%d", text, ls, mask, got, gotOK, start, end)
		}
	}
}

// TestParseISODate compares parseISODate with time.Parse over every
// month and day number of leap and common years.
func TestParseISODate(t *testing.T) {
	for _, y := range []int{0, 4, 1900, 2000, 2023, 2024, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				s := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
				got, ok := parseISODate(s)
				want, err := time.Parse("2006-01-02", s)
				if ok != (err == nil) || got != want {
					t.Fatalf("parseISODate(%q) = %v %v, time.Parse gives %v %v", s, got, ok, want, err)
				}
			}
		}
	}
}
