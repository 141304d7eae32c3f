package extract

import (
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/extract/temporal"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// Scratch keeps extraction's per-document buffers (the Env, its tokens,
// gazetteer matches, sentences and quote spans) from one document to the next, so
// that a goroutine extracting many documents in turn allocates them once
// rather than per document. The zero value is ready to use. A Scratch is
// not safe for concurrent use: give each worker its own.
//
// What a caller may keep: the claims extracted from a Scratch's Env
// (by Run, AppendRun or an extra extractor) never point into the Scratch.
// Their strings are substrings of a string copy of the document's text
// made afresh for each document, or strings of their own, and their
// Related, Valid and Evidence are their own or the gazetteer's. What it
// may not keep: the Env itself and what it hands out (Tokens, Matches,
// Sentences) are overwritten by the next NewEnv on the same Scratch;
// Timexes are the document's own (the tagger's buffers are kept here, but
// it returns fresh timexes). A claims buffer reused with AppendRun
// is the caller's: copy the claims out of it to keep them past its next
// reuse.
type Scratch struct {
	env   Env
	timex temporal.Buffers
}

// maxKeptTokens bounds the token buffer a Scratch keeps between
// documents: one page far larger than the rest should not pin its
// buffers (some 60 bytes a token) for the rest of a run.
const maxKeptTokens = 1 << 16

// NewEnv is NewEnv reusing the scratch's buffers. The Env it returns is
// valid until the next call of NewEnv on s; see Scratch for what outlives
// it.
func (s *Scratch) NewEnv(doc *compare.Document, k *kb.KB, gaz *Gazetteer, opt Options) *Env {
	old := &s.env
	toks, ms, sents, qs := old.Tokens, old.matches, old.sents, old.quotes
	if cap(toks) > maxKeptTokens {
		toks, ms, sents, qs = nil, nil, nil, nil
	}
	// Matches and sentences point only into the gazetteer, which outlives
	// them, and quote spans are offsets: they need no clearing.
	s.env = Env{Doc: doc, KB: k, Gaz: gaz, Opt: opt, Tokens: toks[:0], matches: ms[:0], sents: sents[:0], quotes: qs[:0], timexBuf: &s.timex}
	s.env.init()
	// The last document's tokens past this one's end would keep its text
	// alive: clear them, so that past len(Tokens) the buffer stays zero.
	if n := len(s.env.Tokens); n < len(toks) && cap(s.env.Tokens) == cap(toks) {
		clear(toks[n:])
	}
	return &s.env
}
