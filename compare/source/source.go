// Package source turns files into documents: plain text, Markdown with
// front matter, HTML pages and JSON Lines. Markup is masked, never removed,
// so every span is a byte range in the original bytes (HTML bodies are the
// exception: their extracted text maps back through Document.Source).
//
// Load reads everything; Walk streams documents one at a time; WalkDeferred
// streams them with the decoding of a JSON Lines record's text and the
// analysis of each text (residue, sections, sentences) left to
// Pending.Document, so a corpus reader can run it on its workers; ParseRecord loads one JSON Lines record. A JSONL record is
// read by a hand-written scanner (record.go); a line it does not read
// exactly as encoding/json would goes through encoding/json, whose errors
// are the ones reported.
package source

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

// DefaultMaxBytes is the largest file loaded when Options.MaxBytes is 0.
const DefaultMaxBytes = 10 << 20

// Options control loading.
type Options struct {
	// MaxBytes is the largest file (or JSONL record) loaded; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the path "-".
	Stdin io.Reader
	// StdinFormat is "txt", "md", "html", "jsonl" or "" to sniff.
	StdinFormat string
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// warningPrefix marks DocErrors that do not stop a document from loading
// (a malformed directive, invalid UTF-8 left in place).
const warningPrefix = "warning: "

// IsWarning reports whether e is a warning: the document it names was
// still loaded.
func IsWarning(e compare.DocError) bool { return strings.HasPrefix(e.Message, warningPrefix) }

func warnf(path, format string, args ...any) compare.DocError {
	return compare.DocError{Path: path, Message: warningPrefix + fmt.Sprintf(format, args...)}
}

func errf(path, format string, args ...any) compare.DocError {
	return compare.DocError{Path: path, Message: fmt.Sprintf(format, args...)}
}

// Formats by extension; ".jsonl.gz" is checked before the plain extension.
var extFormats = map[string]string{
	".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
}

// formatNames are the formats Options.StdinFormat may name ("" sniffs).
var formatNames = map[string]bool{"": true, "txt": true, "md": true, "html": true, "jsonl": true}

// formatOf returns the format a path's extension names, and whether it is
// gzip-compressed JSONL.
func formatOf(path string) (format string, gz bool) {
	lower := strings.ToLower(path)
	if strings.HasSuffix(lower, ".jsonl.gz") {
		return "jsonl", true
	}
	return extFormats[filepath.Ext(lower)], false
}

// sniff guesses the format of bytes without a known extension.
func sniff(data []byte) string {
	b := bytes.TrimLeft(data, "\ufeff \t\r\n")
	switch {
	case len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b:
		return "jsonl.gz"
	case bytes.HasPrefix(b, []byte("{")):
		return "jsonl"
	case bytes.HasPrefix(data, []byte("---\n")) || bytes.HasPrefix(data, []byte("---\r\n")) || bytes.HasPrefix(data, []byte("+++")):
		return "md"
	}
	head := bytes.ToLower(b[:min(len(b), 512)])
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body")) {
		return "html"
	}
	if bytes.HasPrefix(b, []byte("# ")) {
		return "md"
	}
	return "txt"
}

// Load reads every path (files, directories recursively, "-" for stdin)
// and returns the documents sorted by path with unique IDs, and one
// DocError per problem. A document with only warnings is still returned.
func Load(paths []string, opt Options) (docs []*compare.Document, errs []compare.DocError) {
	_ = Walk(paths, opt, func(d *compare.Document) error {
		docs = append(docs, d)
		return nil
	}, func(e compare.DocError) { errs = append(errs, e) })
	return docs, errs
}

// Walk is Load for corpora: it calls fn with one document at a time, in
// path order (JSONL records in line order), never holding all of them.
// Problems go to onErr (which may be nil); Walk returns only fn's error.
func Walk(paths []string, opt Options, fn func(*compare.Document) error, onErr func(compare.DocError)) error {
	return walk(paths, opt, func(p *Pending) error { return fn(p.Document()) }, onErr)
}

// Pending is a document as WalkDeferred delivers it: its ID (unique in
// the run), path, metadata and load errors are final, but its text may
// still be to decode (a JSON Lines record's) and to analyse (page
// residue, sections, title, sentences): use the document Document
// returns, not the one a Pending holds.
type Pending struct {
	doc *compare.Document
	rec *record // a JSON Lines record not yet finished; nil once done
}

// Document does what is left of the loading and returns the document,
// the same as Walk would have delivered. The work depends on nothing but
// the record, so it may run on any goroutine; call it from one at a
// time.
func (p *Pending) Document() *compare.Document {
	if p.rec != nil {
		p.rec.finish(p.doc)
		p.rec = nil
	}
	return p.doc
}

// WalkDeferred is Walk for callers that spread the work over goroutines:
// the reading goroutine only reads lines, checks records and reads their
// metadata (IDs are made unique and errors reported in path and line
// order, as by Walk), and each Pending's Document call, typically on a
// worker, does the rest. For JSON Lines that rest (decoding the text,
// analysing it) is most of the cost; other formats arrive fully loaded.
func WalkDeferred(paths []string, opt Options, fn func(*Pending) error, onErr func(compare.DocError)) error {
	return walk(paths, opt, fn, onErr)
}

// deliverFunc receives a loaded document, or a record whose loading
// Pending.Document finishes.
type deliverFunc func(p *Pending) error

func walk(paths []string, opt Options, fn deliverFunc, onErr func(compare.DocError)) error {
	if onErr == nil {
		onErr = func(compare.DocError) {}
	}
	files := expand(paths, onErr)
	ids := idSet{}
	for _, f := range files {
		err := walkFile(f, opt, func(p *Pending) error {
			p.doc.ID = ids.unique(p.doc.ID)
			return fn(p)
		}, onErr)
		if err != nil {
			return err
		}
	}
	return nil
}

// idSet makes IDs unique in a run: the second "a" becomes "a~2".
type idSet map[string]bool

func (s idSet) unique(id string) string {
	if id == "" {
		id = "doc"
	}
	out := id
	for n := 2; ; n++ {
		// One map operation for a new ID, the common case: the set
		// grows when out was not in it.
		k := len(s)
		if s[out] = true; len(s) > k {
			return out
		}
		out = id + "~" + strconv.Itoa(n)
	}
}

// inputFile is one file to load; explicit files are loaded whatever their
// extension (the format is sniffed), files found in directories only when
// the extension is known.
type inputFile struct {
	path  string
	stdin bool
}

func expand(paths []string, onErr func(compare.DocError)) []inputFile {
	var files []inputFile
	seen := map[string]bool{}
	add := func(f inputFile) {
		if !seen[f.path] {
			seen[f.path] = true
			files = append(files, f)
		}
	}
	for _, p := range paths {
		if p == "-" {
			add(inputFile{path: "-", stdin: true})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			onErr(errf(p, "%s", describeErr(err)))
			continue
		}
		if !info.IsDir() {
			add(inputFile{path: p})
			continue
		}
		n := 0
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				onErr(errf(path, "%s", describeErr(err)))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			hidden := path != p && strings.HasPrefix(d.Name(), ".")
			if d.IsDir() {
				if hidden {
					return fs.SkipDir
				}
				return nil
			}
			if f, _ := formatOf(path); f == "" || hidden || !d.Type().IsRegular() {
				return nil
			}
			n++
			add(inputFile{path: path})
			return nil
		})
		if err != nil {
			onErr(errf(p, "%s", describeErr(err)))
		}
		if n == 0 {
			onErr(errf(p, "no articles in directory (looked for .txt, .md, .markdown, .html, .htm, .jsonl, .jsonl.gz)"))
		}
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].path < files[j].path })
	return files
}

// describeErr turns an OS error into a short phrase without repeating
// the path.
func describeErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

func tooBig(path string, size, limit int64) compare.DocError {
	return errf(path, "file is %s, over the limit of %s (raise it with --max-bytes)", humanBytes(size), humanBytes(limit))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func walkFile(f inputFile, opt Options, fn deliverFunc, onErr func(compare.DocError)) error {
	limit := opt.maxBytes()
	var r io.Reader
	format, gz := formatOf(f.path)
	if f.stdin {
		if opt.Stdin == nil {
			onErr(errf("-", "no standard input"))
			return nil
		}
		r = opt.Stdin
		format, gz = opt.StdinFormat, false
		if _, known := formatNames[format]; !known {
			onErr(errf("-", "unknown format %q (want txt, md, html or jsonl)", format))
			return nil
		}
	} else {
		file, err := os.Open(f.path)
		if err != nil {
			onErr(errf(f.path, "%s", describeErr(err)))
			return nil
		}
		defer file.Close()
		if info, err := file.Stat(); err == nil && info.Size() > limit && !(format == "jsonl") {
			onErr(tooBig(f.path, info.Size(), limit))
			return nil
		}
		r = file
	}
	if format == "jsonl" {
		// JSON Lines stream record by record; the limit applies per record.
		return streamJSONL(f.path, r, gz, opt, fn, onErr)
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		onErr(errf(f.path, "read: %s", describeErr(err)))
		return nil
	}
	if int64(len(data)) > limit {
		onErr(tooBig(f.path, int64(len(data)), limit))
		return nil
	}
	if format == "" {
		format = sniff(data)
	}
	if format == "jsonl" || format == "jsonl.gz" {
		return streamJSONL(f.path, bytes.NewReader(data), format == "jsonl.gz", opt, fn, onErr)
	}
	docs, errs := parseFormat(f.path, format, data, opt)
	for _, e := range errs {
		onErr(e)
	}
	for _, d := range docs {
		if err := fn(&Pending{doc: d}); err != nil {
			return err
		}
	}
	return nil
}

// Parse loads one file's bytes; the format comes from the extension (or
// is sniffed). IDs are not made unique across files: Load and Walk do that.
func Parse(path string, data []byte, opt Options) ([]*compare.Document, []compare.DocError) {
	format, gz := formatOf(path)
	if path == "-" {
		format = opt.StdinFormat
	}
	if format == "" {
		format = sniff(data)
		gz = format == "jsonl.gz"
	}
	if format == "jsonl" || format == "jsonl.gz" {
		var docs []*compare.Document
		var errs []compare.DocError
		_ = streamJSONL(path, bytes.NewReader(data), gz, opt, func(p *Pending) error {
			docs = append(docs, p.Document())
			return nil
		}, func(e compare.DocError) { errs = append(errs, e) })
		return docs, errs
	}
	if int64(len(data)) > opt.maxBytes() {
		return nil, []compare.DocError{tooBig(path, int64(len(data)), opt.maxBytes())}
	}
	return parseFormat(path, format, data, opt)
}

// parseFormat checks the bytes and dispatches to the loader of a format.
func parseFormat(path, format string, data []byte, opt Options) ([]*compare.Document, []compare.DocError) {
	if e, ok := checkBytes(path, data); !ok {
		return nil, []compare.DocError{e}
	}
	var errs []compare.DocError
	if off := invalidUTF8(data); off >= 0 {
		errs = append(errs, warnf(path, "invalid UTF-8 at byte %d (left in place)", off))
	}
	var d *compare.Document
	var more []compare.DocError
	switch format {
	case "md":
		d, more = parseMarkdown(path, data)
	case "html":
		d, more = parseHTML(path, data)
	default:
		d, more = parseText(path, data)
	}
	errs = append(errs, more...)
	if d == nil {
		return nil, errs
	}
	return []*compare.Document{d}, errs
}

// checkBytes rejects empty and binary input.
func checkBytes(path string, data []byte) (compare.DocError, bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		return errf(path, "empty file"), false
	}
	if isBinary(data) {
		return errf(path, "binary file (not text)"), false
	}
	return compare.DocError{}, true
}

// isBinary looks at the first 8 KiB: a NUL byte, or more than one byte in
// ten a control character, means the file is not text.
func isBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

// invalidUTF8 returns the offset of the first invalid byte, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// stem is the base name without extension(s): "a/b.jsonl.gz" → "b".
func stem(path string) string {
	if path == "-" {
		return "stdin"
	}
	base := filepath.Base(path)
	lower := strings.ToLower(base)
	if strings.HasSuffix(lower, ".jsonl.gz") {
		return base[:len(base)-len(".jsonl.gz")]
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// newDoc starts a document over the given bytes.
func newDoc(path string, text []byte) *compare.Document {
	return &compare.Document{ID: stem(path), Path: path, Text: text}
}

// finish sorts and merges the mask, splits sentences and indexes lines;
// wrapped is isWrapped(d.Text). A document with a Source map (JSON Lines
// records, HTML bodies) gets no line index: its positions come from
// Source, and Position builds the index on first use should a caller ask.
func finish(d *compare.Document, wrapped bool) {
	d.Mask = normalizeSpans(d.Mask)
	var buf [64]compare.Span // most articles fit: one exact allocation
	if out := splitSentences(d.Text, d.Mask, buf[:0], wrapped); len(out) > 0 {
		d.Sentences = slices.Clone(out)
	} else {
		d.Sentences = nil
	}
	if d.Source == nil {
		d.IndexLines()
	}
}

// normalizeSpans sorts spans and merges overlapping or touching ones.
func normalizeSpans(s []compare.Span) []compare.Span {
	if len(s) == 0 {
		return nil
	}
	// Any order of equal starts merges to the same spans.
	byStart := func(a, b compare.Span) int { return cmp.Compare(a.Start, b.Start) }
	if !slices.IsSortedFunc(s, byStart) {
		slices.SortFunc(s, byStart)
	}
	out := s[:0]
	for _, sp := range s {
		if sp.End <= sp.Start {
			continue
		}
		if n := len(out); n > 0 && sp.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// gunzip wraps r when gz is set.
func gunzip(r io.Reader, gz bool) (io.Reader, error) {
	if !gz {
		return r, nil
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return zr, nil
}
