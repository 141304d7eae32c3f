package reports

import (
	"encoding/json"
	"strings"
	"testing"
)

// benchText is news text as findings carry it: ASCII with a few
// typographic quotes and dashes.
var benchText = strings.Repeat(`Foreign Minister Abbas Araghchi said on Saturday that “neither side wants talks for the sake of talks” – the 3rd round, held in Muscat. `, 4)

// BenchmarkAppendJSONString: the string encoder against encoding/json's.
func BenchmarkAppendJSONString(b *testing.B) {
	b.Run("hand", func(b *testing.B) {
		b.SetBytes(int64(len(benchText)))
		buf := make([]byte, 0, 2*len(benchText))
		for b.Loop() {
			buf = AppendJSONString(buf[:0], benchText)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(benchText)))
		for b.Loop() {
			if _, err := json.Marshal(benchText); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAppendFindingJSON: the findings of the printers' test report.
func BenchmarkAppendFindingJSON(b *testing.B) {
	fs := testReport(b).Findings
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range fs {
			buf = AppendFindingJSON(buf[:0], f)
		}
	}
}
