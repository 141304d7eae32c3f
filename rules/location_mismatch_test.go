package rules_test

import (
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/compare/comparetest"
)

func TestLocationMismatch(t *testing.T) {
	comparetest.Run(t, filepath.Join("..", "testdata", "rules", "location-mismatch", "*.txtar"))
}
