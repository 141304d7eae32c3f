package source

import (
	"encoding/binary"
	"math/rand/v2"
	"regexp"
	"testing"
)

// anchoredLines exercise the residue patterns: matches, near misses and
// texts the table cannot decide.
var anchoredLines = []string{
	"", "a", "ad", "Ad", "AD", "adx", "12 comments", "1 Comment", "Comments (3)", "no comments", "No Comments",
	"Share", "Share this article", "share on Facebook", "ſhare", "SHARE THIS STORY", "Email", "Print", "Advertisement",
	"Story continues below advertisement", "Read more", "Related:", "Most popular", "Sign up for our newsletter",
	"© 2025 Example Media", "(c) 2025 x", "Copyright 2025 Someone", "Image: Getty", "Photo credit: AP", "Getty Images",
	"Listen to this article 4 min", "Skip to main content", "Back to top", "Follow us on X, Facebook",
	"All rights reserved.", "By Jane Doe", "by Jane Doe and John Roe, Reuters", "BY JANE", "By jane doe", "Byline",
	"Published: April 12, 2025", "Updated on 2025-04-12 10:00", "Last updated: 12 April 2025", "posted 2025-04-12",
	"First published on April 12, 2025", "Publishing house", "EU and Argentine negotiators meet", "Mogherini said",
	"most", "mos", "mo", "m", "\u00e9mail", "\xffad", "a\xff", "adv\xffertisement", "\tShare", " Share", "ad\n",
	"K", "\u212a", "The talks began on Friday.", "Tweet", "tweets", "Video", "video source: x",
}

// TestAnchoredMatchesRegexp: the table never turns down a text the
// regexp matches, and finds what it finds.
func TestAnchoredMatchesRegexp(t *testing.T) {
	for _, a := range []*anchoredRx{residue, byline, publishedLine} {
		if a.next == nil {
			t.Errorf("%s: no table", a.re)
		}
		for _, l := range anchoredLines {
			checkAnchored(t, a, []byte(l))
		}
	}
	// Unanchored, nullable and odd patterns get no table or a safe one.
	for _, expr := range []string{`abc`, `(?m)^abc`, `^a*`, `^\bfoo`, `^(?i)k`, `^.b`, `^$`, `^a|b`, `^(?:x{0}y)`, `\Afoo$`} {
		a := mustAnchored(expr)
		for _, l := range append(anchoredLines, "abc", "xabc", "foo", "k", "\u212a", "zb", "y", "b", "\nabc") {
			checkAnchored(t, a, []byte(l))
		}
	}
}

func checkAnchored(t *testing.T, a *anchoredRx, b []byte) {
	t.Helper()
	if got, want := a.Match(b), a.re.Match(b); got != want {
		t.Errorf("%s: Match(%q) = %v, want %v", a.re, b, got, want)
	}
	if got, want := a.FindSubmatch(b), a.re.FindSubmatch(b); len(got) != len(want) {
		t.Errorf("%s: FindSubmatch(%q) = %q, want %q", a.re, b, got, want)
	}
}

// FuzzAnchored compares the table-guarded residue patterns with the
// plain regexps.
func FuzzAnchored(f *testing.F) {
	for _, l := range anchoredLines {
		f.Add([]byte(l))
	}
	plain := []*regexp.Regexp{residue.re, byline.re, publishedLine.re}
	f.Fuzz(func(t *testing.T, b []byte) {
		for i, a := range []*anchoredRx{residue, byline, publishedLine} {
			if a.Match(b) != plain[i].Match(b) {
				t.Fatalf("%s: Match(%q) differs", a.re, b)
			}
		}
	})
}

// TestHasSpecial checks the word test against bytes one by one.
func TestHasSpecial(t *testing.T) {
	special := func(c byte) bool { return c == '"' || c == '\\' || c < 0x20 }
	rng := rand.New(rand.NewPCG(1, 2))
	var w [8]byte
	for n := range 200000 {
		for i := range w {
			switch {
			case n < 256*8: // each byte value at each place among letters
				w[i] = 'a'
				if i == n/256 {
					w[i] = byte(n % 256)
				}
			case rng.IntN(4) == 0:
				w[i] = []byte{'"', '\\', 0, 0x1f, 0x20, 0x21, 0x5b, 0x5d, 0x7f, 0x80, 0xa2, 0xdc, 0xff}[rng.IntN(13)]
			default:
				w[i] = byte(rng.IntN(256))
			}
		}
		want := false
		for _, c := range w {
			want = want || special(c)
		}
		if got := hasSpecial(binary.LittleEndian.Uint64(w[:])); got != want {
			t.Fatalf("hasSpecial(%q) = %v", w, got)
		}
	}
}
