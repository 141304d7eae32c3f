package source

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// directive is one parsed crosscheck-* comment.
type directive struct {
	verb   string // "ignore", "disable", "enable"
	rules  []string
	reason string
	until  *time.Time
}

var ruleName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// parseDirective reads the body of an HTML comment. ok is false when the
// comment is not a crosscheck directive at all; err is set when it is one
// but malformed.
func parseDirective(body string) (dir directive, ok bool, err error) {
	body = strings.TrimSpace(body)
	verb, rest, _ := strings.Cut(body, " ")
	if !strings.HasPrefix(verb, "crosscheck-") {
		return dir, false, nil
	}
	dir.verb = strings.TrimPrefix(verb, "crosscheck-")
	switch dir.verb {
	case "ignore", "disable", "enable":
	default:
		return dir, true, fmt.Errorf("unknown directive %q (want crosscheck-ignore, crosscheck-disable or crosscheck-enable)", verb)
	}
	toks, err := splitDirective(rest)
	if err != nil {
		return dir, true, err
	}
	var ruleToks []string
	for _, t := range toks {
		key, val, isKV := strings.Cut(t, "=")
		if !isKV {
			if len(dir.rules) > 0 || dir.reason != "" || dir.until != nil {
				return dir, true, fmt.Errorf("unexpected %q after the options", t)
			}
			ruleToks = append(ruleToks, t)
			continue
		}
		if len(ruleToks) > 0 && dir.rules == nil {
			dir.rules = splitRules(ruleToks)
		}
		switch key {
		case "reason":
			dir.reason = val
		case "until":
			t, err := time.Parse("2006-01-02", val)
			if err != nil {
				return dir, true, fmt.Errorf("bad until date %q (want YYYY-MM-DD)", val)
			}
			dir.until = &t
		default:
			return dir, true, fmt.Errorf("unknown option %q (want reason= or until=)", key)
		}
	}
	if dir.rules == nil {
		dir.rules = splitRules(ruleToks)
	}
	if len(dir.rules) == 0 {
		if dir.verb == "enable" {
			dir.rules = []string{"all"}
			return dir, true, nil
		}
		return dir, true, fmt.Errorf("crosscheck-%s needs a rule name or \"all\"", dir.verb)
	}
	for _, r := range dir.rules {
		if !ruleName.MatchString(r) {
			return dir, true, fmt.Errorf("bad rule name %q", r)
		}
	}
	return dir, true, nil
}

func splitRules(toks []string) []string {
	var out []string
	for _, t := range toks {
		for _, r := range strings.Split(t, ",") {
			if r = strings.TrimSpace(r); r != "" {
				out = append(out, r)
			}
		}
	}
	return out
}

// splitDirective splits on spaces, keeping quoted values together.
func splitDirective(s string) ([]string, error) {
	var out []string
	var b strings.Builder
	quote := rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			b.WriteRune(r)
		case r == '"' || r == '\'':
			quote = r
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			if b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
			}
		default:
			b.WriteRune(r)
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated quote")
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out, nil
}

// comment is an HTML comment found in a document: where it stands, where
// it points to (the offset after which the covered text begins) and its
// body.
type comment struct {
	at   compare.Span
	from int
	body string
	// pos names the comment's place for messages ("file:3:1").
	pos string
}

// directivesToIgnores turns comments into Ignores. nextPara returns the
// span of the paragraph that follows an offset (zero when none); end is
// the end of the covered text.
func directivesToIgnores(comments []comment, end int, nextPara func(off int) compare.Span) ([]compare.Ignore, []compare.DocError) {
	var out []compare.Ignore
	var errs []compare.DocError
	open := map[string]int{} // rule → index in out of the open disable
	for _, c := range comments {
		dir, ok, err := parseDirective(c.body)
		if !ok {
			continue
		}
		if err != nil {
			errs = append(errs, warnf(c.pos, "malformed directive: %v", err))
			continue
		}
		switch dir.verb {
		case "ignore":
			span := nextPara(c.from)
			for _, r := range dir.rules {
				out = append(out, compare.Ignore{Rule: r, Reason: dir.reason, Until: dir.until, Span: span, At: c.at})
			}
		case "disable":
			for _, r := range dir.rules {
				if _, dup := open[r]; dup {
					errs = append(errs, warnf(c.pos, "crosscheck-disable %s: already disabled", r))
					continue
				}
				open[r] = len(out)
				out = append(out, compare.Ignore{Rule: r, Reason: dir.reason, Until: dir.until,
					Span: compare.Span{Start: c.from, End: end}, At: c.at, Block: true})
			}
		case "enable":
			for _, r := range dir.rules {
				if r == "all" && len(open) > 0 {
					for k, i := range open {
						out[i].Span.End = max(out[i].Span.Start, c.at.Start)
						delete(open, k)
					}
					continue
				}
				i, isOpen := open[r]
				if !isOpen {
					errs = append(errs, warnf(c.pos, "crosscheck-enable %s without a crosscheck-disable", r))
					continue
				}
				out[i].Span.End = max(out[i].Span.Start, c.at.Start)
				delete(open, r)
			}
		}
	}
	return out, errs
}
