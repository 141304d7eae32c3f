package rules

import (
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// HeadlineQuote reports a quote in a headline that the article's body does
// not contain.
var HeadlineQuote = &compare.Rule{
	Name: "headline-quote",
	Doc: `a quote in the headline is found nowhere in the body

Readers take a quoted headline as the speaker's words. When the body never
gives those words, the headline has misquoted (often by paraphrasing inside
quote marks): a contradiction inside the article. The finding carries a word
diff against the closest stretch of a body quote, when the body has one.

A headline quote is supported when its words stand anywhere in the lede or
body, whole or as a partial quote inside a longer one; an ellipsis or an
editorial [insertion] in the headline matches any words. Quoted phrases of
one or two words are not taken as speech. A close paraphrase is not
reported either: when every content word of the headline quote stands, in
order, in one sentence of the body ("Mugabe 'insisting he finishes his
term'" over "are insisting the 93 year-old finishes his presidential
term"), the headline follows headline style, not a misquote.

Fires:
  'Neither side wants unproductive discussions': Iran and the US agree to talks
  … A senior Iranian diplomat said, "Neither side wants talks for the sake of talks."

Does not fire:
  Iran says talks a 'good start' as US 'ready to continue'
  … Araghchi said the talks were a "good start" and that the US was "ready to continue talking".`,
	Type:     compare.Contradiction,
	Kind:     compare.KindQuote,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindQuote},
	Run:      runHeadlineQuote,
}

// minHeadlineScore is the least similarity (Dice over words in order) a
// body quote needs to be offered as what the headline misquotes; below it
// the finding stands without a diff: the body quotes nothing like it.
const minHeadlineScore = 0.25

func runHeadlineQuote(pass *compare.Pass) error {
	if !hasHeadlineQuote(pass.Claims) {
		return nil // most stories quote no one in a headline
	}
	byDoc := map[*compare.Document][]*compare.Claim{}
	for i := range pass.Claims {
		if c := &pass.Claims[i]; c.Kind == compare.KindQuote {
			byDoc[c.Doc] = append(byDoc[c.Doc], c)
		}
	}
	for _, doc := range pass.Documents {
		var heads, body []*compare.Claim
		for _, c := range byDoc[doc] {
			if c.Segment == compare.SegHeadline {
				heads = append(heads, c)
			} else {
				body = append(body, c)
			}
		}
		if len(heads) == 0 {
			continue
		}
		prose := proseWords(doc)
		for _, h := range heads {
			ht := quoteInner(h.Text)
			hw := quoteWords(ht)
			if n := countQuoteWords(hw); n < 2 || n == 2 && !speakerColon(doc, h) || containsWords(prose, hw) || paraphrased(doc, hw) {
				continue
			}
			f := compare.Finding{
				Subject: h.Subject,
				Message: fmt.Sprintf("headline quote %q is not in the body, which quotes nothing like it", ht),
				Claims:  []compare.Claim{*h},
			}
			if best, ok := closestQuote(hw, body); ok {
				diffs, _ := diffWords(hw, best.words)
				f.Diff = wordDiff(hw, best.words, diffs, ht, best.text)
				f.Claims = append(f.Claims, *best.claim)
				f.Message = fmt.Sprintf("headline quote %q is not in the body; the closest body quote (%s) says %q: %s",
					ht, speakerLabel(best.claim), best.text, f.Diff.Unified)
				if !knownSpeaker(f.Subject) {
					f.Subject = best.claim.Subject
				}
			}
			pass.Report(f)
		}
	}
	return nil
}

// paraphrased reports whether the content words of a headline quote all
// stand, in order, in one sentence of the lede or body: the headline
// quotes a statement closely, in the body's own words, as in "Mugabe
// 'insisting he finishes his term'" over "are insisting the 93 year-old
// finishes his presidential term, a source said". Headline style puts
// such attributed claims in quote marks every day; reporting them would
// bury the misquotes that mix words the body never put together.
func paraphrased(doc *compare.Document, hw []qword) bool {
	var content []string
	for _, w := range hw {
		if w.Key != ellipsisKey && !headlineFunctionWords[w.Key] {
			content = append(content, w.Key)
		}
	}
	if len(content) < 2 {
		return false
	}
	for _, s := range doc.Sentences {
		if s.Start < 0 || s.End > len(doc.Text) || s.Start >= s.End || doc.SegmentAt(s.Start) == compare.SegHeadline {
			continue
		}
		if wordsInOrder(quoteWords(doc.Slice(s)), content) {
			return true
		}
	}
	return false
}

// wordsInOrder reports whether every key of want matches a word of ws,
// in order; a word matches its inflections ("finishes", "finished").
func wordsInOrder(ws []qword, want []string) bool {
	i := 0
	for _, w := range ws {
		if i < len(want) && sameStem(w.Key, want[i]) {
			i++
		}
	}
	return i == len(want)
}

// sameStem compares two lower-case words up to a common inflection: equal,
// or sharing all but the last two letters of the shorter and at least five.
func sameStem(a, b string) bool {
	if a == b {
		return true
	}
	n := min(len(a), len(b))
	if n < 6 {
		return false
	}
	k := max(5, n-2)
	return a[:k] == b[:k]
}

// headlineFunctionWords carry no content of their own: a paraphrase may
// add or drop them.
var headlineFunctionWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "he": true, "she": true,
	"it": true, "they": true, "we": true, "i": true, "you": true, "his": true, "her": true, "its": true,
	"their": true, "our": true, "my": true, "your": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "am": true, "do": true, "does": true, "did": true,
	"have": true, "has": true, "had": true, "will": true, "would": true, "can": true, "could": true,
	"should": true, "shall": true, "may": true, "might": true, "must": true, "to": true, "of": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "as": true,
	"that": true, "this": true, "these": true, "those": true, "there": true, "here": true, "any": true,
	"all": true, "some": true, "so": true, "if": true, "than": true, "then": true, "what": true,
	"who": true, "which": true, "how": true, "why": true, "when": true, "where": true, "me": true,
	"him": true, "them": true, "us": true,
}

func hasHeadlineQuote(cs []compare.Claim) bool {
	for i := range cs {
		if cs[i].Kind == compare.KindQuote && cs[i].Segment == compare.SegHeadline {
			return true
		}
	}
	return false
}

// countQuoteWords counts the words of a quote, ellipses aside.
func countQuoteWords(ws []qword) int {
	n := 0
	for _, w := range ws {
		if w.Key != ellipsisKey {
			n++
		}
	}
	return n
}

// proseWords are the words of the lede and body, markup blanked out.
func proseWords(doc *compare.Document) []qword {
	var out []qword
	for _, s := range doc.Sections {
		if s.Segment == compare.SegHeadline || s.Span.Start < 0 || s.Span.End > len(doc.Text) || s.Span.Start >= s.Span.End {
			continue
		}
		b := []byte(doc.Slice(s.Span))
		for _, m := range doc.Mask {
			for i := max(m.Start, s.Span.Start); i < min(m.End, s.Span.End); i++ {
				b[i-s.Span.Start] = ' '
			}
		}
		out = append(out, quoteWords(string(b))...)
		out = append(out, qword{Key: "\x00"}) // sections do not run together
	}
	return out
}

// containsWords reports whether the words of q stand in prose in order,
// each run between ellipses contiguous.
func containsWords(prose, q []qword) bool {
	var parts [][]qword
	start := 0
	for i := 0; i <= len(q); i++ {
		if i == len(q) || q[i].Key == ellipsisKey {
			if i > start {
				parts = append(parts, q[start:i])
			}
			start = i + 1
		}
	}
	if len(parts) == 0 {
		return false
	}
	pos := 0
	for _, p := range parts {
		at := indexWords(prose[pos:], p)
		if at < 0 {
			return false
		}
		pos += at + len(p)
	}
	return true
}

// indexWords is the index of the first run of p in ws, or -1.
func indexWords(ws, p []qword) int {
outer:
	for i := 0; i+len(p) <= len(ws); i++ {
		for j := range p {
			if ws[i+j].Key != p[j].Key {
				continue outer
			}
		}
		return i
	}
	return -1
}

// quoteCandidate is a stretch of a body quote offered as what a headline
// quote misquotes.
type quoteCandidate struct {
	claim *compare.Claim
	words []qword
	text  string
	score float64
}

// closestQuote finds, among the clause-aligned stretches of the body
// quotes, the one most like hw; a stretch must share a content word.
func closestQuote(hw []qword, body []*compare.Claim) (quoteCandidate, bool) {
	var best quoteCandidate
	found := false
	for _, c := range body {
		bt := quoteInner(c.Text)
		bw := quoteWords(bt)
		// Clause starts and ends: a stretch never cuts a clause.
		starts := []int{0}
		var ends []int
		for i, w := range bw {
			if w.Break || i == len(bw)-1 {
				ends = append(ends, i+1)
				if i+1 < len(bw) {
					starts = append(starts, i+1)
				}
			}
		}
		for _, s := range starts {
			for _, e := range ends {
				if e <= s {
					continue
				}
				win := bw[s:e]
				if !sharesContentWord(hw, win) {
					continue
				}
				score := 2 * float64(lcsWords(hw, win)) / float64(len(hw)+len(win))
				better := !found || score > best.score ||
					score == best.score && wordsAbs(len(win)-len(hw)) < wordsAbs(len(best.words)-len(hw))
				if better && score >= minHeadlineScore {
					best = quoteCandidate{claim: c, words: win, text: bt[win[0].Start:win[len(win)-1].End], score: score}
					found = true
				}
			}
		}
	}
	return best, found
}

func wordsAbs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// lcsWords is the length of the longest common subsequence of two word lists.
func lcsWords(a, b []qword) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i].Key == b[j].Key {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// quoteStopWords carry no content: sharing only these is no resemblance.
var quoteStopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "in": true, "on": true, "for": true,
	"and": true, "or": true, "but": true, "is": true, "are": true, "was": true, "were": true, "be": true,
	"we": true, "i": true, "you": true, "he": true, "she": true, "it": true, "they": true, "this": true,
	"that": true, "with": true, "as": true, "at": true, "by": true, "not": true, "no": true, "will": true,
	"have": true, "has": true, "our": true, "their": true, "its": true, "from": true, ellipsisKey: true,
}

func sharesContentWord(a, b []qword) bool {
	have := map[string]bool{}
	for _, w := range a {
		if !quoteStopWords[w.Key] {
			have[w.Key] = true
		}
	}
	for _, w := range b {
		if have[w.Key] {
			return true
		}
	}
	return false
}

// speakerColon reports the headline form `Trump: "no rush"`, where even a
// two-word quote is presented as the speaker's words (elsewhere two quoted
// words are usually a label or scare quotes).
func speakerColon(doc *compare.Document, h *compare.Claim) bool {
	if h.Speaker == "" {
		return false
	}
	before := strings.TrimRight(doc.Slice(compare.Span{Start: max(0, h.Span.Start-4), End: h.Span.Start}), " \t\"'“‘«")
	return strings.HasSuffix(before, ":")
}
