package source

import (
	"bytes"

	"github.com/crosscheck/crosscheck/compare"
)

// mdMask is what the Markdown masker finds.
type mdMask struct {
	mask     []compare.Span
	headings map[int]bool // line starts of heading lines
	comments []comment
}

// maskMarkdown masks the markup of a Markdown body starting at from: HTML
// comments and tags, fenced code, heading and list marks, block quote
// marks, thematic breaks, link targets, reference definitions, inline code,
// emphasis marks and backslashes of escapes. A hand mask rather than a
// parser: it keeps every offset and never drops prose.
func maskMarkdown(text []byte, from int) mdMask {
	m := mdMask{headings: map[int]bool{}}
	add := func(a, b int) {
		if b > a {
			m.mask = append(m.mask, compare.Span{Start: a, End: b})
		}
	}
	fence := []byte(nil) // the open code fence, nil outside code
	fenceStart := 0
	prevBlank := true
	prevText := -1 // start of the previous paragraph line, for setext headings
	inComment := -1
	for ls, next := nextLine(text, 0); next >= 0; ls, next = nextLine(text, next) {
		if ls.end <= from {
			continue
		}
		start := max(ls.start, from)
		line := text[start:ls.end]
		trimmed := bytes.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		tl := bytes.TrimRight(trimmed, " \t\r")

		if inComment >= 0 {
			if i := bytes.Index(line, []byte("-->")); i >= 0 {
				end := start + i + 3
				add(inComment, end)
				m.comments = append(m.comments, comment{at: compare.Span{Start: inComment, End: end}, from: end, body: string(text[inComment+4 : end-3])})
				inComment = -1
				maskInline(text, end, ls.end, &m, add)
			} else {
				add(start, ls.end)
			}
			continue
		}
		if fence != nil {
			add(start, min(ls.end+1, len(text)))
			if indent < 4 && bytes.HasPrefix(tl, fence) && len(bytes.Trim(tl, string(fence[:1]))) == 0 {
				fence = nil
			}
			continue
		}
		if indent < 4 && (bytes.HasPrefix(tl, []byte("```")) || bytes.HasPrefix(tl, []byte("~~~"))) {
			n := 0
			for n < len(tl) && tl[n] == tl[0] {
				n++
			}
			fence = tl[:n]
			fenceStart = start
			add(start, min(ls.end+1, len(text)))
			prevBlank, prevText = true, -1
			continue
		}
		if len(tl) == 0 {
			prevBlank, prevText = true, -1
			continue
		}
		body := start + indent // first non-space byte
		switch {
		case indent < 4 && isThematicOrSetext(tl):
			// "===" or "---" under a paragraph line makes it a heading;
			// otherwise "---", "***", "___" are a rule.
			if prevText >= 0 && (tl[0] == '=' || tl[0] == '-') && !prevBlank {
				m.headings[prevText] = true
			}
			add(start, ls.end)
			prevBlank, prevText = true, -1
			continue
		case indent < 4 && tl[0] == '#':
			n := 0
			for n < len(tl) && tl[n] == '#' {
				n++
			}
			if n <= 6 && (n == len(tl) || tl[n] == ' ' || tl[n] == '\t') {
				hs := body + n
				for hs < ls.end && (text[hs] == ' ' || text[hs] == '\t') {
					hs++
				}
				add(start, hs)
				// Closing hashes: "## Title ##".
				e := start + indent + len(tl)
				c := e
				for c > hs && text[c-1] == '#' {
					c--
				}
				if c < e && (c == hs || text[c-1] == ' ') {
					add(c, e)
				}
				m.headings[ls.start] = true
				maskInline(text, hs, ls.end, &m, add)
				prevBlank, prevText = true, -1
				continue
			}
		case indent < 4 && tl[0] == '[' && isRefDef(tl):
			add(start, ls.end)
			continue
		}
		// Block quote and list marks, possibly nested: "> - item".
		p := body
		for p < ls.end {
			q := p
			for q < ls.end && text[q] == ' ' {
				q++
			}
			if q < ls.end && text[q] == '>' {
				q++
				if q < ls.end && text[q] == ' ' {
					q++
				}
				add(p, q)
				p = q
				continue
			}
			if n := listMarker(text[q:ls.end]); n > 0 {
				add(p, q+n)
				p = q + n
				continue
			}
			break
		}
		if p > body {
			add(start, body)
		}
		// A table separator row: "|---|:---:|".
		if isTableRule(tl) {
			add(start, ls.end)
			continue
		}
		inComment = maskInline(text, p, ls.end, &m, add)
		prevBlank = false
		prevText = ls.start
	}
	if fence != nil {
		add(fenceStart, len(text)) // an unclosed fence runs to the end
	}
	if inComment >= 0 {
		add(inComment, len(text))
	}
	return m
}

// isThematicOrSetext: a line of only '-', '=', '*' or '_' (spaces allowed).
func isThematicOrSetext(tl []byte) bool {
	c := tl[0]
	if c != '-' && c != '=' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for _, b := range tl {
		switch b {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3 || c == '=' && n >= 1 || c == '-' && n >= 2
}

func isRefDef(tl []byte) bool {
	i := bytes.Index(tl, []byte("]:"))
	return i > 1 && bytes.IndexByte(tl[1:i], ']') < 0
}

func isTableRule(tl []byte) bool {
	if !bytes.Contains(tl, []byte("-")) || !bytes.Contains(tl, []byte("|")) {
		return false
	}
	for _, b := range tl {
		if b != '|' && b != '-' && b != ':' && b != ' ' && b != '\t' {
			return false
		}
	}
	return true
}

// listMarker returns the length of a list marker with its space: "- ",
// "* ", "+ ", "12. ", "3) ".
func listMarker(b []byte) int {
	if len(b) >= 2 && (b[0] == '-' || b[0] == '*' || b[0] == '+') && (b[1] == ' ' || b[1] == '\t') {
		return 2
	}
	n := 0
	for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(b) && (b[n] == '.' || b[n] == ')') && b[n+1] == ' ' {
		return n + 2
	}
	return 0
}

// maskInline masks inline markup in text[a:b]. It returns the start of an
// HTML comment left open at the end of the line, or -1.
func maskInline(text []byte, a, b int, m *mdMask, add func(int, int)) int {
	cl := &closers{text: text, a: a, b: b}
	for i := a; i < b; {
		c := text[i]
		if !mdInlineByte[c] { // plain text: the common case
			i++
			continue
		}
		switch c {
		case '\\':
			if i+1 < b && isASCIIPunct(text[i+1]) {
				add(i, i+1)
				i += 2
				continue
			}
		case '`':
			n := run(text, i, b, '`')
			if j := bytes.Index(text[i+n:b], text[i:i+n]); j >= 0 {
				add(i, i+n+j+n)
				i += n + j + n
				continue
			}
			i += n
			continue
		case '<':
			if bytes.HasPrefix(text[i:b], []byte("<!--")) {
				if j := bytes.Index(text[i+4:b], []byte("-->")); j >= 0 {
					end := i + 4 + j + 3
					add(i, end)
					m.comments = append(m.comments, comment{at: compare.Span{Start: i, End: end}, from: end, body: string(text[i+4 : end-3])})
					i = end
					continue
				}
				add(i, b)
				return i
			}
			if j := tagEnd(text[i:b]); j > 0 {
				add(i, i+j)
				i += j
				continue
			}
		case '!':
			if i+1 < b && text[i+1] == '[' {
				if e := linkEnd(cl, i+1); e > 0 {
					add(i, e) // an image: alt text is not prose
					i = e
					continue
				}
			}
		case '[':
			if e := linkEnd(cl, i); e > 0 {
				close := cl.bracket(i)
				add(i, i+1)
				add(close, e)
				i++
				continue
			}
		case '*', '_', '~':
			n := run(text, i, b, c)
			if c == '~' && n < 2 {
				i++
				continue
			}
			before := i > a && isAlnum(text[i-1])
			after := i+n < b && isAlnum(text[i+n])
			// Intraword underscores (snake_case) are not emphasis.
			if c != '_' || !(before && after) {
				if before || after {
					add(i, i+n)
				}
			}
			i += n
			continue
		}
		i++
	}
	return -1
}

// mdInlineByte marks the bytes maskInline's switch acts on; it is never
// written.
var mdInlineByte = [256]bool{'\\': true, '`': true, '<': true, '!': true, '[': true, '*': true, '_': true, '~': true}

func run(text []byte, i, b int, c byte) int {
	n := 0
	for i+n < b && text[i+n] == c {
		n++
	}
	return n
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// tagEnd returns the length of an HTML tag or autolink at the start of b,
// or 0: "<br>", "</span>", "<a href=…>", "<https://…>".
func tagEnd(b []byte) int {
	if len(b) < 3 {
		return 0
	}
	c := b[1]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/') {
		return 0
	}
	// The first '<' or '>' after the opening one: stopping at a '<' keeps
	// a long line of "<a<a<a…" linear.
	j := bytes.IndexAny(b[1:], "<>") + 1
	if j == 0 || b[j] != '>' {
		return 0
	}
	return j + 1
}

// bracketClose returns the offset of the ']' matching the '[' at i.
func bracketClose(text []byte, i, b int) int {
	depth := 0
	for j := i; j < b; j++ {
		switch text[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// closers finds the ']' matching each '[' (by bracketClose's rules) and
// the ')' matching each '(' of the line text[a:b], in one pass each the
// first time one is asked for: scanning ahead from every opener would take
// quadratic time on a long line of them.
type closers struct {
	text    []byte
	a, b    int
	done    bool
	sq, par map[int]int // opener → closer, -1 when none
}

func (c *closers) init() {
	c.done, c.sq, c.par = true, map[int]int{}, map[int]int{}
	var sq, par []int
	for j := c.a; j < c.b; j++ {
		switch c.text[j] {
		case '\\':
			j++ // as bracketClose: the next byte is escaped
		case '[':
			sq, c.sq[j] = append(sq, j), -1
		case ']':
			if n := len(sq); n > 0 {
				c.sq[sq[n-1]], sq = j, sq[:n-1]
			}
		}
	}
	for j := c.a; j < c.b; j++ { // link targets know no escapes
		switch c.text[j] {
		case '(':
			par, c.par[j] = append(par, j), -1
		case ')':
			if n := len(par); n > 0 {
				c.par[par[n-1]], par = j, par[:n-1]
			}
		}
	}
}

// bracket returns bracketClose(text, i, b).
func (c *closers) bracket(i int) int {
	if !c.done {
		c.init()
	}
	if j, ok := c.sq[i]; ok {
		return j
	}
	return bracketClose(c.text, i, c.b) // a '[' the pass took as escaped
}

// linkEnd returns the end of "[text](target)" or "[text][ref]" starting
// at i, or 0 when the bracket is not a link.
func linkEnd(c *closers, i int) int {
	text, b := c.text, c.b
	close := c.bracket(i)
	if close < 0 || close+1 >= b {
		return 0
	}
	switch text[close+1] {
	case '(':
		if j := c.par[close+1]; j > 0 {
			return j + 1
		}
	case '[':
		if j := bytes.IndexByte(text[close+1:b], ']'); j >= 0 {
			return close + 1 + j + 1
		}
	}
	return 0
}
