package config

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxFileSize bounds a config file; configs are small, and the cap keeps
// a hostile file from costing much.
const maxFileSize = 1 << 20

// PosError is an error at a place in a config file.
type PosError struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *PosError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

func errAt(file string, n *yaml.Node, format string, args ...any) error {
	line, col := 1, 1
	if n != nil && n.Line > 0 {
		line, col = n.Line, n.Column
	}
	return &PosError{File: file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// node is a YAML node with the file it came from. Mappings are merged key
// by key across extended files; every other node is replaced whole.
type node struct {
	y    *yaml.Node
	file string
	keys []string         // mapping keys in order
	kids map[string]*node // mapping values
	at   map[string]*yaml.Node
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses one file into a node tree, refusing aliases (a chain of
// them expands exponentially) and duplicate keys.
func parseYAML(file string, data []byte) (*node, error) {
	if len(data) > maxFileSize {
		return nil, &PosError{File: file, Line: 1, Column: 1, Msg: fmt.Sprintf("file too large (%d bytes, limit %d)", len(data), maxFileSize)}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 1
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			msg = te.Errors[0]
		}
		return nil, &PosError{File: file, Line: line, Column: 1, Msg: msg}
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return &node{file: file, kids: map[string]*node{}, at: map[string]*yaml.Node{}}, nil
		}
		doc = doc.Content[0]
	}
	if doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return &node{file: file, kids: map[string]*node{}, at: map[string]*yaml.Node{}}, nil
	}
	if doc.Kind != yaml.MappingNode {
		return nil, errAt(file, doc, "a config file must be a mapping of keys (see docs/configuration.md)")
	}
	return build(file, doc)
}

func build(file string, y *yaml.Node) (*node, error) {
	if y.Kind == yaml.AliasNode {
		return nil, errAt(file, y, "YAML aliases (*%s) are not allowed in config files", y.Value)
	}
	n := &node{y: y, file: file}
	switch y.Kind {
	case yaml.MappingNode:
		n.kids, n.at = map[string]*node{}, map[string]*yaml.Node{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, errAt(file, k, "keys must be plain strings")
			}
			if k.Value == "<<" {
				return nil, errAt(file, k, "merge keys (<<) are not allowed; use extends:")
			}
			if _, dup := n.kids[k.Value]; dup {
				return nil, errAt(file, k, "duplicate key %q", k.Value)
			}
			kid, err := build(file, v)
			if err != nil {
				return nil, err
			}
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				continue // "key:" with nothing (or only comments) leaves key unset
			}
			n.keys = append(n.keys, k.Value)
			n.kids[k.Value] = kid
			n.at[k.Value] = k
		}
	case yaml.SequenceNode:
		for _, c := range y.Content {
			if _, err := build(file, c); err != nil {
				return nil, err
			}
		}
	}
	return n, nil
}

// merge lays over on top of base: mappings key by key, anything else
// (scalars, lists) replaced whole.
func merge(base, over *node) *node {
	if base == nil {
		return over
	}
	if over == nil {
		return base
	}
	if base.kids == nil || over.kids == nil {
		return over
	}
	out := &node{y: over.y, file: over.file, kids: map[string]*node{}, at: map[string]*yaml.Node{}}
	for _, k := range base.keys {
		out.keys = append(out.keys, k)
		out.kids[k], out.at[k] = base.kids[k], base.at[k]
	}
	for _, k := range over.keys {
		if _, ok := out.kids[k]; !ok {
			out.keys = append(out.keys, k)
		}
		out.kids[k] = merge(out.kids[k], over.kids[k])
		out.at[k] = over.at[k]
	}
	return out
}

func (n *node) err(format string, args ...any) error {
	return errAt(n.file, n.y, format, args...)
}

func (n *node) origin() Origin {
	if n.y == nil {
		return Origin{File: n.file}
	}
	return Origin{File: n.file, Line: n.y.Line, Column: n.y.Column}
}

// scalar returns the value of a scalar node.
func (n *node) scalar(what string) (string, error) {
	if n.y == nil || n.y.Kind != yaml.ScalarNode {
		return "", n.err("%s: want a single value", what)
	}
	return n.y.Value, nil
}

func (n *node) str(what string) (string, error) {
	s, err := n.scalar(what)
	if err != nil {
		return "", err
	}
	if n.y.Tag == "!!null" {
		return "", n.err("%s: want a value", what)
	}
	return s, nil
}

func (n *node) boolean(what string) (bool, error) {
	var b bool
	if n.y == nil || n.y.Kind != yaml.ScalarNode || n.y.Decode(&b) != nil {
		return false, n.err("%s: want true or false", what)
	}
	return b, nil
}

func (n *node) number(what string) (float64, error) {
	var f float64
	if n.y == nil || n.y.Kind != yaml.ScalarNode || n.y.Decode(&f) != nil {
		return 0, n.err("%s: want a number", what)
	}
	return f, nil
}

// strings reads a string or a list of strings.
func (n *node) strings(what string) ([]string, error) {
	if n.y != nil && n.y.Kind == yaml.ScalarNode {
		s, err := n.str(what)
		return []string{s}, err
	}
	if n.y == nil || n.y.Kind != yaml.SequenceNode {
		return nil, n.err("%s: want a string or a list of strings", what)
	}
	var out []string
	for _, c := range n.items() {
		s, err := c.str(what)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// items returns a sequence's elements as nodes of the same file.
func (n *node) items() []*node {
	var out []*node
	for _, c := range n.y.Content {
		kid, _ := build(n.file, c) // already checked when the file was parsed
		out = append(out, kid)
	}
	return out
}

// mapping checks that n is a mapping with only the allowed keys.
func (n *node) mapping(what string, allowed ...string) error {
	if n.kids == nil {
		return n.err("%s: want a mapping", what)
	}
	for _, k := range n.keys {
		ok := false
		for _, a := range allowed {
			ok = ok || a == k
		}
		if !ok {
			return errAt(n.kidFile(k), n.at[k], "%s: unknown key %q (want %s)", what, k, strings.Join(allowed, ", "))
		}
	}
	return nil
}

// kidFile is the file a merged key came from.
func (n *node) kidFile(k string) string {
	if kid := n.kids[k]; kid != nil {
		return kid.file
	}
	return n.file
}
