package kb

import (
	"strings"
	"testing"
	"time"
)

// foldGeneral is Fold by the general (Unicode) path, which the ASCII fast
// path must agree with.
func foldGeneral(name string) string { return strings.Join(foldTokens(name), "") }

func TestFoldASCIIPath(t *testing.T) {
	names := []string{
		"", " ", "'", "''", "a'", "'s", "Al", "al Busaidi", "El-Sisi", "Al Al", "al-", "Albusaidi", "Alan",
		"Elbaradei", "O'Brien", "Ma'ariv", "Ja`fari", "Mohammad--Javad  Zarif", "ABBAS ARAGHCHI",
		"Ghalibaf", "Khamenei", "Zelenskyy", "Doubled  letters: aaa bbb", "ou gh kh dh ee iy ey ei ie ai",
		"eei", "iie", "gggh", "1999 2000", "x.y_z", "a-b-c", strings.Repeat("abcdefgh", 20),
	}
	k := embeddedKB(t)
	for _, p := range k.People() {
		names = append(names, p.Name)
		names = append(names, p.Aliases...)
	}
	for _, n := range names {
		if !isASCII(n) {
			continue
		}
		if got, want := Fold(n), foldGeneral(n); got != want {
			t.Errorf("Fold(%q) = %q, general path %q", n, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Amir-Abdollahian", "al Busaidi", "O'Brien", "Erdoğan", "x  y", "Albusaidi"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldGeneral(s); got != want {
			t.Errorf("Fold(%q) = %q, general path %q", s, got, want)
		}
		if got, want := string(appendFold([]byte("x"), s)), "x"+foldGeneral(s); got != want {
			t.Errorf("appendFold(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkResolve(b *testing.B) {
	k := embeddedKB(b)
	day := time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)
	names := []string{"Abbas Araghchi", "Araghchi", "Steve Witkoff", "Ayatollah Ali Khamenei", "Marco Rubio", "Badr Albusaidi", "Zarif"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k.Resolve(names[i%len(names)], day, "IR/foreign-minister")
		i++
	}
}

func BenchmarkFold(b *testing.B) {
	names := []string{"Abbas Araghchi", "Steve Witkoff", "Hossein Amir-Abdollahian", "Badr Albusaidi"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Fold(names[i%len(names)])
		i++
	}
}
