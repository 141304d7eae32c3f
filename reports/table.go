package reports

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/fatih/color"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/crosscheck/crosscheck/compare"
)

// palette holds the colours of the table format. Each colour is forced on
// or off per printer call, so that fatih/color's process-wide NoColor
// setting neither leaks in nor gets changed.
type palette struct {
	on                                   bool
	err, warn, info, dim, bold, del, ins *color.Color
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{
		on:  on,
		err: mk(color.FgRed, color.Bold), warn: mk(color.FgYellow, color.Bold), info: mk(color.FgCyan),
		dim: mk(color.Faint), bold: mk(color.Bold), del: mk(color.FgRed, color.CrossedOut), ins: mk(color.FgGreen, color.Underline),
	}
}

func (p palette) severity(s compare.Severity) string {
	switch s {
	case compare.Error:
		return p.err.Sprint(s.String())
	case compare.Warning:
		return p.warn.Sprint(s.String())
	default:
		return p.info.Sprint(s.String())
	}
}

// Table prints the findings for a terminal: one table per finding type
// (contradictions, anachronisms, then agreements), each claim as
// path:line:col with its text, the kb evidence and quote diffs under the
// finding, and a summary line. The FINDING column takes the width the
// other columns leave; its text is wrapped here, with hanging indents,
// because tablewriter's own wrapping would shrink every column alike.
func Table(w io.Writer, r *compare.Report, opt Options) error {
	width := opt.Width
	if width <= 0 {
		width = 100
	}
	p := newPalette(opt.Color)
	var b strings.Builder
	for _, typ := range typeOrder() {
		var fs []compare.Finding
		idW, ruleW := len("ID"), len("RULE")
		for _, f := range r.Findings {
			if f.Type == typ {
				fs = append(fs, f)
				idW, ruleW = max(idW, twwidth.Width(f.ID)), max(ruleW, twwidth.Width(f.Rule))
			}
		}
		if len(fs) == 0 {
			continue
		}
		// Five borders and two spaces of padding per column.
		cellW := max(width-(idW+len("SEVERITY")+ruleW)-5-8, 20)
		var rows [][]string
		for _, f := range fs {
			rows = append(rows, []string{f.ID, p.severity(f.Severity), f.Rule, findingCell(f, p, opt, cellW)})
		}
		fmt.Fprintf(&b, "%s (%d)\n", p.bold.Sprint(strings.ToUpper(string(typ))+"S"), len(fs))
		t := tablewriter.NewTable(&b,
			tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithHeaderAlignment(tw.AlignLeft),
			tablewriter.WithRowAutoWrap(tw.WrapNone),
			tablewriter.WithTrimSpace(tw.Off),
		)
		t.Header("ID", "SEVERITY", "RULE", "FINDING")
		if err := t.Bulk(rows); err != nil {
			return fmt.Errorf("table report: %w", err)
		}
		if err := t.Render(); err != nil {
			return fmt.Errorf("table report: %w", err)
		}
		b.WriteString("\n")
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(&b, "%s (%d)\n", p.bold.Sprint("ERRORS"), len(r.Errors))
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "  %s: %s\n", relPath(e.Path, opt.BaseDir), p.err.Sprint(oneLine(e.Message)))
		}
		b.WriteString("\n")
	}
	for _, l := range wrap(words(piece{summaryLine(r), nil}), width, 0, 0) {
		b.WriteString(l + "\n")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("table report: %w", err)
	}
	return nil
}

// piece is a run of text in one colour (nil: plain).
type piece struct {
	text string
	c    *color.Color
}

// word is what wrapping never breaks (unless it is wider than the
// line): pieces with no space between them.
type word []piece

func (w word) width() int {
	n := 0
	for _, p := range w {
		n += twwidth.Width(p.text)
	}
	return n
}

// words splits pieces at white space; text on both sides of a piece
// boundary without a space stays one word.
func words(ps ...piece) []word {
	var out []word
	glue := false // the next token continues the current word
	for _, p := range ps {
		if p.text == "" {
			continue
		}
		toks := strings.Fields(p.text)
		startsSpace := strings.TrimLeftFunc(p.text, unicode.IsSpace) != p.text
		for i, t := range toks {
			if i == 0 && glue && !startsSpace && len(out) > 0 {
				out[len(out)-1] = append(out[len(out)-1], piece{t, p.c})
				continue
			}
			out = append(out, word{{t, p.c}})
		}
		glue = len(toks) > 0 && strings.TrimRightFunc(p.text, unicode.IsSpace) == p.text
	}
	return out
}

// wrap lays words out in lines of at most width columns: the first line
// indented by indent, the others by hang. A word wider than a line is
// cut by code points.
func wrap(ws []word, width, indent, hang int) []string {
	var lines []string
	var cur []piece
	col, pad := indent, indent
	add := func(r string, c *color.Color) {
		if n := len(cur); n > 0 && cur[n-1].c == c {
			cur[n-1].text += r
		} else {
			cur = append(cur, piece{r, c})
		}
	}
	flush := func() {
		var b strings.Builder
		b.WriteString(strings.Repeat(" ", pad))
		for _, p := range cur {
			b.WriteString(paint(p.c, p.text))
		}
		lines = append(lines, b.String())
		cur, col, pad = nil, hang, hang
	}
	for _, w := range ws {
		if len(cur) > 0 && col+1+w.width() > width {
			flush()
		}
		if len(cur) > 0 {
			// A space inside a coloured run (a struck-through deletion)
			// keeps the run's colour, so that it reads as one span.
			var c *color.Color
			if last := cur[len(cur)-1].c; last == w[0].c {
				c = last
			}
			add(" ", c)
			col++
		}
		for _, p := range w {
			for _, r := range p.text {
				rw := twwidth.Width(string(r))
				if col+rw > width && col > pad {
					flush()
				}
				add(string(r), p.c)
				col += rw
			}
		}
	}
	if len(cur) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// paint colours s with c (nil: plain).
func paint(c *color.Color, s string) string {
	if c == nil {
		return s
	}
	return c.Sprint(s)
}

// findingCell is the FINDING column: the message, a line per claim, per
// kb fact and for the word diff, each wrapped to width.
func findingCell(f compare.Finding, p palette, opt Options, width int) string {
	var lines []string
	msg := []piece{{oneLine(f.Message), nil}}
	if f.Suppressed != "" {
		msg = append(msg, piece{" (suppressed: " + oneLine(f.Suppressed) + ")", p.dim})
	}
	lines = append(lines, wrap(words(msg...), width, 0, 0)...)
	for _, c := range f.Claims {
		l := locate(c)
		at := fmt.Sprintf("%s:%d:%d", relPath(l.Path, opt.BaseDir), l.Line, l.Column)
		lines = append(lines, wrap(words(piece{at, p.dim}, piece{" “" + oneLine(c.Text) + "”", nil}), width, 2, 4)...)
	}
	for _, e := range f.Evidence {
		lines = append(lines, wrap(words(piece{"kb:", p.info}, piece{" " + oneLine(e.Text), nil}), width, 2, 6)...)
	}
	if f.Diff != nil {
		ps := []piece{{"diff: ", nil}}
		if p.on && len(f.Diff.Ops) > 0 {
			for _, op := range f.Diff.Ops {
				switch op.Op {
				case "delete":
					ps = append(ps, piece{op.Text, p.del})
				case "insert":
					ps = append(ps, piece{op.Text, p.ins})
				default:
					ps = append(ps, piece{op.Text, nil})
				}
			}
		} else {
			ps = append(ps, piece{f.Diff.Unified, nil})
		}
		lines = append(lines, wrap(words(ps...), width, 2, 8)...)
	}
	return strings.Join(lines, "\n")
}
