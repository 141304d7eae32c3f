package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// Notice is the type of the findings post-processing adds about the run
// itself rather than about the articles: an unused or an expired
// suppression. They are always info.
const Notice compare.Type = "notice"

// KindSuppression is the kind of the notices about suppressions.
const KindSuppression compare.Kind = "suppression"

// Rule names of the notices; they are not registered rules because no
// rule could see the suppressions, only post-processing does.
const (
	RuleUnusedSuppression  = "unused-suppression"
	RuleExpiredSuppression = "expired-suppression"
)

// Suppression applies the documents' inline suppressions
// (Document.Ignores, parsed by compare/source).
type Suppression struct {
	Docs []*compare.Document
	// Now decides expiry: a suppression with until=D suppresses through
	// day D and stops on the day after.
	Now time.Time
	// Warn receives one line per expired suppression (for stderr); nil
	// drops them. The notice findings are added either way.
	Warn func(line string)
	// Ran names the rules that ran; an ignore for a rule that did not run
	// (--rule, a disabled rule) is not reported as unused. Nil: all ran.
	Ran []string
}

// Step returns the post-processing step. A finding is suppressed when one
// of its claims lies in the region of an ignore for its rule (or "all",
// or its type) in that claim's document: the author of either article
// may acknowledge a cross-article finding. Suppressed findings are
// marked, not removed (see Drop). An expired suppression suppresses
// nothing and is reported; an unexpired one that matched nothing is
// reported as unused.
func (s Suppression) Step() func([]compare.Finding) []compare.Finding {
	return func(fs []compare.Finding) []compare.Finding {
		type key struct {
			doc *compare.Document
			i   int
		}
		used := map[key]bool{}
		today := dayOf(s.Now)
		for fi := range fs {
			f := &fs[fi]
			for _, c := range f.Claims {
				if c.Doc == nil {
					continue
				}
				for ii, ig := range c.Doc.Ignores {
					if !ignoreMatches(ig, *f, c) || expired(ig, today) {
						continue
					}
					used[key{c.Doc, ii}] = true
					if f.Suppressed == "" {
						f.Suppressed = suppressedWhy(ig)
					}
				}
			}
		}
		var notices []compare.Finding
		for _, d := range s.Docs {
			for ii, ig := range d.Ignores {
				switch {
				case expired(ig, today):
					msg := fmt.Sprintf("suppression expired on %s: %s no longer suppresses anything", ig.Until.Format("2006-01-02"), describe(ig))
					if s.Warn != nil {
						p, line, col := position(d, ig.At.Start)
						s.Warn(fmt.Sprintf("%s:%d:%d: warning: %s", p, line, col, msg))
					}
					notices = append(notices, notice(d, ig, RuleExpiredSuppression, msg))
				case !used[key{d, ii}] && s.ran(ig.Rule):
					notices = append(notices, notice(d, ig, RuleUnusedSuppression, describe(ig)+" suppresses nothing; remove it"))
				}
			}
		}
		return append(fs, notices...)
	}
}

// ran reports whether the rule an ignore names ran ("all" and finding
// types always count).
func (s Suppression) ran(rule string) bool {
	if s.Ran == nil || rule == "all" {
		return true
	}
	for _, r := range s.Ran {
		if r == rule {
			return true
		}
	}
	switch compare.Type(rule) {
	case compare.Agreement, compare.Contradiction, compare.Anachronism:
		return true
	}
	return false
}

// Drop removes the suppressed findings unless keep (--show-suppressed).
func Drop(keep bool) func([]compare.Finding) []compare.Finding {
	return func(fs []compare.Finding) []compare.Finding {
		if keep {
			return fs
		}
		out := fs[:0]
		for _, f := range fs {
			if f.Suppressed == "" {
				out = append(out, f)
			}
		}
		return out
	}
}

// Active returns the findings that are not suppressed; the exit policy
// counts only these.
func Active(fs []compare.Finding) []compare.Finding {
	var out []compare.Finding
	for _, f := range fs {
		if f.Suppressed == "" {
			out = append(out, f)
		}
	}
	return out
}

func ignoreMatches(ig compare.Ignore, f compare.Finding, c compare.Claim) bool {
	if ig.Rule != "all" && ig.Rule != f.Rule && ig.Rule != string(f.Type) {
		return false
	}
	if f.Type == Notice {
		return false // a suppression cannot hide the notices about suppressions
	}
	span := c.Span
	if span.Len() == 0 {
		span.End = span.Start + 1
	}
	return ig.Span.Overlaps(span)
}

func expired(ig compare.Ignore, today time.Time) bool {
	return ig.Until != nil && today.After(dayOf(*ig.Until))
}

func suppressedWhy(ig compare.Ignore) string {
	why := "inline: " + describe(ig)
	if ig.Reason != "" {
		why += " (" + ig.Reason + ")"
	}
	return why
}

// describe names a directive as written.
func describe(ig compare.Ignore) string {
	verb := "crosscheck-ignore"
	if ig.Block {
		verb = "crosscheck-disable"
	}
	return verb + " " + ig.Rule
}

func notice(d *compare.Document, ig compare.Ignore, rule, msg string) compare.Finding {
	f := compare.Finding{
		Rule:     rule,
		Type:     Notice,
		Kind:     KindSuppression,
		Severity: compare.Info,
		Subject:  ig.Rule,
		Message:  msg,
		Claims: []compare.Claim{{
			Kind: KindSuppression, Doc: d, Span: ig.At, Subject: ig.Rule, Attr: "directive",
			Value: ig.Rule, Text: strings.TrimSpace(d.Slice(ig.At)), Segment: d.SegmentAt(ig.At.Start),
		}},
	}
	f.Fingerprint = Fingerprint(f)
	return f
}

// position is the file, line and column of an offset, through the
// document's source map when it has one.
func position(d *compare.Document, off int) (string, int, int) {
	if d.Source != nil {
		return d.Source(off)
	}
	p := d.Position(off)
	return d.Path, p.Line, p.Column
}
