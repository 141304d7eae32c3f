package config

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Print writes the effective configuration, one value per line with the
// place it came from: the merged result of the extends chain, then the
// defaults of what no file sets.
func (c *Config) Print(w io.Writer) error {
	var b strings.Builder
	if len(c.Files) == 0 {
		b.WriteString("# no " + FileName + " found; defaults only\n")
	} else {
		b.WriteString("# files, later overriding earlier: " + strings.Join(c.Files, ", ") + "\n")
	}
	var lines [][2]string
	if c.tree != nil {
		flatten(c.tree, "", &lines)
	}
	set := map[string]bool{}
	for _, l := range lines {
		set[l[0][:strings.Index(l[0], ":")]] = true
	}
	for _, d := range [][2]string{
		{"fail_on", "error"},
		{"tolerances.date", "day"},
		{"tolerances.number", "0"},
	} {
		if !set[d[0]] {
			lines = append(lines, [2]string{d[0] + ": " + d[1], "default"})
		}
	}
	width := 0
	for _, l := range lines {
		width = max(width, len(l[0]))
	}
	for _, l := range lines {
		fmt.Fprintf(&b, "%-*s  # %s\n", width, l[0], l[1])
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("printing the configuration: %w", err)
	}
	return nil
}

// flatten lists the leaves of a merged tree as "key.path: value" with
// their origin.
func flatten(n *node, prefix string, out *[][2]string) {
	key := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	if n.kids != nil {
		for _, k := range n.keys {
			if k == "extends" {
				continue // shown as the file list
			}
			kid := n.kids[k]
			if key(k) == "kb.facts" {
				*out = append(*out, [2]string{key(k) + ": (inline kb entries)", kid.origin().String()})
				continue
			}
			flatten(kid, key(k), out)
		}
		return
	}
	switch n.y.Kind {
	case yaml.SequenceNode:
		scalars := true
		for _, c := range n.y.Content {
			scalars = scalars && c.Kind == yaml.ScalarNode
		}
		if scalars {
			var vs []string
			for _, c := range n.y.Content {
				vs = append(vs, render(c))
			}
			*out = append(*out, [2]string{prefix + ": [" + strings.Join(vs, ", ") + "]", n.origin().String()})
			return
		}
		for i, it := range n.items() {
			flatten(it, prefix+"["+strconv.Itoa(i)+"]", out)
		}
	default:
		*out = append(*out, [2]string{prefix + ": " + render(n.y), n.origin().String()})
	}
}

// render writes a scalar so that it reads back as the same YAML value.
func render(y *yaml.Node) string {
	if y.Kind != yaml.ScalarNode {
		return "…"
	}
	if y.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 || strings.ContainsAny(y.Value, "\n#:") {
		return strconv.Quote(y.Value)
	}
	return y.Value
}
