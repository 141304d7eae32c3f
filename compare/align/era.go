package align

import (
	"iter"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// Eras returns, for each document, the window in which all its
// time-bounded claims about the time of its main event can be true. A
// document without such claims has an open era. The window is empty when
// two claims exclude each other ("the Biden administration" and "former
// President Trump" in one article of 2025).
func Eras(docs []*compare.Document, claims []compare.Claim) map[string]compare.Era {
	return ErasOf(docs, func(yield func(*compare.Claim) bool) {
		for i := range claims {
			if !yield(&claims[i]) {
				return
			}
		}
	})
}

// ErasOf is Eras over claims given by pointer, for callers that select
// claims without copying them.
func ErasOf(docs []*compare.Document, claims iter.Seq[*compare.Claim]) map[string]compare.Era {
	win := map[string]compare.Window{}
	empty := map[string]bool{}
	for c := range claims {
		if c.Valid == nil {
			continue
		}
		w, ok := win[c.Doc.ID]
		if !ok {
			win[c.Doc.ID] = *c.Valid
			continue
		}
		nw, nonEmpty := w.Intersect(*c.Valid)
		if !nonEmpty {
			empty[c.Doc.ID] = true
		}
		win[c.Doc.ID] = nw
	}
	out := make(map[string]compare.Era, len(docs))
	for _, d := range docs {
		w, ok := win[d.ID]
		if !ok {
			out[d.ID] = compare.Era{}
			continue
		}
		out[d.ID] = compare.Era{From: timePtr(w.From), To: timePtr(w.To), Empty: empty[d.ID]}
	}
	return out
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
