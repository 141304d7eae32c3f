package kb

import (
	"slices"
	"testing"
	"time"
)

// TestAppendResolve: AppendResolve appends what Resolve returns, in the
// same order, and leaves what dst held alone.
func TestAppendResolve(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct{ name, at, office string }{
		{"Abbas Araghchi", "", ""},
		{"Bagheri", "2024-06-01", "IR/chief-of-staff"},
		{"Bagheri", "2024-06-01", "IR/foreign-minister"},
		{"Khamenei", "2026-06-01", "IR/supreme-leader"},
		{"Hossein Amir-Abdulahian", "", ""},
		{"Jalali", "", ""},
		{"Araghchi", "1950-01-01", ""},
		{"Nobody Atall", "", ""},
	}
	held := Match{Person: "held", Score: 2}
	for _, tt := range tests {
		var at time.Time
		if tt.at != "" {
			at = mustDate(t, tt.at)
		}
		want := k.Resolve(tt.name, at, tt.office)
		var buf [4]Match
		if got := k.AppendResolve(buf[:0], tt.name, at, tt.office); !slices.Equal(got, want) {
			t.Errorf("AppendResolve(%q, %s, %q) = %v, want %v", tt.name, tt.at, tt.office, got, want)
		}
		got := k.AppendResolve([]Match{held}, tt.name, at, tt.office)
		if len(got) == 0 || got[0] != held || !slices.Equal(got[1:], want) {
			t.Errorf("AppendResolve(dst, %q, %s, %q) = %v, want %v after %v", tt.name, tt.at, tt.office, got, want, held)
		}
	}
}
