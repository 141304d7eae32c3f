package source

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// anchoredRx is a regular expression anchored at the start of the text
// that first checks whether the opening bytes of a text can begin a
// match. The residue patterns are large alternations that the regexp
// package runs on its slowest engine, while most lines they are tried on
// fail within a few bytes ("EU and…" against "email", "ad", …).
//
// The check is a small table built from the compiled program, the one
// regexp runs: the sets of instructions the program can be in after each
// of the first few ASCII bytes. A byte that leaves no instruction alive
// means no match; anything the table does not decide (a non-ASCII byte,
// a possible match, a condition other than the start of the text, the end
// of the table) is left to the regexp.
type anchoredRx struct {
	re *regexp.Regexp
	// next[s][c] is the state after ASCII byte c in state s (state 0 is
	// the start), or rxDead or rxAsk.
	next [][utf8.RuneSelf]int16
}

const (
	rxDead = -1 // no match can start this way
	rxAsk  = -2 // run the regexp
	// rxDepth is how many opening bytes the table follows.
	rxDepth = 3
)

// mustAnchored compiles expr as regexp.MustCompile does, with the table.
// A pattern not anchored at the start gets no table (every text is run).
func mustAnchored(expr string) *anchoredRx {
	a := &anchoredRx{re: regexp.MustCompile(expr)}
	tree, err := syntax.Parse(expr, syntax.Perl) // as regexp.Compile parses
	if err != nil {
		return a
	}
	prog, err := syntax.Compile(tree.Simplify())
	if err != nil || prog.StartCond()&syntax.EmptyBeginText == 0 {
		return a
	}
	a.next = buildRxTable(prog)
	return a
}

// rxState is a set of instructions waiting for a rune; ask is set when
// the set cannot be told from a match without the regexp.
type rxState struct {
	pcs []uint32
	ask bool
}

// closure adds pc and what it reaches without reading a rune; start is
// set at the start of the text. seen marks instructions visited.
func (st *rxState) closure(prog *syntax.Prog, pc uint32, start bool, seen []bool) {
	if seen[pc] {
		return
	}
	seen[pc] = true
	inst := &prog.Inst[pc]
	switch inst.Op {
	case syntax.InstAlt, syntax.InstAltMatch:
		st.closure(prog, inst.Out, start, seen)
		st.closure(prog, inst.Arg, start, seen)
	case syntax.InstCapture, syntax.InstNop:
		st.closure(prog, inst.Out, start, seen)
	case syntax.InstEmptyWidth:
		switch {
		case syntax.EmptyOp(inst.Arg) == syntax.EmptyBeginText:
			if start {
				st.closure(prog, inst.Out, start, seen)
			} // elsewhere it cannot hold: the thread dies
		default:
			st.ask = true // depends on what comes next: let the regexp judge
		}
	case syntax.InstMatch:
		st.ask = true
	case syntax.InstFail:
	default: // waits for a rune
		st.pcs = append(st.pcs, pc)
	}
}

// matchesByte reports whether a rune instruction takes ASCII byte c.
func matchesByte(inst *syntax.Inst, c byte) bool {
	r := rune(c)
	switch inst.Op {
	case syntax.InstRune:
		return inst.MatchRune(r)
	case syntax.InstRune1:
		return r == inst.Rune[0]
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	}
	return false
}

// buildRxTable follows the program over every run of up to rxDepth ASCII
// bytes from the start.
func buildRxTable(prog *syntax.Prog) [][utf8.RuneSelf]int16 {
	var start rxState
	seen := make([]bool, len(prog.Inst))
	start.closure(prog, uint32(prog.Start), true, seen)
	if start.ask {
		return nil
	}
	var table [][utf8.RuneSelf]int16
	index := map[string]int16{} // state key (depth and instructions) → row
	type item struct {
		st    rxState
		depth int
	}
	queue := []item{{start, 0}}
	table = append(table, [utf8.RuneSelf]int16{})
	for row := 0; row < len(queue); row++ {
		it := queue[row]
		for c := range utf8.RuneSelf {
			var nst rxState
			clear(seen)
			for _, pc := range it.st.pcs {
				if inst := &prog.Inst[pc]; matchesByte(inst, byte(c)) {
					nst.closure(prog, inst.Out, false, seen)
				}
			}
			switch {
			case nst.ask || it.depth+1 >= rxDepth && len(nst.pcs) > 0:
				table[row][c] = rxAsk
			case len(nst.pcs) == 0:
				table[row][c] = rxDead
			default:
				slices.Sort(nst.pcs)
				key := stateKey(it.depth+1, nst.pcs)
				n, ok := index[key]
				if !ok {
					n = int16(len(queue))
					index[key] = n
					queue = append(queue, item{nst, it.depth + 1})
					table = append(table, [utf8.RuneSelf]int16{})
				}
				table[row][c] = n
			}
		}
	}
	return table
}

func stateKey(depth int, pcs []uint32) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(depth))
	for _, pc := range pcs {
		b.WriteByte(',')
		b.WriteString(strconv.FormatUint(uint64(pc), 10))
	}
	return b.String()
}

// possible reports whether a match of b may exist: false only when the
// table rules it out.
func (a *anchoredRx) possible(b []byte) bool {
	if a.next == nil {
		return true
	}
	s := int16(0)
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
		switch s = a.next[s][c]; s {
		case rxDead:
			return false
		case rxAsk:
			return true
		}
	}
	return true // the text ended first: the end may matter
}

// Match is regexp.Regexp.Match.
func (a *anchoredRx) Match(b []byte) bool {
	return a.possible(b) && a.re.Match(b)
}

// FindSubmatch is regexp.Regexp.FindSubmatch.
func (a *anchoredRx) FindSubmatch(b []byte) [][]byte {
	if !a.possible(b) {
		return nil
	}
	return a.re.FindSubmatch(b)
}
