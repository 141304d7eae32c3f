package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// markdownBudget keeps the findings' tables under GitHub's 65,536-character
// limit for a comment, with room for the errors and the closing note.
const markdownBudget = 60_000

// Markdown prints GitHub-flavoured Markdown for a pull-request comment or
// the step summary ($GITHUB_STEP_SUMMARY): the summary, the documents,
// then a table per finding type with each claim as path:line:col and its
// text, kb evidence, and quote diffs with deletions struck through and
// insertions in bold.
func Markdown(w io.Writer, r *compare.Report, opt Options) error {
	var b strings.Builder
	b.WriteString("## crosscheck report\n\n")
	b.WriteString("**" + summaryLine(r) + "**")
	if r.AsOf != nil {
		b.WriteString(" · as of " + date(r.AsOf))
	}
	b.WriteString("\n\n")
	if len(r.Documents) > 0 {
		b.WriteString("| Document | Title | Reference time | Era |\n|---|---|---|---|\n")
		for _, d := range r.Documents {
			ref := date(&d.Reference)
			if ref != "" && d.ReferenceFrom != "" {
				ref += " (" + d.ReferenceFrom + ")"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", mdCode(d.ID), mdCell(d.Title), mdCell(ref), mdCell(eraText(r, d.ID)))
		}
		b.WriteString("\n")
	}
	left := 0 // findings not shown for want of room
	for _, typ := range typeOrder() {
		var rows []string
		for _, f := range r.Findings {
			if f.Type == typ {
				rows = append(rows, mdRow(f, opt))
			}
		}
		if len(rows) == 0 {
			continue
		}
		if b.Len() > markdownBudget {
			left += len(rows)
			continue
		}
		fmt.Fprintf(&b, "### %s (%d)\n\n", strings.ToUpper(string(typ[:1]))+string(typ[1:])+"s", len(rows))
		b.WriteString("| | Severity | Rule | Finding | Claims |\n|---|---|---|---|---|\n")
		for i, row := range rows {
			if b.Len()+len(row) > markdownBudget {
				left += len(rows) - i
				break
			}
			b.WriteString(row + "\n")
		}
		b.WriteString("\n")
	}
	if left > 0 {
		fmt.Fprintf(&b, "_%s not shown: a pull-request comment holds 65,536 characters; see the full report._\n\n", plural(left, "more finding"))
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(&b, "### Errors (%d)\n\n", len(r.Errors))
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "- `%s`: %s\n", mdCode(relPath(e.Path, opt.BaseDir)), mdCell(e.Message))
		}
		b.WriteString("\n")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("markdown report: %w", err)
	}
	return nil
}

// eraText is "2021-08-25 – 2024-05-19", "2024-08-21 –", "empty" or "".
func eraText(r *compare.Report, id string) string {
	e, ok := r.Eras[id]
	switch {
	case !ok:
		return ""
	case e.Empty:
		return "empty: its claims cannot all be true at once"
	case e.From == nil && e.To == nil:
		return "unbounded"
	}
	return strings.TrimSpace(date(e.From) + " – " + date(e.To))
}

func mdRow(f compare.Finding, opt Options) string {
	msg := mdCell(f.Message)
	if f.Suppressed != "" {
		msg = "~~" + msg + "~~ (suppressed: " + mdCell(f.Suppressed) + ")"
	}
	var claims []string
	for _, c := range f.Claims {
		l := locate(c)
		claims = append(claims, fmt.Sprintf("`%s:%d:%d` “%s”", mdCode(relPath(l.Path, opt.BaseDir)), l.Line, l.Column, mdCell(c.Text)))
	}
	for _, e := range f.Evidence {
		claims = append(claims, "kb: "+mdCell(e.Text))
	}
	if f.Diff != nil {
		claims = append(claims, "diff: "+mdDiff(*f.Diff))
	}
	sev := f.Severity.String()
	if f.Severity == compare.Error {
		sev = "**" + sev + "**"
	}
	return fmt.Sprintf("| %s | %s | `%s` | %s | %s |", f.ID, sev, mdCode(f.Rule), msg, strings.Join(claims, "<br>"))
}

// mdDiff shows a word diff: ~~deleted~~ and **inserted**.
func mdDiff(d compare.Diff) string {
	if len(d.Ops) == 0 {
		return mdCell(d.Unified)
	}
	var b strings.Builder
	for _, op := range d.Ops {
		t := mdEscape(strings.Join(strings.Fields(op.Text), " "))
		if op.Text != "" && op.Text[0] == ' ' {
			t = " " + t
		}
		if n := len(op.Text); n > 0 && op.Text[n-1] == ' ' && t != " " {
			t += " "
		}
		if strings.TrimSpace(t) == "" {
			b.WriteString(t)
			continue
		}
		// Emphasis markers must touch the words, so spaces stay outside.
		lead := t[:len(t)-len(strings.TrimLeft(t, " "))]
		trail := t[len(strings.TrimRight(t, " ")):]
		core := strings.TrimSpace(t)
		switch op.Op {
		case "delete":
			b.WriteString(lead + "~~" + core + "~~" + trail)
		case "insert":
			b.WriteString(lead + "**" + core + "**" + trail)
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

// mdCell escapes text for a Markdown table cell: one line, Markdown and
// HTML syntax characters escaped, so that article text renders as text.
func mdCell(s string) string { return mdEscape(oneLine(s)) }

// mdEscape escapes Markdown and HTML syntax characters.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '|', '~', '#', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode makes text safe inside a `code span` in a table: no backticks,
// no pipes (GitHub splits cells on them even in code).
func mdCode(s string) string {
	return strings.NewReplacer("`", "'", "|", "\\|").Replace(oneLine(s))
}
