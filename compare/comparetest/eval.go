package comparetest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// Score counts matches for one finding type or type/kind.
type Score struct {
	TP, FP, FN         int
	TrapsHeld, TrapHit int
}

// Precision is TP/(TP+FP), 1 when nothing was reported.
func (s Score) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall is TP/(TP+FN), 1 when nothing was expected.
func (s Score) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Miss is a want no finding met, or a finding no want expected.
type Miss struct {
	Where string // file:line
	What  string
}

// Evaluation is the outcome of a set of cases.
type Evaluation struct {
	Cases    int
	ByType   map[string]*Score // "contradiction", "anachronism"
	ByKind   map[string]*Score // "contradiction/weekday", …
	Missed   []Miss
	False    []Miss
	TrapHits []Miss
}

// Evaluate runs every case matching the glob; tmp is a scratch directory.
func Evaluate(pattern, tmp string) (*Evaluation, error) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no cases match %s", pattern)
	}
	ev := &Evaluation{ByType: map[string]*Score{}, ByKind: map[string]*Score{}}
	score := func(t compare.Type, k compare.Kind) []*Score {
		if t == compare.Agreement {
			return nil
		}
		kt := string(t)
		kk := kt + "/" + string(k)
		if k == "" {
			kk = kt + "/*" // a trap that names no kind
		}
		if ev.ByType[kt] == nil {
			ev.ByType[kt] = &Score{}
		}
		if ev.ByKind[kk] == nil {
			ev.ByKind[kk] = &Score{}
		}
		return []*Score{ev.ByType[kt], ev.ByKind[kk]}
	}
	for i, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		c, err := Parse(file, data)
		if err != nil {
			return nil, err
		}
		dir := filepath.Join(tmp, fmt.Sprintf("case%03d", i))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		res, err := Execute(c, dir)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		ev.Cases++
		base := filepath.Base(file)
		for _, e := range res.Met {
			for _, s := range score(e.Type, kindOf(e, res)) {
				s.TP++
			}
		}
		for _, e := range res.Missed {
			for _, s := range score(e.Type, e.Kind) {
				s.FN++
			}
			ev.Missed = append(ev.Missed, Miss{fmt.Sprintf("%s:%s:%d", base, e.File, e.Line), e.Raw})
		}
		for _, e := range res.TrapsHeld {
			for _, s := range score(e.Type, e.Kind) {
				s.TrapsHeld++
			}
		}
		for _, e := range res.TrapHits {
			for _, s := range score(e.Type, e.Kind) {
				s.TrapHit++
			}
			ev.TrapHits = append(ev.TrapHits, Miss{fmt.Sprintf("%s:%s:%d", base, e.File, e.Line), e.Raw})
		}
		for _, f := range res.Unexpected {
			for _, s := range score(f.Type, f.Kind) {
				s.FP++
			}
			ev.False = append(ev.False, Miss{base + ":" + firstPlace(f, dir), Describe(f)})
		}
	}
	return ev, nil
}

// kindOf is the kind an expectation was met with: its own, or the
// finding's when the expectation named none.
func kindOf(e Expectation, res *Result) compare.Kind {
	if e.Kind != "" {
		return e.Kind
	}
	for i, x := range res.Case.Expect {
		if x.File == e.File && x.Line == e.Line && x.Raw == e.Raw {
			if f, ok := res.FindingFor[i]; ok {
				return f.Kind
			}
		}
	}
	return ""
}

func firstPlace(f compare.Finding, dir string) string {
	if len(f.Claims) == 0 {
		return "?"
	}
	c := f.Claims[0]
	rel, err := filepath.Rel(dir, c.Doc.Path)
	if err != nil {
		rel = filepath.Base(c.Doc.Path)
	}
	return fmt.Sprintf("%s:%d", filepath.ToSlash(rel), c.Doc.Position(c.Span.Start).Line)
}

// Print writes the scores, then every miss, false alarm and trap hit.
func (ev *Evaluation) Print(w io.Writer, details bool) {
	fmt.Fprintf(w, "%d cases\n\n", ev.Cases)
	fmt.Fprintf(w, "%-30s %5s %5s %5s %9s %7s %6s %7s\n", "type/kind", "TP", "FP", "FN", "precision", "recall", "F1", "traps")
	row := func(name string, s *Score) {
		fmt.Fprintf(w, "%-30s %5d %5d %5d %9.3f %7.3f %6.3f %3d/%-3d\n", name, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1(), s.TrapsHeld, s.TrapsHeld+s.TrapHit)
	}
	for _, k := range sortedKeys(ev.ByType) {
		row(k, ev.ByType[k])
	}
	fmt.Fprintln(w)
	for _, k := range sortedKeys(ev.ByKind) {
		row(k, ev.ByKind[k])
	}
	if !details {
		return
	}
	list := func(title string, ms []Miss) {
		if len(ms) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s (%d)\n", title, len(ms))
		for _, m := range ms {
			fmt.Fprintf(w, "  %s  %s\n", m.Where, strings.TrimSpace(m.What))
		}
	}
	list("missed", ev.Missed)
	list("false alarms", ev.False)
	list("traps hit", ev.TrapHits)
}

func sortedKeys(m map[string]*Score) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
