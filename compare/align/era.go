package align

import (
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// Eras returns, for each document, the window in which all its
// time-bounded claims about the time of its main event can be true. A
// document without such claims has an open era. The window is empty when
// two claims exclude each other ("the Biden administration" and "former
// President Trump" in one article of 2025).
func Eras(docs []*compare.Document, claims []compare.Claim) map[string]compare.Era {
	win := make(map[string]EraWindow, len(docs))
	for i := range claims {
		c := &claims[i]
		if c.Valid == nil {
			continue
		}
		w := win[c.Doc.ID]
		w.Add(*c.Valid)
		win[c.Doc.ID] = w
	}
	out := make(map[string]compare.Era, len(docs))
	for _, d := range docs {
		w, ok := win[d.ID]
		if !ok {
			out[d.ID] = compare.Era{}
			continue
		}
		out[d.ID] = compare.Era{From: timePtr(w.From), To: timePtr(w.To), Empty: w.Empty}
	}
	return out
}

// EraWindow is the window in which all of one document's time-bounded
// claims can be true, narrowed claim by claim with Add: the era of Eras
// without its pointers, for callers that only compare windows.
type EraWindow struct {
	compare.Window
	// Empty: two of the claims exclude each other.
	Empty bool
	set   bool // a claim was added
}

// Add narrows the window to a claim's window of validity.
func (e *EraWindow) Add(w compare.Window) {
	if !e.set {
		e.Window, e.set = w, true
		return
	}
	nw, nonEmpty := e.Intersect(w)
	if !nonEmpty {
		e.Empty = true
	}
	e.Window = nw
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
