package rules_test

import (
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/compare/comparetest"
)

func TestQuantityUpdate(t *testing.T) {
	comparetest.Run(t, filepath.Join("..", "testdata", "rules", "quantity-update", "*.txtar"))
}
