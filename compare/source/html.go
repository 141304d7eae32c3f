package source

import "github.com/crosscheck/crosscheck/compare"

func parseHTML(path string, data []byte) (*compare.Document, []compare.DocError) {
	return nil, []compare.DocError{errf(path, "HTML not supported yet")}
}
