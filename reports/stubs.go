package reports

import (
	"io"

	"github.com/crosscheck/crosscheck/compare"
)

func CSV(w io.Writer, r *compare.Report, opt Options) error      { return nil }
func GitHub(w io.Writer, r *compare.Report, opt Options) error   { return nil }
func HTML(w io.Writer, r *compare.Report, opt Options) error     { return nil }
func JUnit(w io.Writer, r *compare.Report, opt Options) error    { return nil }
func Markdown(w io.Writer, r *compare.Report, opt Options) error { return nil }
func RDJSONL(w io.Writer, r *compare.Report, opt Options) error  { return nil }
