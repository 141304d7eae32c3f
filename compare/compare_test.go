package compare

import (
	"testing"
	"time"
	"unicode/utf8"
)

func TestPosition(t *testing.T) {
	d := &Document{Text: []byte("Tehran’s talks\nbegan on Friday\r\nin Muscat")}
	tests := []struct {
		off  int
		want Position
	}{
		{0, Position{1, 1}},
		{9, Position{1, 8}},  // after "Tehran’": the 3-byte apostrophe is one column
		{17, Position{2, 1}}, // "began"
		{34, Position{3, 1}}, // after CRLF
		{1000, Position{3, 10}},
	}
	for _, tt := range tests {
		if got := d.Position(tt.off); got != tt.want {
			t.Errorf("Position(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}
}

func TestWindowIntersect(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	a := Window{From: day("2021-08-25"), To: day("2024-05-19")}
	b := Window{From: day("2025-01-20")}
	if _, ok := a.Intersect(b); ok {
		t.Error("windows 2021–2024 and 2025– should not overlap")
	}
	w, ok := a.Intersect(Window{From: day("2021-01-20"), To: day("2025-01-20")})
	if !ok || !w.From.Equal(day("2021-08-25")) || !w.To.Equal(day("2024-05-19")) {
		t.Errorf("intersection = %v %v", w, ok)
	}
	if !b.Contains(day("2030-01-01")) || b.Contains(day("2025-01-19")) {
		t.Error("open-ended window contains wrong days")
	}
}

func TestSeverity(t *testing.T) {
	for _, n := range []string{"none", "info", "warning", "error"} {
		s, ok := ParseSeverity(n)
		if !ok || s.String() != n {
			t.Errorf("ParseSeverity(%q) = %v, %v", n, s, ok)
		}
	}
	if _, ok := ParseSeverity("fatal"); ok {
		t.Error("unknown severity parsed")
	}
	if Error <= Warning || Warning <= Info {
		t.Error("severities not ordered")
	}
}

// TestRuneCount: the allocation-free count agrees with utf8.RuneCount,
// invalid and short encodings included.
func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "abc", "é", "\xff", "a\xe2\x80", "\xe2\x80\x9cQuote,\xe2\x80\x9d he said", "Tehran’s talks " + string(make([]byte, 40)) + "ü\xf0\x9f\x98"} {
		if got, want := runeCount([]byte(s)), utf8.RuneCount([]byte(s)); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
	b := []byte("Tehran’s talks began on Friday in Muscat, officials said, and ended")
	if n := testing.AllocsPerRun(10, func() { runeCount(b) }); n != 0 {
		t.Errorf("runeCount allocates %v times", n)
	}
}
