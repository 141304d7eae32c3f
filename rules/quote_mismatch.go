package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/crosscheck/crosscheck/compare"
)

// QuoteMismatch reports one speaker quoted with different words by two
// sources.
var QuoteMismatch = &compare.Rule{
	Name: "quote-mismatch",
	Doc: `the same speaker is quoted with different words in two sources

A direct quote is a claim that someone said exactly these words. When two
articles quote the same speaker saying the same thing and the words differ,
at least one of them misquotes. The finding carries a word diff.

Quote marks (curly or straight), spacing, case and trailing punctuation are
not differences; a changed, added or dropped word inside the part both
sources quote is. A quote trimmed at a different point (one outlet starts
or stops earlier) or shortened with an ellipsis is not a misquote.

Fires:
  A: Araghchi said: "We are ready for a fair and balanced agreement."
  B: "We are ready for a fair and just agreement," Araghchi said.

Does not fire:
  A: Araghchi said: "We are ready for a fair and balanced agreement."
  B: "ready for a fair and balanced agreement," Araghchi said.`,
	Type:     compare.Contradiction,
	Kind:     compare.KindQuote,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindQuote},
	Run:      runQuoteMismatch,
}

func runQuoteMismatch(pass *compare.Pass) error {
	var anon []*quote
	var ws words
	for _, g := range pass.Groups {
		if g.Kind != compare.KindQuote || g.Attr != "quote" || !knownSpeaker(g.Subject) {
			continue
		}
		qs := quotesOf(g.Claims)
		if slices.ContainsFunc(g.Claims, func(c compare.Claim) bool { return c.Doc != g.Claims[0].Doc }) {
			// Every quote stands against one of another document: all
			// are split.
			n := 0
			for i := range qs {
				n += strings.Count(qs[i].c.Text, " ") + 1
			}
			ws.reserve(n)
		}
		if strings.HasPrefix(g.Subject, anonPrefix) {
			for i := range qs {
				anon = append(anon, &qs[i])
			}
		}
		for i := range qs {
			for j := i + 1; j < len(qs); j++ {
				reportMisquote(pass, g.Subject, &qs[i], &qs[j], &ws)
			}
		}
	}
	// Anonymous sources are described more or less fully: "a US official"
	// may be "a senior US administration official" in another report.
	for i, a := range anon {
		for _, b := range anon[i+1:] {
			if a.c.Subject != b.c.Subject && sameDescription(a.c.Subject, b.c.Subject) {
				reportMisquote(pass, a.c.Subject, a, b, &ws)
			}
		}
	}
	return nil
}

// quote is a quote claim and its words, split once and only when the
// quote is compared: a quote is compared with every other of its speaker.
type quote struct {
	c     *compare.Claim
	text  string // the quote without its quote marks
	words []qword
	split bool
}

// quotesOf wraps claims as quotes, not yet split.
func quotesOf(cs []compare.Claim) []quote {
	qs := make([]quote, len(cs))
	for i := range cs {
		qs[i].c = &cs[i]
	}
	return qs
}

// wordList returns the words of the quote, splitting it on first use
// into the words' chunk.
func (q *quote) wordList(w *words) []qword {
	if !q.split {
		q.text = quoteInner(q.c.Text)
		q.words = w.split(q.text)
		q.split = true
	}
	return q.words
}

// words hands out the words of a rule's quotes from shared chunks: one
// allocation for many quotes. Words handed out are never written again.
type words struct{ chunk []qword }

// reserve makes room for n words in one chunk. Room reserved and not
// used is wasted: reserve only for quotes sure to be split.
func (w *words) reserve(n int) {
	if cap(w.chunk)-len(w.chunk) < n {
		w.chunk = make([]qword, 0, n)
	}
}

// split returns the words of a quote, clipped.
func (w *words) split(s string) []qword {
	// Room for quoteWords' estimate; should the appends below move the
	// chunk, the words handed out keep the old one.
	need := strings.Count(s, " ") + 1
	if cap(w.chunk)-len(w.chunk) < need {
		w.chunk = make([]qword, 0, need) // what quoteWords allocates
	}
	start := len(w.chunk)
	w.chunk = appendQuoteWords(w.chunk, s)
	return w.chunk[start:len(w.chunk):len(w.chunk)]
}

// anonPrefix starts the speaker key of an anonymous source.
const anonPrefix = "anon:"

// sameDescription reports whether two anonymous speakers' descriptions
// may be one source: every word of the shorter stands in the longer, and
// both name the same kind of person (the last word, "official").
func sameDescription(a, b string) bool {
	wa := strings.Fields(strings.TrimPrefix(a, anonPrefix))
	wb := strings.Fields(strings.TrimPrefix(b, anonPrefix))
	if len(wa) == 0 || len(wb) == 0 || wa[len(wa)-1] != wb[len(wb)-1] {
		return false
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	have := map[string]bool{}
	for _, w := range wb {
		have[w] = true
	}
	for _, w := range wa {
		if !have[w] {
			return false
		}
	}
	return len(wa) >= 2 // "official" alone could be anyone
}

// reportMisquote reports a and b, quotes of one speaker in two documents,
// when they are one utterance with a word changed.
func reportMisquote(pass *compare.Pass, subject string, a, b *quote, ws *words) {
	if a.c.Doc == b.c.Doc {
		return
	}
	cmp := compareQuotes(a.wordList(ws), b.wordList(ws))
	if !cmp.same || !cmp.changed {
		return
	}
	d := wordDiff(cmp.a, cmp.b, cmp.diffs, spanText(a.text, cmp.a), spanText(b.text, cmp.b))
	pass.Report(compare.Finding{
		Subject: subject,
		Message: fmt.Sprintf("%s is quoted differently: %q (%s) vs %q (%s): %s",
			speakerLabel(a.c), d.A, a.c.Doc.ID, d.B, b.c.Doc.ID, d.Unified),
		Claims: []compare.Claim{*a.c, *b.c},
		Diff:   d,
	})
}

// knownSpeaker reports whether a speaker key names someone: quotes with
// no attribution cannot be compared as one speaker's.
func knownSpeaker(key string) bool {
	return key != "" && key != "unknown"
}

// speakerLabel is the speaker of a claim as written, or its key.
func speakerLabel(c *compare.Claim) string {
	if c.Speaker != "" {
		return c.Speaker
	}
	return c.Subject
}

// qword is one word of a quote: as written, its comparison key, its byte
// range in the quote, and whether a clause break (, ; : . ! ? or a dash)
// follows it.
type qword struct {
	Text, Key  string
	Start, End int
	Break      bool
}

// ellipsisKey marks an omission inside a quote.
const ellipsisKey = "…"

// quoteWords splits a quote into words. Quote marks and punctuation are
// not words; an ellipsis is, so that an omission lines up with the words
// the other source kept.
func quoteWords(s string) []qword {
	return appendQuoteWords(make([]qword, 0, strings.Count(s, " ")+1), s)
}

// appendQuoteWords appends the words of quoteWords to dst.
func appendQuoteWords(dst []qword, s string) []qword {
	out, first := dst, len(dst)
	// ASCII text lowers byte for byte, so one lower-cased copy of the
	// quote holds every word's key.
	lower, ascii := "", isASCII(s)
	if ascii {
		lower = strings.ToLower(s)
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += n2
					continue
				}
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == ',' {
					if j+n2 < len(s) {
						r3, _ := utf8.DecodeRuneInString(s[j+n2:])
						inner := unicode.IsLetter(r3) || unicode.IsDigit(r3)
						if r2 == '.' || r2 == ',' {
							inner = unicode.IsDigit(r3) && unicode.IsDigit(r) // 2.5, 1,000
						}
						if inner {
							j += n2
							continue
						}
					}
				}
				break
			}
			var key string
			if ascii {
				key = lower[i:j]
			} else {
				key = strings.ToLower(strings.ReplaceAll(s[i:j], "’", "'"))
			}
			out = append(out, qword{Text: s[i:j], Key: key, Start: i, End: j})
			i = j
		case r == '…' || strings.HasPrefix(s[i:], "..."):
			end := i + n
			if r == '.' {
				end = i + 3
			}
			out = append(out, qword{Text: "…", Key: ellipsisKey, Start: i, End: end})
			i = end
		case r == '[' && strings.IndexByte(s[i:], ']') > 0:
			// An editorial insertion stands for words the speaker said.
			end := i + strings.IndexByte(s[i:], ']') + 1
			out = append(out, qword{Text: "…", Key: ellipsisKey, Start: i, End: end})
			i = end
		default:
			if len(out) > first && strings.ContainsRune(",;:.!?—–()", r) {
				out[len(out)-1].Break = true
			}
			if r == '-' && i+1 < len(s) && s[i+1] == '-' {
				if len(out) > first {
					out[len(out)-1].Break = true
				}
			}
			i += n
		}
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// quoteInner strips the quote marks around a quote claim's text.
func quoteInner(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'“”‘’„«»", r)
	})
}

// quoteCmp is the outcome of comparing two quotes word by word.
type quoteCmp struct {
	// a and b are the words diffed: the quotes, or for a partial quote of
	// two words the stretch of the other it stands against.
	a, b []qword
	// diffs is the word diff; nil for quotes the same word for word, which
	// have no change to render.
	diffs []diffmatchpatch.Diff
	// equal is the number of words both quotes share in the diff.
	equal int
	// same: they are the same utterance (enough words in common); changed:
	// a word differs inside the stretch both quote.
	same, changed bool
}

// compareQuotes diffs two quotes by words. Words outside the stretch both
// quote (a quote trimmed earlier or later) and words standing against an
// ellipsis are not changes.
func compareQuotes(a, b []qword) quoteCmp {
	if min(countQuoteWords(a), countQuoteWords(b)) < 3 {
		return comparePartial(a, b)
	}
	if sameKeys(a, b) {
		// Most quotes compared are one utterance copied faithfully: the
		// diff would be one equal run of all the words.
		return quoteCmp{a: a, b: b, equal: len(a), same: true}
	}
	diffs, ell := diffWords(a, b)
	c := quoteCmp{a: a, b: b, diffs: diffs}
	first, last := -1, -1
	for i, d := range diffs {
		if d.Type == diffmatchpatch.DiffEqual {
			c.equal += utf8.RuneCountInString(d.Text)
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	shorter := min(len(a), len(b))
	c.same = c.equal >= 3 && 5*c.equal >= 3*shorter
	if first < 0 {
		return c
	}
	// At either end, words on one side only are a trim; words on both
	// sides are a different continuation, so a change.
	for _, r := range [][2]int{{0, first}, {last + 1, len(diffs)}} {
		var del, ins bool
		for _, d := range diffs[r[0]:r[1]] {
			if strings.ContainsRune(d.Text, ell) {
				del, ins = false, false
				break
			}
			del = del || d.Type == diffmatchpatch.DiffDelete
			ins = ins || d.Type == diffmatchpatch.DiffInsert
		}
		if del && ins {
			c.changed = true
		}
	}
	for i := first + 1; i < last; i++ {
		d := diffs[i]
		if d.Type == diffmatchpatch.DiffEqual {
			continue
		}
		// An omission marked by an ellipsis on the other side is not a change.
		if strings.ContainsRune(d.Text, ell) || (i > 0 && strings.ContainsRune(diffs[i-1].Text, ell) && diffs[i-1].Type != diffmatchpatch.DiffEqual) ||
			(i+1 < len(diffs) && strings.ContainsRune(diffs[i+1].Text, ell) && diffs[i+1].Type != diffmatchpatch.DiffEqual) {
			continue
		}
		c.changed = true
	}
	return c
}

// sameKeys reports whether two word lists are the same word for word.
func sameKeys(a, b []qword) bool {
	return slices.EqualFunc(a, b, func(x, y qword) bool { return x.Key == y.Key })
}

// comparePartial compares a partial quote of one or two words with
// another quote: it stands against the stretch of the other that matches
// most of its words in place. Two words with one kept (a content word)
// and one replaced are a misquote: "utterly unforgivable" for
// "absolutely unforgivable".
func comparePartial(a, b []qword) quoteCmp {
	short, long := a, b
	swap := len(a) > len(b)
	if swap {
		short, long = b, a
	}
	var c quoteCmp
	if len(short) == 0 || len(short) > 2 {
		return c
	}
	best, at := -1, 0
	for i := 0; i+len(short) <= len(long); i++ {
		m := 0
		for j := range short {
			if long[i+j].Key == short[j].Key {
				m++
			}
		}
		if m > best {
			best, at = m, i
		}
	}
	if best <= 0 {
		return c
	}
	win := long[at : at+len(short)]
	switch {
	case best == len(short):
		c.same = true
	case len(short) == 2 && best == 1:
		for j := range short {
			if short[j].Key == win[j].Key && !quoteStopWords[short[j].Key] && utf8.RuneCountInString(short[j].Key) >= 4 &&
				win[1-j].Key != ellipsisKey && short[1-j].Key != ellipsisKey {
				c.same, c.changed = true, true
			}
		}
	}
	c.a, c.b = short, win
	if swap {
		c.a, c.b = win, short
	}
	c.diffs, _ = diffWords(c.a, c.b)
	return c
}

// spanText is the text of a quote from its first to its last word of ws.
func spanText(text string, ws []qword) string {
	if len(ws) == 0 {
		return ""
	}
	return text[ws[0].Start:ws[len(ws)-1].End]
}

// diffWords diffs two word lists, word for word: each distinct word key
// stands for one rune (from the private use area) in a rune diff. It also
// returns the rune an ellipsis got.
func diffWords(a, b []qword) ([]diffmatchpatch.Diff, rune) {
	runes := make(map[string]rune, 1+len(a)+len(b))
	runes[ellipsisKey] = 0xE000
	of := func(ws []qword) []rune {
		rs := make([]rune, len(ws))
		for i, w := range ws {
			r, ok := runes[w.Key]
			if !ok {
				r = rune(0xE000 + len(runes))
				if r > 0xF8FF {
					r = rune(0xF0000 + len(runes)) // past the BMP private use area
				}
				runes[w.Key] = r
			}
			rs[i] = r
		}
		return rs
	}
	ra, rb := of(a), of(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	return dmp.DiffCleanupSemantic(diffs), runes[ellipsisKey]
}

// wordDiff renders a word diff of a against b (as diffWords computed it)
// with the words as each side wrote them; aText and bText are the quotes.
func wordDiff(a, b []qword, diffs []diffmatchpatch.Diff, aText, bText string) *compare.Diff {
	d := &compare.Diff{A: aText, B: bText}
	var uni []string
	i, j := 0, 0
	take := func(ws []qword, k, n int) string {
		parts := make([]string, 0, n)
		for _, w := range ws[k:min(k+n, len(ws))] {
			parts = append(parts, w.Text)
		}
		return strings.Join(parts, " ")
	}
	for _, df := range diffs {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			t := take(a, i, n)
			d.Ops = append(d.Ops, compare.DiffOp{Op: "equal", Text: t})
			uni = append(uni, t)
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			t := take(a, i, n)
			d.Ops = append(d.Ops, compare.DiffOp{Op: "delete", Text: t})
			uni = append(uni, "[-"+t+"-]")
			i += n
		case diffmatchpatch.DiffInsert:
			t := take(b, j, n)
			d.Ops = append(d.Ops, compare.DiffOp{Op: "insert", Text: t})
			if n := len(uni); n > 0 && strings.HasSuffix(uni[n-1], "-]") {
				uni[n-1] += "{+" + t + "+}" // a replacement reads as one change
			} else {
				uni = append(uni, "{+"+t+"+}")
			}
			j += n
		}
	}
	d.Unified = strings.Join(uni, " ")
	return d
}
