package check

import (
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

func TestStories(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	doc := func(id, ref, story string) *compare.Document {
		return &compare.Document{ID: id, Reference: day(ref), Story: story}
	}
	tests := []struct {
		name string
		docs []*compare.Document
		want [][]string
	}{
		{"one as-of", []*compare.Document{doc("b", "2025-04-12", ""), doc("a", "2025-04-12", "")}, [][]string{{"a", "b"}}},
		{"days apart", []*compare.Document{doc("a", "2025-04-12", ""), doc("b", "2025-04-20", ""), doc("c", "2025-05-15", "")}, [][]string{{"a", "b", "c"}}},
		{"months apart", []*compare.Document{doc("a", "2025-03-08", ""), doc("b", "2025-09-14", "")}, [][]string{{"a"}, {"b"}}},
		{"story field", []*compare.Document{doc("a", "2025-06-03", "x"), doc("b", "2025-06-03", "y"), doc("c", "2025-06-03", "x")}, [][]string{{"a", "c"}, {"b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Stories(tt.docs)
			if len(got) != len(tt.want) {
				t.Fatalf("%d stories, want %d", len(got), len(tt.want))
			}
			for i, st := range got {
				var ids []string
				for _, d := range st {
					ids = append(ids, d.ID)
				}
				if len(ids) != len(tt.want[i]) {
					t.Fatalf("story %d = %v, want %v", i, ids, tt.want[i])
				}
				for j := range ids {
					if ids[j] != tt.want[i][j] {
						t.Fatalf("story %d = %v, want %v", i, ids, tt.want[i])
					}
				}
			}
		})
	}
}
