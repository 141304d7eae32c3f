package check

import (
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// fingerprintCases are findings whose fingerprints were computed by the
// first implementation (strings.Fields/Join/ToLower, sort.Strings, one
// sha256 over the parts joined by NUL). Baselines in users' repositories
// hold such fingerprints, so a faster implementation must give the same
// bytes: odd whitespace, case, unicode, invalid UTF-8 and claim order
// included.
func fingerprintCases() []struct {
	name string
	f    compare.Finding
	want string
} {
	a := &compare.Document{ID: "a"}
	b := &compare.Document{ID: "b-2025/x"}
	c := func(d *compare.Document, kind compare.Kind, subj, attr, value, text string) compare.Claim {
		return compare.Claim{Doc: d, Kind: kind, Subject: subj, Attr: attr, Value: value, Text: text}
	}
	return []struct {
		name string
		f    compare.Finding
		want string
	}{
		{"no claims", compare.Finding{Rule: "x", Type: Notice}, "1708d3f47713f3b2"},
		{"empty", compare.Finding{}, "709e80c88487a241"},
		{"one claim", compare.Finding{Rule: "weekday-mismatch", Type: compare.Contradiction, Kind: compare.KindWeekday, Subject: "talks",
			Claims: []compare.Claim{c(a, compare.KindWeekday, "talks", "weekday", "Friday", "Friday")}}, "5471868963991807"},
		{"claims out of order", compare.Finding{Rule: "date-mismatch", Type: compare.Contradiction, Kind: compare.KindDate, Subject: "talks",
			Claims: []compare.Claim{
				c(b, compare.KindDate, "talks", "date", "2025-04-11", "on  April 11"),
				c(a, compare.KindDate, "talks", "date", "2025-04-12", "on April 12"),
			}}, "6a75544bfb88e7ec"},
		{"odd whitespace and case", compare.Finding{Rule: "quote-mismatch", Type: compare.Contradiction, Kind: compare.KindQuote, Subject: "IR/minister",
			Claims: []compare.Claim{
				c(a, compare.KindQuote, "IR/minister", "quote", "", "  We Will\tNOT\n\n  back DOWN \r\v\f "),
				c(b, compare.KindQuote, "IR/minister", "quote", "", "we will not back down"),
			}}, "fd72b9009c0ee30e"},
		{"unicode", compare.Finding{Rule: "agreement", Type: compare.Agreement, Kind: compare.KindOffice, Subject: "TR/İstanbul",
			Claims: []compare.Claim{
				c(a, compare.KindOffice, "TR/İstanbul", "mayor", "person/ekrem-imamoğlu", "İSTANBUL\u00a0Mayor\u2003ΣΟΦΊΑ\u3000Ekrem\u0085İmamoğlu"),
				c(b, compare.KindOffice, "TR/İstanbul", "mayor", "person/ekrem-imamoğlu", "Straße ǅ ﬁ \u200bzero-width"),
			}}, "16c565b29d805653"},
		{"invalid utf-8", compare.Finding{Rule: "r", Type: compare.Anachronism, Kind: compare.KindEra, Subject: "s\xff",
			Claims: []compare.Claim{
				c(a, compare.KindEra, "s", "a", "v\xfe", "Bad \xff\xfeBYTES\xc3"),
				c(a, compare.KindEra, "s", "a", "v", "ASCII ONLY"),
				c(a, compare.KindEra, "s", "a", "v", ""),
			}}, "061a0406dce81dc8"},
		{"duplicate claims", compare.Finding{Rule: "r", Type: compare.Contradiction, Kind: compare.KindQuantity, Subject: "x",
			Claims: []compare.Claim{
				c(b, compare.KindQuantity, "x", "n", "2", "Two"),
				c(b, compare.KindQuantity, "x", "n", "2", "two"),
				c(a, compare.KindQuantity, "x", "n", "3", "THREE"),
			}}, "45d495c18d5637bf"},
	}
}

func TestFingerprintPinned(t *testing.T) {
	for _, tc := range fingerprintCases() {
		if got := Fingerprint(tc.f); got != tc.want {
			t.Errorf("%s: Fingerprint = %q, want %q", tc.name, got, tc.want)
		}
	}
}
