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
	// The window of each document ID, at the first document with the ID;
	// claims come in document order, so the last one found is tried first.
	win := make([]EraWindow, len(docs))
	ids := newDocIndex(docs)
	last := -1
	for i := range claims {
		c := &claims[i]
		if c.Valid == nil {
			continue
		}
		if last < 0 || docs[last].ID != c.Doc.ID {
			if last = ids.first(c.Doc.ID); last < 0 {
				continue // not a document of the run: no era to give it
			}
		}
		win[last].Add(*c.Valid)
	}
	out := make(map[string]compare.Era, len(docs))
	var times []time.Time // the eras' bounds, one allocation
	for _, d := range docs {
		w := &win[ids.first(d.ID)]
		if !w.set {
			out[d.ID] = compare.Era{}
			continue
		}
		if times == nil {
			times = make([]time.Time, 0, 2*len(docs))
		}
		e := compare.Era{Empty: w.Empty}
		e.From, times = timePtr(times, w.From)
		e.To, times = timePtr(times, w.To)
		out[d.ID] = e
	}
	return out
}

// docIndex finds the first document with an ID: by scanning a story's
// handful of documents, through a map past manyDocs.
type docIndex struct {
	docs []*compare.Document
	at   map[string]int
}

// manyDocs is the number of documents past which a docIndex uses a map.
const manyDocs = 16

func newDocIndex(docs []*compare.Document) docIndex {
	x := docIndex{docs: docs}
	if len(docs) > manyDocs {
		x.at = make(map[string]int, len(docs))
		for i := len(docs) - 1; i >= 0; i-- {
			x.at[docs[i].ID] = i
		}
	}
	return x
}

// first is the index of the first document with the ID, or -1.
func (x docIndex) first(id string) int {
	if x.at != nil {
		if i, ok := x.at[id]; ok {
			return i
		}
		return -1
	}
	for i, d := range x.docs {
		if d.ID == id {
			return i
		}
	}
	return -1
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

// timePtr returns a pointer to t appended to times (which has room), or
// nil for the zero time.
func timePtr(times []time.Time, t time.Time) (*time.Time, []time.Time) {
	if t.IsZero() {
		return nil, times
	}
	times = append(times, t)
	return &times[len(times)-1], times
}
