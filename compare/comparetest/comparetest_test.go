package comparetest

import (
	"strings"
	"testing"
)

func TestParseBlanksExpectations(t *testing.T) {
	archive := "comment\nagreements: strict\n-- flags --\n--as-of 2025-04-12\n-- a.txt --\nHeadline\n\nThe talks began on Friday. <!-- want contradiction/weekday \"Friday\" nowant anachronism \"Zarif\" -->\n"
	c, err := Parse("x.txtar", []byte(archive))
	if err != nil {
		t.Fatal(err)
	}
	if !c.StrictAgrees || len(c.Flags) != 2 {
		t.Errorf("comment or flags not read: strict=%v flags=%v", c.StrictAgrees, c.Flags)
	}
	text := string(c.Files["a.txt"])
	if strings.Contains(text, "want") || len(text) != len("Headline\n\nThe talks began on Friday. <!-- want contradiction/weekday \"Friday\" nowant anachronism \"Zarif\" -->\n") {
		t.Errorf("comment not blanked in place: %q", text)
	}
	if len(c.Expect) != 2 {
		t.Fatalf("expectations = %v", c.Expect)
	}
	w, n := c.Expect[0], c.Expect[1]
	if !w.Want || w.Type != "contradiction" || w.Kind != "weekday" || w.Line != 3 || !w.Rx.MatchString("Friday") {
		t.Errorf("want = %+v", w)
	}
	if n.Want || n.Type != "anachronism" || n.Kind != "" {
		t.Errorf("nowant = %+v", n)
	}
}

func TestParseErrors(t *testing.T) {
	for name, archive := range map[string]string{
		"no articles": "-- flags --\n--as-of 2025-04-12\n",
		"bad type":    "-- a.txt --\nx <!-- want contradictions \"x\" -->\n",
		"bad regexp":  "-- a.txt --\nx <!-- want contradiction \"(\" -->\n",
		"no clause":   "-- a.txt --\nx <!-- want whatever -->\n",
	} {
		if _, err := Parse("x.txtar", []byte(archive)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestExecuteStrictMatching(t *testing.T) {
	// The weekday contradiction is expected once; the agreement on the venue
	// is not strict here, so it may stand unannotated.
	archive := `two reports, one weekday each
-- a.txt --
Talks in Oman

The talks, which began on Friday in Muscat, were described as good. <!-- want contradiction/weekday "Friday" -->
-- b.txt --
Talks in Oman

The talks, which took place on Saturday in Muscat, were constructive.
-- flags --
--as-of 2025-04-13
`
	c, err := Parse("x.txtar", []byte(archive))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	res, err := Execute(c, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Met) != 1 || len(res.Missed) != 0 || len(res.Unexpected) != 0 {
		t.Errorf("met %d, missed %v, unexpected %d", len(res.Met), res.Missed, len(res.Unexpected))
	}
	// Without the want the same finding is unexpected: matching is strict.
	c.Expect = nil
	res = Match(c, res.Report, dir)
	if len(res.Unexpected) != 1 {
		t.Errorf("unexpected = %d, want 1", len(res.Unexpected))
	}
}
