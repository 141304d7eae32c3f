package reports

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// annotationBudget is how many annotations GitHub Actions shows per step
// (10 errors and 10 warnings at most); crosscheck spends it on the most
// severe problems and counts the rest on one plain line.
const annotationBudget = 10

// GitHub prints GitHub Actions workflow commands: one annotation per
// problem (documents that failed to load first, then contradictions and
// anachronisms, most severe first, in report order within a severity),
// at most annotationBudget, then one line counting the rest. Agreements
// and suppressed findings are not annotated: they need no action.
func GitHub(w io.Writer, r *compare.Report, opt Options) error {
	var lines []string
	for _, e := range r.Errors {
		lines = append(lines, "::error "+ghProps("file", relPath(e.Path, opt.BaseDir), "title", "crosscheck: cannot read document")+"::"+ghData(oneLine(e.Message)))
	}
	var fs []compare.Finding
	for _, f := range r.Findings {
		if f.Type != compare.Agreement && f.Suppressed == "" {
			fs = append(fs, f)
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
	var rest []compare.Finding
	for i, f := range fs {
		if len(lines) >= annotationBudget {
			rest = fs[i:]
			break
		}
		lines = append(lines, ghAnnotation(f, opt))
	}
	if len(lines) > annotationBudget { // more load errors than the budget
		lines = lines[:annotationBudget]
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if n := len(r.Errors) + len(fs) - len(lines); n > 0 {
		fmt.Fprintf(&b, "crosscheck: %s not annotated (GitHub shows %d per step)%s; see the full report\n",
			plural(n, "more problem"), annotationBudget, restBySeverity(rest))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("github report: %w", err)
	}
	return nil
}

// restBySeverity is ": 2 error, 5 warning" for the findings left out.
func restBySeverity(fs []compare.Finding) string {
	n := map[compare.Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	var parts []string
	for s := compare.Error; s >= compare.Info; s-- {
		if n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], s))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, ", ")
}

// ghAnnotation is one finding as a workflow command at its primary claim,
// the other claims and the kb evidence on further lines of the message.
func ghAnnotation(f compare.Finding, opt Options) string {
	cmd := map[compare.Severity]string{compare.Error: "error", compare.Warning: "warning"}[f.Severity]
	if cmd == "" {
		cmd = "notice"
	}
	msg := []string{oneLine(f.Message)}
	var props []string
	for i, c := range f.Claims {
		l := locate(c)
		if i == 0 {
			props = []string{"file", relPath(l.Path, opt.BaseDir), "line", fmt.Sprint(l.Line), "col", fmt.Sprint(l.Column)}
			if l.EndLine == l.Line {
				props = append(props, "endColumn", fmt.Sprint(l.EndCol))
			} else {
				props = append(props, "endLine", fmt.Sprint(l.EndLine))
			}
			continue
		}
		msg = append(msg, fmt.Sprintf("%s:%d:%d “%s”", relPath(l.Path, opt.BaseDir), l.Line, l.Column, oneLine(c.Text)))
	}
	for _, e := range f.Evidence {
		msg = append(msg, "kb: "+oneLine(e.Text))
	}
	if f.Diff != nil {
		msg = append(msg, "diff: "+oneLine(f.Diff.Unified))
	}
	props = append(props, "title", fmt.Sprintf("crosscheck %s %s (%s)", f.Type, f.ID, f.Rule))
	return "::" + cmd + " " + ghProps(props...) + "::" + ghData(strings.Join(msg, "\n"))
}

// ghProps formats key=value pairs of a workflow command.
func ghProps(kv ...string) string {
	parts := make([]string, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		parts = append(parts, kv[i]+"="+ghProp(kv[i+1]))
	}
	return strings.Join(parts, ",")
}

// ghData escapes a workflow command's message, as the Actions toolkit does.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProp escapes a workflow command's property value.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
